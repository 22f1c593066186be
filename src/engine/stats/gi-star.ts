// Getis-Ord Gi* with binary weights and the observation itself included (w_ii = 1), the
// z-score of Ord & Getis (1995) that PySAL's esda.G_Local(star=True) and R's
// spdep::localG report (issue 11):
//   z_i = (Σ_j w_ij x_j − x̄ W_i) / (S √((n S1_i − W_i²)/(n − 1)))
// with x̄, S the population mean and standard deviation over all n observations,
// W_i = 1 + |N_i| and, for binary weights, S1_i = W_i.
// Numerics: the numerator is summed over centred values, Σ_{j ∈ {i} ∪ N_i} (x_j − x̄),
// which is the same quantity without the cancellation of Σ x_j − x̄ W_i; S² is the
// two-pass centred sum of squares with its rounding correction. O(n + links).
import type { NeighbourList } from '../aggregate/neighbours/neighbour-list';
import { normalTwoSidedP } from './normal';

/** A z and p were computed. */
export const GI_OK = 0;
/** No neighbours: no z or p; the value still counts in n, x̄ and S. */
export const GI_ISOLATED = 1;
/** Every value is the same (S = 0): no z or p for anyone. */
export const GI_ALL_EQUAL = 2;
/** The neighbourhood is every observation (denominator ≤ 0): no z or p. */
export const GI_WHOLE_NEIGHBOURHOOD = 3;

/** Gi* of every observation, with the global figures it used. */
export interface GiStarResult {
  /** Observations (x.length). */
  n: number;
  /** Population mean x̄. */
  mean: number;
  /** Population standard deviation S (divisor n). */
  sd: number;
  /** z-score per observation; NaN unless status is GI_OK. */
  z: Float64Array;
  /** Two-sided normal p per observation; NaN unless status is GI_OK. */
  p: Float64Array;
  /** GI_OK, GI_ISOLATED, GI_ALL_EQUAL or GI_WHOLE_NEIGHBOURHOOD per observation. */
  status: Uint8Array;
}

/**
 * Gi* (binary weights, w_ii = 1) of x over neighbours nb (same length, indexes into x).
 * z and p are NaN unless status is GI_OK. An isolated observation is GI_ISOLATED even
 * when all values are equal (its class is "isolated" either way). x must be finite.
 */
export function giStar(x: Float64Array, nb: NeighbourList): GiStarResult {
  const n = x.length;
  const { offsets, neighbours } = nb;
  if (offsets.length !== n + 1) throw new Error(`giStar: ${n} values but ${offsets.length - 1} neighbour rows`);
  let sum = 0, min = Infinity, max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (!Number.isFinite(v)) throw new Error(`giStar: value ${i} is ${v}; leave such observations out (subsetNeighbours)`);
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const mean = n > 0 ? sum / n : NaN;
  const d = new Float64Array(n);
  let ss = 0, sd1 = 0;
  for (let i = 0; i < n; i++) {
    const e = x[i] - mean;
    d[i] = e;
    ss += e * e;
    sd1 += e;
  }
  // Comparing the extremes, not S with 0: rounding in x̄ leaves equal values a tiny S.
  const allEqual = !(max > min);
  const sd = allEqual ? 0 : Math.sqrt(Math.max(0, (ss - (sd1 * sd1) / n) / n));

  const z = new Float64Array(n).fill(NaN);
  const p = new Float64Array(n).fill(NaN);
  const status = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const a = offsets[i], b = offsets[i + 1];
    if (b === a) {
      status[i] = GI_ISOLATED;
      continue;
    }
    if (allEqual) {
      status[i] = GI_ALL_EQUAL;
      continue;
    }
    const w = 1 + (b - a);
    const spread = (n * w - w * w) / (n - 1); // n S1 − W², S1 = W for binary weights
    if (!(spread > 0)) {
      status[i] = GI_WHOLE_NEIGHBOURHOOD;
      continue;
    }
    let local = d[i];
    for (let k = a; k < b; k++) local += d[neighbours[k]];
    const zi = local / (sd * Math.sqrt(spread));
    z[i] = zi;
    p[i] = normalTwoSidedP(zi);
  }
  return { n, mean, sd, z, p, status };
}
