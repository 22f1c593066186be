// include-empty (issue 11): the empty cells whose centre lies inside the points' convex
// hull join the result as zeros, in the result's own cell order, so an incident count on
// a fishnet sees the quiet places too. Count and sum only: a mean of nothing is not 0.
import type { AggregateResult } from '../protocol';
import type { EmptyCells } from '../aggregate/cell-scheme';

/** At most this many cells are added (a fine grid over a city is a few hundred thousand). */
export const MAX_EMPTY_CELLS = 2_000_000;

/** Cell a before cell b in result order: ids (column, row) first, then H3 as (upper, lower) unsigned. */
function compareCells(ids: Int32Array, h3: Uint32Array | null, a: number, b: number): number {
  const stride = ids.length && h3 === null ? 2 : 0;
  for (let s = 0; s < stride; s++) if (ids[stride * a + s] !== ids[stride * b + s]) return ids[stride * a + s] - ids[stride * b + s];
  if (h3) return h3[2 * a + 1] - h3[2 * b + 1] || h3[2 * a] - h3[2 * b];
  return 0;
}

/** The result with `extra` cells added as zeros, every per-cell array re-sorted into cell order. */
export function withEmptyCells(r: AggregateResult, extra: EmptyCells): AggregateResult {
  if (extra.count === 0) return r;
  const n = r.length, m = n + extra.count;
  const idStride = r.h3 ? 0 : 2;
  const ids = new Int32Array(idStride * m);
  ids.set(r.ids);
  ids.set(extra.ids, idStride * n);
  let h3: Uint32Array | null = null;
  if (r.h3) {
    h3 = new Uint32Array(2 * m);
    h3.set(r.h3);
    h3.set(extra.h3 ?? new Uint32Array(0), 2 * n);
  }
  const order = Int32Array.from({ length: m }, (_, i) => i).sort((a, b) => compareCells(ids, h3, a, b));
  const pick = <T extends Float64Array | Int32Array | Uint32Array | Uint8Array>(from: T, stride: number, make: (len: number) => T): T => {
    const out = make(stride * m);
    for (let i = 0; i < m; i++) for (let s = 0; s < stride; s++) out[stride * i + s] = from[stride * order[i] + s];
    return out;
  };
  const cat = (a: Float64Array, b: Float64Array | number) => {
    const out = new Float64Array(a.length + (typeof b === 'number' ? extra.count : b.length));
    out.set(a);
    if (typeof b === 'number') out.fill(b, a.length);
    else out.set(b, a.length);
    return out;
  };
  const f64 = (len: number) => new Float64Array(len);
  const centers = cat(r.centers ?? new Float64Array(2 * n).fill(NaN), extra.centers);
  const areas = cat(r.areasKm2, extra.areasKm2);
  const suppressed = new Uint8Array(m);
  suppressed.set(r.suppressed);
  return {
    ...r,
    length: m,
    ids: idStride ? pick(ids, 2, (len) => new Int32Array(len)) : new Int32Array(0),
    h3: h3 ? pick(h3, 2, (len) => new Uint32Array(len)) : null,
    centers: pick(centers, 2, f64),
    counts: pick(cat(r.counts, 0), 1, f64),
    values: pick(cat(r.values, 0), 1, f64),
    suppressed: pick(suppressed, 1, (len) => new Uint8Array(len)),
    areasKm2: pick(areas, 1, f64),
    perKm2: pick(cat(r.perKm2, 0), 1, f64),
    per1000: null,
  };
}
