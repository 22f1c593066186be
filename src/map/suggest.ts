// A sensible first look at a dataset that just loaded: points get hexagons of their
// density plus the points themselves; polygons get a choropleth of their first numeric
// column, or outlines when they have none.
import type { DatasetInfo } from '../engine/protocol';
import { createLayer, type LayerSpec } from '../config/layer';
import { formatInteger, t } from '../i18n';

/** The first layers for a dataset; `taken` are the ids of layers already there. */
export function suggestLayers(info: DatasetInfo, taken: Iterable<string> = []): LayerSpec[] {
  const kind = info.geometry.kind;
  if (kind === 'point') {
    return [
      createLayer('points', info.id, { title: t('layers.newTitle', { dataset: info.name, kind: 'points' }), taken }),
      createLayer('hexagon', info.id, { title: t('layers.suggest.density', { dataset: info.name, size: formatInteger(500) }), sizeM: 500, opacity: 0.7, taken }),
    ];
  }
  const lines = kind === 'line' || info.geometry.hasLines ? [createLayer('lines', info.id, { title: t('layers.newTitle', { dataset: info.name, kind: 'lines' }), taken })] : [];
  if (kind === 'polygon' || info.geometry.hasPolygons) {
    const numeric = info.columns.find((c) => c.kind === 'number' && !c.internal && !/(^|_)(id|fid|code)$/i.test(c.name));
    if (numeric) {
      return [...lines, createLayer('choropleth', info.id, { title: t('layers.suggest.column', { dataset: info.name, column: numeric.name }), column: numeric.name, classification: 'quantile', taken })];
    }
    return [...lines, createLayer('outlines', info.id, { title: t('layers.newTitle', { dataset: info.name, kind: 'outlines' }), taken })];
  }
  return lines;
}
