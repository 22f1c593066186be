// Where data layers go in a basemap style: under the first label layer, so street and
// place names stay readable over points, cells and districts. deck.gl layers are
// interleaved before a placeholder layer that every style CityLens shows carries, so
// swapping basemaps never leaves them pointing at a layer the new style lacks.
import type { StyleSpecification } from 'maplibre-gl';
import type { MapLibreMap } from './maplibre';

export const DATA_SLOT = 'citylens-data-slot';

/** The style with the (invisible) data slot before its first symbol layer, or last. */
export function withDataSlot(style: StyleSpecification): StyleSpecification {
  const layers = style.layers.filter((l) => l.id !== DATA_SLOT);
  const labels = layers.findIndex((l) => l.type === 'symbol');
  const at = labels === -1 ? layers.length : labels;
  layers.splice(at, 0, { id: DATA_SLOT, type: 'background', layout: { visibility: 'none' } });
  return { ...style, layers };
}

/** 'yes' when every data layer sits under every label; 'no-labels' / 'no-data' when one side is missing. */
export function labelsOverData(map: MapLibreMap): 'yes' | 'no' | 'no-labels' | 'no-data' {
  const order = map.getLayersOrder();
  let lastData = -1;
  let firstLabel = -1;
  order.forEach((id, i) => {
    if (id.startsWith('deck-layer-group')) lastData = i;
    else if (firstLabel === -1 && map.getLayer(id)?.type === 'symbol') firstLabel = i;
  });
  if (lastData === -1) return 'no-data';
  if (firstLabel === -1) return 'no-labels';
  return lastData < firstLabel ? 'yes' : 'no';
}
