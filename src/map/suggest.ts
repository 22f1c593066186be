// A sensible first look at a dataset that just loaded: points get hexagons of their
// density plus the points themselves; polygons get a choropleth of their first numeric
// column, or outlines when they have none.
import type { DatasetInfo } from '../engine/protocol';
import { newLayer, type LayerSpec } from './layer-spec';

export function suggestLayers(info: DatasetInfo): LayerSpec[] {
  const kind = info.geometry.kind;
  if (kind === 'point') {
    return [
      newLayer('points', info.id, `${info.name}: points`),
      newLayer('hexagons', info.id, `${info.name}: rows per 500 m hexagon`, { sizeM: 500, opacity: 0.7 }),
    ];
  }
  const lines = kind === 'line' || info.geometry.hasLines ? [newLayer('lines', info.id, `${info.name}: lines`)] : [];
  if (kind === 'polygon' || info.geometry.hasPolygons) {
    const numeric = info.columns.find((c) => c.kind === 'number' && !c.internal && !/(^|_)(id|fid|code)$/i.test(c.name));
    if (numeric) {
      return [...lines, newLayer('choropleth', info.id, `${info.name}: ${numeric.name}`, { column: numeric.name, classification: 'quantile' })];
    }
    return [...lines, newLayer('outlines', info.id, `${info.name}: outlines`)];
  }
  return lines;
}
