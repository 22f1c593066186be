// Partial aggregates that combine exactly: rows, and over non-NULL values their count,
// sum, mean and M2 (sum of squared deviations, for variances), min and max. Two parts
// merge with Chan et al.'s parallel update, so a window's moments are a sum over bins.

/** Moments of many groups, group g at index g of each array. */
export interface Moments {
  rows: Float64Array;
  n: Float64Array;
  sum: Float64Array;
  mean: Float64Array;
  m2: Float64Array;
  min: Float64Array;
  max: Float64Array;
}

/** G empty groups: no rows, no values, NaN mean/min/max. */
export function emptyMoments(G: number): Moments {
  return {
    rows: new Float64Array(G),
    n: new Float64Array(G),
    sum: new Float64Array(G),
    mean: new Float64Array(G),
    m2: new Float64Array(G),
    min: new Float64Array(G).fill(NaN),
    max: new Float64Array(G).fill(NaN),
  };
}

/** Add one value to group g (Welford's update); `x` NaN-free. */
export function addValue(m: Moments, g: number, x: number): void {
  const n = ++m.n[g];
  m.sum[g] += x;
  const d = x - m.mean[g];
  m.mean[g] += d / n;
  m.m2[g] += d * (x - m.mean[g]);
  if (!(m.min[g] <= x)) m.min[g] = x;
  if (!(m.max[g] >= x)) m.max[g] = x;
}

/** Merge group `s` of `from` into group `g` of `into` (Chan et al. 1979). */
export function mergeInto(into: Moments, g: number, from: Moments, s: number): void {
  into.rows[g] += from.rows[s];
  const nb = from.n[s];
  if (nb === 0) return;
  const na = into.n[g];
  const n = na + nb;
  const d = from.mean[s] - into.mean[g];
  into.mean[g] = na === 0 ? from.mean[s] : into.mean[g] + (d * nb) / n;
  into.m2[g] += from.m2[s] + (na === 0 ? 0 : (d * d * na * nb) / n);
  into.n[g] = n;
  into.sum[g] += from.sum[s];
  if (!(into.min[g] <= from.min[s])) into.min[g] = from.min[s];
  if (!(into.max[g] >= from.max[s])) into.max[g] = from.max[s];
}

/** Sample variance of group g (NaN below two values), as var_samp. */
export function varianceOf(m: Moments, g: number): number {
  return m.n[g] > 1 ? m.m2[g] / (m.n[g] - 1) : NaN;
}
