// The one way both views make their MapLibre map: the Natural Earth backdrop with the data
// slot (data-slot.ts) under the basemap's labels, no label fade (each frame redraws every
// data layer, costly on CPU renderers), MapLibre's control labels from our catalogue, and
// the published layers put back whenever a basemap swap drops them with the old style.
import maplibregl, { type MapLibreMap } from './maplibre';
import { backdropStyle } from './basemap';
import { withDataSlot } from './data-slot';
import type { PublishedLayer } from '../config/published';
import { canEditStyle, drawsPublished, putPublished } from './published-source';
import { t } from '../i18n';

/** MapLibre's own control labels, from our catalogue (a patch over its English defaults). */
function maplibreLocale(title: string): Record<string, string> {
  return {
    'Map.Title': title,
    'NavigationControl.ZoomIn': t('map.zoomIn'),
    'NavigationControl.ZoomOut': t('map.zoomOut'),
    'NavigationControl.ResetBearing': t('map.resetBearing'),
    'AttributionControl.ToggleAttribution': t('map.toggleAttribution'),
    'AttributionControl.MapFeedback': t('map.feedback'),
    'ScaleControl.Meters': t('map.metres'),
    'ScaleControl.Kilometers': t('map.kilometres'),
  };
}

export interface BaseMapOptions {
  container: HTMLElement;
  baseUrl: string;
  center: [number, number];
  zoom: number;
  bearing?: number;
  pitch?: number;
  /** The canvas's accessible name. */
  title: string;
  /** A compact (collapsed) attribution, for small screens. */
  compactAttribution: boolean;
  antialias?: boolean;
  /** The published layers the map should be drawing now (read at each style change). */
  published: () => readonly PublishedLayer[];
}

export function createBaseMap(o: BaseMapOptions): MapLibreMap {
  const map = new maplibregl.Map({
    container: o.container,
    style: withDataSlot(backdropStyle(o.baseUrl)),
    center: o.center,
    zoom: o.zoom,
    bearing: o.bearing ?? 0,
    pitch: o.pitch ?? 0,
    attributionControl: { compact: o.compactAttribution },
    fadeDuration: 0,
    ...(o.antialias ? { canvasContextAttributes: { antialias: true } } : {}),
    locale: maplibreLocale(o.title),
  });
  // setStyle diffs styles and drops layers it did not name, without a style.load event.
  map.on('styledata', () => {
    const want = o.published();
    if (canEditStyle(map) && !drawsPublished(map, want)) putPublished(map, want);
  });
  return map;
}
