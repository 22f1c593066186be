// Two-sided p-values of standard normal z-scores, accurate far into the tail: erfc of
// |z|/√2 keeps its relative precision where 1 − Φ(|z|) would round to 0 past |z| ≈ 8.3.
import erfc from '@stdlib/math-base-special-erfc';

/** 2Φ(−|z|) = erfc(|z|/√2); 1.5e-23 at z = 10, 0 only below the smallest double (|z| ≳ 38.5); NaN for NaN. */
export function normalTwoSidedP(z: number): number {
  return erfc(Math.abs(z) / Math.SQRT2);
}
