// Benjamini–Hochberg false discovery rate control (Benjamini & Hochberg 1995), and each
// observation's significance level for issue 11's classes. The family is the finite p
// values only: NaN (isolated, degenerate, untested) observations are not in it.

/** The significance levels of the classes, smallest first (99 %, 95 %, 90 %). */
export const ALPHAS = [0.01, 0.05, 0.1] as const;

/** The finite values of p, sorted ascending (a copy). */
function sortedFinite(p: Float64Array): Float64Array {
  const out = new Float64Array(p.length);
  let m = 0;
  for (let i = 0; i < p.length; i++) if (Number.isFinite(p[i])) out[m++] = p[i];
  return out.subarray(0, m).sort();
}

/** The BH cut-off over an ascending array: the largest p_(k) with p_(k) ≤ kα/m; -Infinity when none. */
function thresholdOfSorted(sorted: Float64Array, alpha: number): number {
  const m = sorted.length;
  for (let k = m; k >= 1; k--) if (sorted[k - 1] <= (k * alpha) / m) return sorted[k - 1];
  return -Infinity;
}

/** The Benjamini–Hochberg cut-off at level alpha over the finite p values: the largest p_(k) with p_(k) ≤ kα/m; -Infinity when none. */
export function bhThreshold(p: Float64Array, alpha: number): number {
  return thresholdOfSorted(sortedFinite(p), alpha);
}

/** The BH cut-offs at several levels, sorting the p values once. */
export function bhThresholds(p: Float64Array, alphas: readonly number[]): number[] {
  const sorted = sortedFinite(p);
  return alphas.map((a) => thresholdOfSorted(sorted, a));
}

/**
 * Per observation the smallest α in ALPHAS at which it is significant (BH per α when fdr,
 * else p ≤ α); NaN when not significant or p is NaN. m counts only finite p.
 */
export function significanceLevel(p: Float64Array, fdr: boolean): Float64Array {
  const cut = fdr ? bhThresholds(p, ALPHAS) : [...ALPHAS];
  const out = new Float64Array(p.length).fill(NaN);
  for (let i = 0; i < p.length; i++) {
    const v = p[i];
    if (!Number.isFinite(v)) continue;
    for (let a = 0; a < ALPHAS.length; a++) {
      if (v <= cut[a]) {
        out[i] = ALPHAS[a];
        break;
      }
    }
  }
  return out;
}
