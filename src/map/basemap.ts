// The offline backdrop: Natural Earth land (world-atlas, prepared as GeoJSON into
// vendor/ at build time) over a water-coloured background. It renders with no network
// and no tiles, so the map is never blank.
import type { StyleSpecification } from './maplibre';

export function backdropStyle(baseUrl: string): StyleSpecification {
  return {
    version: 8,
    name: 'CityLens backdrop',
    sources: {
      land: {
        type: 'geojson',
        data: new URL('vendor/land-50m.geojson', baseUrl).href,
        attribution: 'Made with Natural Earth',
      },
    },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': '#c9d7e3' } },
      { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': '#f3f1ec' } },
      { id: 'coast', type: 'line', source: 'land', paint: { 'line-color': '#a9b8c6', 'line-width': 0.8 } },
    ],
  };
}
