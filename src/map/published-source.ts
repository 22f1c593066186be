// Published layers (src/config/published.ts) drawn by MapLibre alone: GeoJSON fill layers
// coloured by each feature's class index with the published scale's colours. The citizen
// view draws only these; the analyst view draws them as its first frame until its live
// deck.gl layers are ready.
import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import type { MapLibreMap } from './maplibre';
import { DATA_SLOT } from './data-slot';
import { NO_VALUE, SUPPRESSED, type PublishedLayer } from '../config/published';
import { SUPPRESSED_COLOUR, scaleFromParts, type ColourScale, type ColourScaleOptions, type Rgba } from '../scales/colour';

export const PUBLISHED_PREFIX = 'citylens-published-';
const css = (c: readonly number[]) => `rgba(${c[0]}, ${c[1]}, ${c[2]}, ${(c[3] / 255).toFixed(3)})`;
const sourceId = (layer: PublishedLayer) => `${PUBLISHED_PREFIX}${layer.layer}`;

/** The layer's colour scale as the live layer draws it (the schema checks no scheme names: a newer build may have more). */
export function publishedScale(layer: PublishedLayer): ColourScale {
  return scaleFromParts({ ...layer.scale, options: layer.scale.options as ColourScaleOptions, colours: layer.scale.colours as Rgba[] });
}

/** fill-color: the class colour by index, grey when suppressed, transparent without a value. */
export function fillColour(layer: PublishedLayer): ExpressionSpecification {
  const stops: (number | string)[] = [];
  layer.scale.colours.forEach((c, i) => stops.push(i, css(c)));
  stops.push(SUPPRESSED, css(SUPPRESSED_COLOUR as Rgba), NO_VALUE, 'rgba(0, 0, 0, 0)');
  return ['match', ['get', 'c'], ...stops, 'rgba(0, 0, 0, 0)'] as unknown as ExpressionSpecification;
}

/**
 * Whether layers can go in now: the style itself is in (map.isStyleLoaded also waits for
 * every basemap tile, which would hold the first frame back for nothing).
 */
export function canEditStyle(map: MapLibreMap): boolean {
  return map.style?._loaded === true;
}

/** Removes every published layer and source from the map. */
export function removePublished(map: MapLibreMap): void {
  for (const id of map.getLayersOrder()) if (id.startsWith(PUBLISHED_PREFIX)) map.removeLayer(id);
  for (const id of Object.keys(map.getStyle().sources ?? {})) if (id.startsWith(PUBLISHED_PREFIX)) map.removeSource(id);
}

/**
 * Draws exactly `layers` (the first on top), replacing what was drawn. They go under the
 * first deck.gl layer group when there is one (so live layers stay above them, where the
 * live layer would be drawn), else under the data slot (under the basemap's labels).
 */
export function putPublished(map: MapLibreMap, layers: readonly PublishedLayer[]): void {
  removePublished(map);
  const deck = map.getLayersOrder().find((id) => id.startsWith('deck-layer-group'));
  const before = deck ?? (map.getLayer(DATA_SLOT) ? DATA_SLOT : undefined);
  for (const layer of [...layers].reverse()) {
    const id = sourceId(layer);
    map.addSource(id, { type: 'geojson', data: layer.features });
    map.addLayer({ id: `${id}-fill`, type: 'fill', source: id, paint: { 'fill-color': fillColour(layer), 'fill-opacity': layer.spec.opacity } }, before);
    map.addLayer({ id: `${id}-line`, type: 'line', source: id, paint: { 'line-color': 'rgba(60, 70, 90, 0.35)', 'line-width': 0.5 } }, before);
  }
  // For tests: which published layers the map draws now.
  map.getContainer().dataset.published = layers.map((l) => l.layer).join(' ');
}

/**
 * setStyle's transformStyle: the next style keeps the published sources and layers, before
 * its data slot, so a basemap swap neither drops them nor makes MapLibre parse them again
 * (the first frame would wait for that).
 */
export function keepPublished(previous: StyleSpecification | undefined, next: StyleSpecification): StyleSpecification {
  if (!previous) return next;
  const sources = Object.entries(previous.sources).filter(([id]) => id.startsWith(PUBLISHED_PREFIX));
  const layers = previous.layers.filter((l) => l.id.startsWith(PUBLISHED_PREFIX));
  if (!sources.length) return next;
  const rest = next.layers.filter((l) => !l.id.startsWith(PUBLISHED_PREFIX));
  const slot = rest.findIndex((l) => l.id === DATA_SLOT);
  const at = slot === -1 ? rest.length : slot;
  return { ...next, sources: { ...next.sources, ...Object.fromEntries(sources) }, layers: [...rest.slice(0, at), ...layers, ...rest.slice(at)] };
}

/** Whether the map draws exactly `layers` now (a basemap swap drops them without a word). */
export function drawsPublished(map: MapLibreMap, layers: readonly PublishedLayer[]): boolean {
  const have = Object.keys(map.getStyle().sources ?? {}).filter((id) => id.startsWith(PUBLISHED_PREFIX));
  return have.length === layers.length && layers.every((l) => map.getSource(sourceId(l)));
}

/** Calls `drawn` once, after the first frame in which published layers were drawn with all their data. */
export function whenPublishedDrawn(map: MapLibreMap, drawn: () => void): () => void {
  const check = () => {
    const ids = Object.keys(map.getStyle()?.sources ?? {}).filter((id) => id.startsWith(PUBLISHED_PREFIX));
    if (!ids.length || !ids.every((id) => map.isSourceLoaded(id))) return;
    map.off('render', check);
    drawn();
  };
  map.on('render', check);
  map.triggerRepaint();
  return () => map.off('render', check);
}
