// MapLibre's CSP build: its worker is a file from our own origin, not a blob, so the
// page's Content-Security-Policy needs no blob: workers. 5.24 is pinned on purpose:
// deck.gl 9.4's interleaved overlay draws nothing over maplibre-gl 6.17 (STACK-FACTS).
import maplibreCsp from 'maplibre-gl/dist/maplibre-gl-csp.js';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-csp-worker.js?url';
import type * as MapLibre from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';

const maplibregl = maplibreCsp as unknown as typeof MapLibre;
maplibregl.setWorkerUrl(workerUrl);

export default maplibregl;
export type { Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
