// The brief's ranked table: the active layer's top cells or districts by the value it shows,
// from the aggregate the worker already made (ranking its cells, never reading rows).
import type { AggregateResult } from '../../engine/protocol';

export interface TopRow {
  /** Result index of the cell or district. */
  index: number;
  /** The district's name, or the cell's centre as "lat, lon". */
  label: string;
  value: number;
  count: number;
}

const coord = (x: number) => x.toFixed(4);

/**
 * The `n` highest of `values` (the measure the layer shows, one per result cell), ties in
 * result order; suppressed and empty cells are never ranked.
 */
export function topRows(r: AggregateResult, values: Float64Array, n = 10): TopRow[] {
  const order: number[] = [];
  for (let i = 0; i < r.length; i++) {
    if (r.suppressed[i] || !Number.isFinite(values[i])) continue;
    // The points outside every district are not a district.
    if (r.by.kind === 'districts' && r.ids[i] < 0) continue;
    order.push(i);
  }
  order.sort((a, b) => values[b] - values[a] || a - b);
  return order.slice(0, n).map((i) => ({
    index: i,
    label: r.names?.[i] ?? (r.centers ? `${coord(r.centers[2 * i + 1])}, ${coord(r.centers[2 * i])}` : String(i)),
    value: values[i],
    count: r.counts[i],
  }));
}
