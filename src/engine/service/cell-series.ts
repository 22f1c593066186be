// The drill-down (issue 12): one cell's statistic per calendar bin, the whole city's over
// the same bins, and the cell's hour-of-day × weekday grid, each an aggregate of the layer
// (same filters, window and suppression), so the numbers are the map's.
import type { AggregateResult, Answer, BinSeries, CellKey, RequestOf } from '../protocol';
import type { Aggregator } from '../aggregate/aggregator';
import { HOURS_OF_WEEK } from '../aggregate/groupings';
import { checkMinCount } from '../aggregate/privacy';
import { isAdditive } from '../aggregate/stats';
import { message } from '../messages';
import { EngineError } from '../engine-error';

/** What a drill-down works with (a part of the service context). */
export interface SeriesContext {
  aggregator: Aggregator;
  signal: AbortSignal;
}

/** Which entries of a result are the cell `key` (its id words, as the result carries them). */
function matcher(r: AggregateResult, key: CellKey): (i: number) => boolean {
  if (!Array.isArray(key) || !key.every(Number.isInteger)) throw new EngineError('cell-key-not-integers', { key: JSON.stringify(key) ?? String(key) });
  const words = r.h3 ?? r.ids;
  const stride = r.h3 ? 2 : r.by.kind === 'districts' ? 1 : 2;
  if (key.length !== stride) throw new EngineError('cell-key-length', { kind: r.by.kind, stride, got: key.length });
  // H3 words are unsigned 32-bit halves; compare them as such.
  const want = r.h3 ? key.map((k) => k >>> 0) : key;
  return (i) => {
    for (let s = 0; s < stride; s++) if (words[stride * i + s] !== want[s]) return false;
    return true;
  };
}

/**
 * Per bin, the entries of `r` that `take` picks, every bin listed: a bin without rows has
 * count 0 (and 0 of an additive statistic, else no value), suppressed below k as a
 * district without rows is.
 */
function series(r: AggregateResult, B: number, take: (i: number) => boolean, k: number): BinSeries {
  const counts = new Float64Array(B);
  const values = new Float64Array(B).fill(isAdditive(r.stat) ? 0 : NaN);
  const suppressed = new Uint8Array(B);
  const seen = new Uint8Array(B);
  const index = r.bins!.index;
  for (let i = 0; i < r.length; i++) {
    if (!take(i)) continue;
    const b = index[i];
    seen[b] = 1;
    counts[b] = r.counts[i];
    values[b] = r.values[i];
    suppressed[b] = r.suppressed[i];
  }
  for (let b = 0; b < B; b++) {
    if (seen[b] || k === 0) continue;
    suppressed[b] = 1;
    counts[b] = NaN;
    values[b] = NaN;
  }
  return { counts, values, suppressed };
}

export async function cellSeriesAnswer(request: RequestOf<'cell-series'>, ctx: SeriesContext): Promise<Answer<'cell-series'>> {
  // The analysis does not change the cells' numbers.
  const { kind, analysis: _analysis, ...layer } = request.layer;
  if (layer.by.kind !== kind) throw new EngineError('layer-kind-mismatch', { kind, by: layer.by.kind });
  if (!layer.time) throw new EngineError('cell-series-no-time');
  const k = checkMinCount(layer.minCount);
  const binned = { ...layer, bin: request.bin };
  const cells = await ctx.aggregator.aggregate(binned);
  ctx.signal.throwIfAborted();
  const city = await ctx.aggregator.aggregate(binned, { whole: true });
  ctx.signal.throwIfAborted();
  const week = await ctx.aggregator.aggregate({ ...layer, bin: undefined }, { hourOfWeek: true });
  const bins = city.bins!;
  const B = bins.starts.length;
  const sql = [cells.sql, city.sql, week.sql].join(';\n\n');
  const value = {
    bin: request.bin,
    zone: bins.zone,
    starts: bins.starts,
    offsets: bins.offsets,
    cell: series(cells, B, matcher(cells, request.cell), k),
    city: series(city, B, () => true, k),
    grid: series(week, HOURS_OF_WEEK, matcher(week, request.cell), k),
    sql,
  };
  const method = message('method-cell-series', { bin: request.bin, zone: bins.zone, minCount: k });
  return { request, sql, method, value };
}
