// Two-sided p-values of standard normal z-scores, accurate far into the tail: erfc of
// |z|/√2 keeps its relative precision where 1 − Φ(|z|) would round to 0 past |z| ≈ 8.3.
// One refinement: u = fl(|z|/√2) is off by up to half an ulp, and erfc's logarithmic
// slope −2u amplifies that to ~1e-13 relative at z = 30. erfc(u_exact) = erfc(u) ·
// exp(−(u_exact² − u²)) · (1 + O(ulp/u)), and u_exact² − u² = z²/2 − u² is computed
// exactly enough from Dekker's error-free squares, which brings the error to ~1e-15.
import erfc from '@stdlib/math-base-special-erfc';

/** 2Φ(−|z|) = erfc(|z|/√2); 1.5239706048321e-23 at z = 10, 0 only below the smallest double (|z| ≳ 38.5); NaN for NaN. */
export function normalTwoSidedP(z: number): number {
  const a = Math.abs(z);
  const u = a / Math.SQRT2;
  const p = erfc(u);
  if (!(a > 1 && a < 40)) return p; // the correction is below an ulp near 0; p = 0 beyond 40
  const [zh, zl] = square(a);
  const [uh, ul] = square(u);
  const excess = (zh / 2 - uh) + (zl / 2 - ul); // z²/2 − u²; zh/2 − uh is exact (Sterbenz)
  return p * Math.exp(-excess);
}

/** a² as hi + lo exactly (Dekker's product with Veltkamp's split), for |a| < 1e150. */
function square(a: number): [number, number] {
  const hi = a * a;
  const c = 134217729 * a; // 2^27 + 1
  const ah = c - (c - a);
  const al = a - ah;
  return [hi, ah * ah - hi + 2 * ah * al + al * al];
}
