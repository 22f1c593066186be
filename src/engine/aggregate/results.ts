// Packs per-cell statistics into an AggregateResult of typed arrays for the cells a
// result lists (its observations): ids, centres, counts, values, rates and suppression
// flags, each a fresh array (results are transferred, caches are not).
import type { AggregateRequest, AggregateResult, AggregateStat } from '../protocol';
import type { EngineMessage } from '../messages';
import type { BoundScheme, CellTable } from './cell-scheme';
import type { CellStats } from './reduce';
import { isAdditive } from './stats';
import { suppress } from './privacy';

/** Everything a result is made of. */
export interface ResultParts {
  req: AggregateRequest;
  stat: AggregateStat;
  value: string | null;
  minCount: number;
  bound: BoundScheme;
  cells: CellTable;
  /** Per cell of the table (all C cells). */
  stats: CellStats;
  sql: string;
  method: EngineMessage;
  assignment: AggregateResult['assignment'];
  timings: { t0: number; assignMs: number; queryMs: number };
}

function rates(base: Float64Array, per: Float64Array, scale: number): Float64Array {
  const out = new Float64Array(base.length);
  for (let i = 0; i < base.length; i++) out[i] = per[i] > 0 ? (base[i] / per[i]) * scale : NaN;
  return out;
}

/** The cells a result lists (their numbers, ascending): every cell, or those with rows. */
export function listedCells(cells: CellTable, counts: Float64Array): Int32Array {
  if (cells.listsEmpty) return Int32Array.from({ length: cells.count }, (_, c) => c);
  let n = 0;
  for (let c = 0; c < cells.count; c++) if (counts[c] > 0) n++;
  const out = new Int32Array(n);
  n = 0;
  for (let c = 0; c < cells.count; c++) if (counts[c] > 0) out[n++] = c;
  return out;
}

/** Gather `stride` entries per chosen cell into a fresh array of the same type. */
function gather<T extends Float64Array | Int32Array | Uint32Array>(from: T, stride: number, chosen: Int32Array, make: (n: number) => T): T {
  const out = make(stride * chosen.length);
  for (let i = 0; i < chosen.length; i++) {
    for (let s = 0; s < stride; s++) out[stride * i + s] = from[stride * chosen[i] + s];
  }
  return out;
}

/** The result of a request from its per-cell statistics. */
export function packResult(p: ResultParts): AggregateResult {
  const { cells, bound, stats } = p;
  const chosen = listedCells(cells, stats.counts);
  const n = chosen.length;
  const f64 = (len: number) => new Float64Array(len);
  const counts = gather(stats.counts, 1, chosen, f64);
  const values = gather(stats.values, 1, chosen, f64);
  if (cells.listsEmpty) {
    // A district without rows has 0 of an additive statistic and no value of the others.
    const empty = isAdditive(p.stat) ? 0 : NaN;
    for (let i = 0; i < n; i++) if (counts[i] === 0) values[i] = empty;
  }
  const idStride = cells.count ? cells.ids.length / cells.count : 0;
  const areasKm2 = gather(cells.areasKm2, 1, chosen, f64);
  const population = bound.population ? gather(bound.population, 1, chosen, f64) : null;
  let rows = 0;
  for (let i = 0; i < n; i++) rows += counts[i];
  // Rates of additive statistics; for the others (mean, median…) rates of the row count.
  const base = isAdditive(p.stat) ? values : Float64Array.from(counts);
  const perKm2 = rates(base, areasKm2, 1);
  const per1000 = population ? rates(base, population, 1000) : null;
  const { suppressed, suppressedCells } = suppress(p.minCount, counts, values, perKm2, per1000);
  return {
    dataset: p.req.dataset,
    by: p.req.by,
    stat: p.stat,
    value: p.value,
    minCount: p.minCount,
    length: n,
    ids: gather(cells.ids, idStride, chosen, (len) => new Int32Array(len)),
    h3: cells.h3 ? gather(cells.h3, 2, chosen, (len) => new Uint32Array(len)) : null,
    names: bound.names ? Array.from(chosen, (c) => bound.names![c]) : null,
    centers: cells.centers ? gather(cells.centers, 2, chosen, f64) : null,
    counts,
    values,
    suppressed,
    areasKm2,
    perKm2,
    per1000,
    rows,
    suppressedCells,
    projection: bound.projection,
    sql: p.sql,
    method: p.method,
    assignment: p.assignment,
    timings: { assignMs: p.timings.assignMs, queryMs: p.timings.queryMs, totalMs: performance.now() - p.timings.t0 },
  };
}
