// A sensible first look at a dataset that just loaded: points get hexagons of their
// density plus the points themselves; polygons get a choropleth of their first numeric
// column, or outlines when they have none.
import type { DatasetInfo } from '../engine/protocol';
import { newLayer, type LayerSpec } from './layer-spec';
import { formatInteger, t } from '../i18n';

export function suggestLayers(info: DatasetInfo): LayerSpec[] {
  const kind = info.geometry.kind;
  if (kind === 'point') {
    return [
      newLayer('points', info.id, t('layers.newTitle', { dataset: info.name, kind: 'points' })),
      newLayer('hexagons', info.id, t('layers.suggest.density', { dataset: info.name, size: formatInteger(500) }), { sizeM: 500, opacity: 0.7 }),
    ];
  }
  const lines = kind === 'line' || info.geometry.hasLines ? [newLayer('lines', info.id, t('layers.newTitle', { dataset: info.name, kind: 'lines' }))] : [];
  if (kind === 'polygon' || info.geometry.hasPolygons) {
    const numeric = info.columns.find((c) => c.kind === 'number' && !c.internal && !/(^|_)(id|fid|code)$/i.test(c.name));
    if (numeric) {
      return [...lines, newLayer('choropleth', info.id, t('layers.suggest.column', { dataset: info.name, column: numeric.name }), { column: numeric.name, classification: 'quantile' })];
    }
    return [...lines, newLayer('outlines', info.id, t('layers.newTitle', { dataset: info.name, kind: 'outlines' }))];
  }
  return lines;
}
