// What the drill-down of a selected area asks for: the layer's query with its time column,
// the area's key, a bin that fits the data's range, and what the charts are drawn with.
// Null when the layer has no aggregate or its dataset no time column.
import type { AggregateStat, CalendarBin, CellKey, CellsLayerQuery, DatasetInfo, TimeWindow } from '../../engine/protocol';
import { isAggregateLayer, type LayerSpec } from '../../config/layer';
import type { LayerData } from '../../map/layer-values';
import type { SchemeName } from '../../scales/colour';
import { cellKeyOf } from './cell-key';

export interface DrillTarget {
  layer: CellsLayerQuery;
  cell: CellKey;
  bin: CalendarBin;
  stat: AggregateStat;
  scheme: SchemeName;
  areas: number;
}

const DAY = 86_400_000;

/** Hours up to two weeks, days up to half a year, weeks beyond. */
export function binForSpan(ms: number): CalendarBin {
  return ms <= 14 * DAY ? 'hour' : ms <= 183 * DAY ? 'day' : 'week';
}

export function drillTarget(
  spec: LayerSpec,
  data: LayerData,
  index: number,
  query: CellsLayerQuery,
  dataset: DatasetInfo | undefined,
  /** The dataset's time column and display zone (the time panel's). */
  clock: { column: string; zone: string } | undefined,
): DrillTarget | null {
  if (!isAggregateLayer(spec) || (data.kind !== 'cells' && data.kind !== 'areas') || !data.result || !dataset) return null;
  const r = data.result;
  if (index < 0 || index >= r.length) return null;
  // The layer's own time part (window, rhythm filters, zone) when it has one, else the dataset's clock.
  const column = query.time?.column ?? clock?.column;
  const info = dataset.timeColumns?.find((c) => c.column === column);
  if (!column || !info) return null;
  const time: TimeWindow = query.time ?? { column, zone: clock?.zone ?? info.timeZone ?? 'UTC' };
  const span = info.min && info.max ? Date.parse(`${info.max}Z`) - Date.parse(`${info.min}Z`) : NaN;
  let areas = 0;
  for (let i = 0; i < r.length; i++) if (r.counts[i] > 0 || r.suppressed[i]) areas++;
  return {
    layer: { ...query, time },
    cell: cellKeyOf(r, index),
    bin: Number.isFinite(span) ? binForSpan(span) : 'day',
    stat: spec.stat,
    scheme: spec.scheme,
    areas,
  };
}
