// Before/after significance tests of issue 11, each two-sided, with p-values that keep
// their relative precision far into the tails (1e-30 and below): every tail is
// computed directly by @stdlib's regularised incomplete beta or erfc, never as 1 − CDF.
import betainc from '@stdlib/math-base-special-betainc';
import { normalTwoSidedP } from './normal';

/**
 * Conditional binomial test of the rate ratio: after | total ~ Bin(before + after,
 * tAfter/(tAfter + tBefore)); two-sided p = min(1, 2·min(P(X ≤ after), P(X ≥ after))),
 * both tails directly via the regularised incomplete beta. NaN unless the counts are
 * whole numbers ≥ 0 and the window lengths finite and > 0; 1 when both counts are 0.
 */
export function rateRatioTest(before: number, after: number, tBefore: number, tAfter: number): number {
  if (!isCount(before) || !isCount(after) || !(tBefore > 0 && tAfter > 0 && Number.isFinite(tBefore + tAfter))) return NaN;
  const n = before + after;
  if (n === 0) return 1;
  // Both probabilities straight from the window lengths: 1 − p0 would lose digits when p0 is tiny.
  const pAfter = tAfter / (tAfter + tBefore);
  const pBefore = tBefore / (tAfter + tBefore);
  // P(X ≥ k) = I_p0(k, n − k + 1); P(X ≤ k) = I_{1−p0}(n − k, k + 1).
  const upper = after === 0 ? 1 : betainc(pAfter, after, n - after + 1);
  const lower = after === n ? 1 : betainc(pBefore, n - after, after + 1);
  return Math.min(1, 2 * Math.min(lower, upper));
}

function isCount(k: number): boolean {
  return Number.isSafeInteger(k) && k >= 0;
}

/** Welch's t-test: the statistic, Welch–Satterthwaite degrees of freedom and two-sided p. */
export interface WelchResult {
  t: number;
  df: number;
  p: number;
}

/**
 * Welch's t from summary statistics (sample variances, n − 1), t = (mean1 − mean2)/se;
 * t, df and p are NaN when n < 2 in either sample or both variances are 0.
 */
export function welchTest(n1: number, mean1: number, var1: number, n2: number, mean2: number, var2: number): WelchResult {
  const a = var1 / n1, b = var2 / n2;
  if (!(n1 >= 2 && n2 >= 2) || !(a + b > 0) || !Number.isFinite(a + b + mean1 + mean2)) return { t: NaN, df: NaN, p: NaN };
  const t = (mean1 - mean2) / Math.sqrt(a + b);
  const df = ((a + b) * (a + b)) / ((a * a) / (n1 - 1) + (b * b) / (n2 - 1));
  return { t, df, p: studentTwoSidedP(t, df) };
}

/** Two-sided p of Student's t with df degrees of freedom: I_{df/(df+t²)}(df/2, 1/2). */
export function studentTwoSidedP(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return NaN;
  const t2 = t * t;
  if (t2 === Infinity) return 0;
  // Small |t|: x near 1 — take the complement form so p near 1 keeps its digits too.
  if (t2 < df) return betainc(t2 / (df + t2), 0.5, df / 2, true, true);
  return betainc(df / (df + t2), df / 2, 0.5);
}

/**
 * Two-proportion z-test, pooled variance, two-sided: x successes of n in each window;
 * z = (x1/n1 − x2/n2)/se. NaN when a window has no trials, or the pooled share is 0 or 1.
 */
export function twoProportionTest(x1: number, n1: number, x2: number, n2: number): { z: number; p: number } {
  if (!(n1 > 0 && n2 > 0) || !(x1 >= 0 && x1 <= n1 && x2 >= 0 && x2 <= n2)) return { z: NaN, p: NaN };
  const pooled = (x1 + x2) / (n1 + n2);
  const v = pooled * (1 - pooled) * (1 / n1 + 1 / n2);
  if (!(v > 0)) return { z: NaN, p: NaN };
  const z = (x1 / n1 - x2 / n2) / Math.sqrt(v);
  return { z, p: normalTwoSidedP(z) };
}
