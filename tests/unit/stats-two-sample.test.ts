// Before/after tests against references derived independently here: exact binomial
// tails in rational BigInt arithmetic, Student's t tails from the closed forms for 1, 2
// and 4 degrees of freedom, and normal tails from R's pnorm. Tails below 1e-20 included.
import { describe, expect, it } from 'vitest';
import { rateRatioTest, studentTwoSidedP, twoProportionTest, welchTest } from '../../src/engine/stats';
import { normalTwoSidedOracle } from './stats-oracles';

/** num/den (positive BigInts) as the nearest double, via a 64-bit quotient. */
function ratio(num: bigint, den: bigint): number {
  if (num === 0n) return 0;
  const shift = den.toString(2).length - num.toString(2).length + 64;
  const q = shift >= 0 ? (num << BigInt(shift)) / den : num / (den << BigInt(-shift));
  return Number(q) * 2 ** -shift;
}

/** C(n, j) for j = 0..n. */
function binomialRow(n: number): bigint[] {
  const row = [1n];
  for (let j = 1; j <= n; j++) row.push((row[j - 1] * BigInt(n - j + 1)) / BigInt(j));
  return row;
}

/**
 * The conditional test read off issue 11 in exact arithmetic, window lengths as whole
 * numbers a = T_after, b = T_before: P(X = j) = C(n, j) a^j b^(n−j) / (a + b)^n.
 */
function exactRateRatioP(before: number, after: number, b: number, a: number): number {
  const n = before + after;
  const c = binomialRow(n);
  let lower = 0n, upper = 0n;
  for (let j = 0; j <= n; j++) {
    const w = c[j] * BigInt(a) ** BigInt(j) * BigInt(b) ** BigInt(n - j);
    if (j <= after) lower += w;
    if (j >= after) upper += w;
  }
  const total = BigInt(a + b) ** BigInt(n);
  const tail = lower < upper ? lower : upper;
  return Math.min(1, ratio(2n * tail, total));
}

const rel = (got: number, want: number) => Math.abs(got / want - 1);

describe('rateRatioTest', () => {
  it('equal windows, all 100 events after: p = 2 · 2^-100 exactly', () => {
    expect(rel(rateRatioTest(100, 0, 1, 1), 2 ** -99)).toBeLessThan(1e-14);
    expect(rel(rateRatioTest(0, 100, 7, 7), 2 ** -99)).toBeLessThan(1e-14);
  });

  it('agrees with exact rational tails, into the far tail (< 1e-20, and < 1e-100)', () => {
    // [before, after, T_before, T_after]
    const cases: [number, number, number, number][] = [
      [5, 95, 1, 1], [95, 5, 1, 1], [30, 10, 2, 1], [10, 30, 2, 1], [3, 20, 1, 1], [12, 9, 3, 2],
      [400, 100, 1, 3], [1, 60, 5, 1], [250, 250, 1, 1], [7, 0, 2, 5], [0, 9, 4, 1],
    ];
    const tails: number[] = [];
    for (const [before, after, tb, ta] of cases) {
      const want = exactRateRatioP(before, after, tb, ta);
      tails.push(want);
      expect(rel(rateRatioTest(before, after, tb, ta), want), `${before}/${after} over ${tb}/${ta}: want ${want}`).toBeLessThan(1e-12);
    }
    expect(tails.filter((p) => p < 1e-20).length).toBeGreaterThanOrEqual(3);
    expect(tails.some((p) => p < 1e-100)).toBe(true);
  });

  it('window lengths that are not whole (4.5 and 3.25 days = 18:13) give the same p as their ratio', () => {
    expect(rel(rateRatioTest(40, 12, 4.5, 3.25), exactRateRatioP(40, 12, 18, 13))).toBeLessThan(1e-12);
  });

  it('no events, or counts that match the windows exactly: p = 1; bad input: NaN', () => {
    expect(rateRatioTest(0, 0, 1, 1)).toBe(1);
    expect(rateRatioTest(10, 10, 1, 1)).toBe(1);
    expect(rateRatioTest(-1, 3, 1, 1)).toBeNaN();
    expect(rateRatioTest(1.5, 3, 1, 1)).toBeNaN();
    expect(rateRatioTest(1, 3, 0, 1)).toBeNaN();
    expect(rateRatioTest(1, 3, 1, Infinity)).toBeNaN();
  });
});

/** Two-sided p of Student's t at 4 degrees of freedom: I_x(2, ½), x = 4/(4 + t²). */
function studentP4(t: number): number {
  const x = 4 / (4 + t * t);
  if (x > 0.1) return 1 - Math.sqrt(1 - x) * (1 + x / 2);
  // Small x: (3/4)∫₀ˣ s(1 − s)^(-1/2) ds, by the binomial series of (1 − s)^(-1/2), c_j = C(2j, j)/4^j.
  let c = 1, sum = 0, xp = x * x;
  for (let j = 0; j < 400; j++) {
    sum += (c * xp) / (j + 2);
    c *= (2 * j + 1) / (2 * j + 2);
    xp *= x;
  }
  return 0.75 * sum;
}

describe('Student t tails (the p of Welch)', () => {
  it('1 degree of freedom (Cauchy): p = (2/π) atan(1/|t|)', () => {
    for (const t of [0.3, 1, 2.5, 12.7, 1e6, 1e21, 3e40]) {
      const want = (2 / Math.PI) * Math.atan(1 / t);
      expect(rel(studentTwoSidedP(t, 1), want), `t = ${t}`).toBeLessThan(1e-13);
      expect(studentTwoSidedP(-t, 1)).toBe(studentTwoSidedP(t, 1));
    }
  });

  it('2 degrees of freedom: p = 1 − |t|/√(t² + 2) = 2/(√(t² + 2)(√(t² + 2) + |t|))', () => {
    for (const t of [0.1, 1, 3, 40, 1e5, 1e12, 1e30]) {
      const r = Math.sqrt(t * t + 2);
      expect(rel(studentTwoSidedP(t, 2), 2 / (r * (r + t))), `t = ${t}`).toBeLessThan(1e-13);
    }
  });

  it('4 degrees of freedom: I_x(2, ½), in closed form and by its series in the tail', () => {
    for (const t of [0.5, 2, 4.6, 30, 1e4, 1e8, 1e15]) expect(rel(studentTwoSidedP(t, 4), studentP4(t)), `t = ${t}`).toBeLessThan(1e-12);
    expect(studentP4(1e8)).toBeLessThan(1e-30);
  });

  it('df → ∞ approaches the normal tail', () => {
    expect(rel(studentTwoSidedP(3, 1e12), normalTwoSidedOracle(3))).toBeLessThan(1e-9);
  });
});

describe('welchTest', () => {
  it('t and Welch–Satterthwaite df from the textbook formulas', () => {
    // Samples {1, 2, 3, 4, 5} (mean 3, s² = 2.5) and {2, 4, 6, 8, 10, 12, 14} (mean 8, s² = 18.667).
    const v2 = [2, 4, 6, 8, 10, 12, 14].reduce((s, v) => s + (v - 8) ** 2, 0) / 6;
    const r = welchTest(5, 3, 2.5, 7, 8, v2);
    const se2 = 2.5 / 5 + v2 / 7;
    expect(r.t).toBeCloseTo(-5 / Math.sqrt(se2), 14);
    expect(r.df).toBeCloseTo(se2 ** 2 / ((2.5 / 5) ** 2 / 4 + (v2 / 7) ** 2 / 6), 12);
    expect(r.p).toBe(studentTwoSidedP(r.t, r.df));
  });

  it('a zero variance on one side leaves df = n − 1 of the other: exact Cauchy and df-2 tails below 1e-20', () => {
    // n1 = 2, var2 = 0: df = 1; t = (m1 − m2)/√(v1/2).
    const r1 = welchTest(2, 1e21, 2, 2, 0, 0);
    expect(r1.df).toBe(1);
    expect(rel(r1.p, (2 / Math.PI) * Math.atan(1 / r1.t))).toBeLessThan(1e-13);
    expect(r1.p).toBeLessThan(1e-20);
    const r2 = welchTest(3, 0, 0, 3, 1e12, 3);
    expect(r2.df).toBe(2);
    expect(r2.t).toBe(-1e12);
    const s = Math.sqrt(1e24 + 2);
    expect(rel(r2.p, 2 / (s * (s + 1e12)))).toBeLessThan(1e-13);
    expect(r2.p).toBeLessThan(1e-20);
  });

  it('n < 2 or both variances 0: no test', () => {
    for (const r of [welchTest(1, 3, 0, 5, 4, 1), welchTest(5, 3, 1, 1, 4, 0), welchTest(4, 3, 0, 6, 4, 0)]) {
      expect(r.t).toBeNaN();
      expect(r.df).toBeNaN();
      expect(r.p).toBeNaN();
    }
  });
});

describe('twoProportionTest', () => {
  it('z = 4 and z = 10 by construction, p from R pnorm: 2 · 3.16712418331199e-05 and 2 · 7.61985302416053e-24', () => {
    // Pooled share ½ with n1 = n2 = N: se = √(¼ · 2/N). N = 50: se = 0.1, 35 vs 15 → z = 0.4/0.1.
    const a = twoProportionTest(35, 50, 15, 50);
    expect(a.z).toBeCloseTo(4, 13);
    expect(rel(a.p, 2 * 3.16712418331199e-5)).toBeLessThan(1e-12);
    // N = 200: se = 0.05, 150 vs 50 → z = 0.5/0.05 = 10, below 1e-20.
    const b = twoProportionTest(50, 200, 150, 200);
    expect(b.z).toBeCloseTo(-10, 12);
    expect(rel(b.p, 2 * 7.61985302416053e-24)).toBeLessThan(1e-11);
  });

  it('the pooled formula on uneven windows, and a tail near 1e-280', () => {
    const [x1, n1, x2, n2] = [130, 410, 95, 388];
    const pool = (x1 + x2) / (n1 + n2);
    const z = (x1 / n1 - x2 / n2) / Math.sqrt(pool * (1 - pool) * (1 / n1 + 1 / n2));
    const r = twoProportionTest(x1, n1, x2, n2);
    expect(r.z).toBeCloseTo(z, 13);
    expect(rel(r.p, normalTwoSidedOracle(z))).toBeLessThan(1e-12);
    const far = twoProportionTest(900, 1000, 100, 1000); // z = 0.8/√(¼ · 0.002) ≈ 35.8
    expect(rel(far.p, normalTwoSidedOracle(far.z))).toBeLessThan(1e-12);
    expect(far.p).toBeLessThan(1e-250);
  });

  it('no trials, or a pooled share of 0 or 1: no test', () => {
    for (const r of [twoProportionTest(0, 0, 3, 10), twoProportionTest(0, 10, 0, 12), twoProportionTest(10, 10, 12, 12), twoProportionTest(11, 10, 1, 10)]) {
      expect(r.z).toBeNaN();
      expect(r.p).toBeNaN();
    }
  });
});
