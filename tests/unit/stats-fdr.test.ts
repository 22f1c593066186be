// Benjamini–Hochberg on the textbook example of Benjamini & Hochberg (1995), the rule
// without FDR, and the family of finite p values only.
import { describe, expect, it } from 'vitest';
import { ALPHAS, bhThreshold, bhThresholds, significanceLevel } from '../../src/engine/stats';

// Benjamini & Hochberg (1995), "Controlling the false discovery rate", J. R. Statist.
// Soc. B 57(1), section 4: the 15 p-values of Neuhaus et al.'s thrombolysis trial. At
// q = 0.05 the procedure rejects the four smallest (p ≤ 0.0095); Bonferroni rejects three.
// (The same example is in scipy.stats.false_discovery_control's documentation.)
const BH95 = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1.0];

/** The step-up rule by hand: the largest k with p_(k) ≤ kα/m, over an unsorted copy. */
function oracleCut(p: number[], alpha: number): number {
  const s = p.filter(Number.isFinite).sort((a, b) => a - b);
  let cut = -Infinity;
  s.forEach((v, k) => { if (v <= ((k + 1) * alpha) / s.length) cut = v; });
  return cut;
}

describe('Benjamini–Hochberg', () => {
  it('the 1995 example: four rejections at q = 0.05, cut-off 0.0095', () => {
    const shuffled = Float64Array.from([BH95[9], BH95[3], BH95[14], BH95[0], BH95[7], BH95[1], BH95[12], BH95[4], BH95[2], BH95[5], BH95[13], BH95[6], BH95[10], BH95[8], BH95[11]]);
    const cut = bhThreshold(shuffled, 0.05);
    expect(cut).toBe(0.0095);
    expect([...shuffled].filter((p) => p <= cut).length).toBe(4);
    // Bonferroni (p ≤ α/m) would keep three: the step-up gains one.
    expect(BH95.filter((p) => p <= 0.05 / 15).length).toBe(3);
  });

  it('the levels of the classes over the 1995 example, with and without FDR', () => {
    const p = Float64Array.from(BH95);
    const withFdr = significanceLevel(p, true);
    // α = 0.01: 1·0.01/15 = 0.00067 ≥ 0.0004 (k = 2: 0.00133 ≥ 0.0004; k = 3: 0.002 ≥ 0.0019), so the 3 smallest;
    // α = 0.05: the 4 smallest; α = 0.1: k = 9 gives 0.06 ≥ 0.0459, so the 9 smallest.
    expect(bhThresholds(p, ALPHAS)).toEqual([0.0019, 0.0095, 0.0459]);
    expect(bhThresholds(p, ALPHAS)).toEqual(ALPHAS.map((a) => oracleCut(BH95, a)));
    expect(Array.from(withFdr)).toEqual([0.01, 0.01, 0.01, 0.05, 0.1, 0.1, 0.1, 0.1, 0.1, NaN, NaN, NaN, NaN, NaN, NaN]);
    const without = significanceLevel(p, false);
    expect(Array.from(without)).toEqual([0.01, 0.01, 0.01, 0.01, 0.05, 0.05, 0.05, 0.05, 0.05, NaN, NaN, NaN, NaN, NaN, NaN]);
  });

  it('NaN p values are outside the family: m counts only the finite ones', () => {
    // With the NaNs counted, m = 20 and 0.0201 would need 5·0.05/20 = 0.0125.
    const p = Float64Array.from([...BH95.slice(0, 5), NaN, NaN, NaN, NaN, NaN, ...BH95.slice(5)]);
    expect(bhThreshold(p, 0.05)).toBe(0.0095);
    const lv = significanceLevel(p, true);
    expect(Array.from(lv.subarray(5, 10)).every(Number.isNaN)).toBe(true);
    expect(Array.from(lv.subarray(0, 5))).toEqual([0.01, 0.01, 0.01, 0.05, 0.1]);
  });

  it('a p exactly on the line kα/m is significant (≤), one just above is not', () => {
    // m = 4, α = 0.05: lines 0.0125, 0.025, 0.0375, 0.05.
    expect(bhThreshold(Float64Array.of(0.5, 0.025, 0.9, 0.02), 0.05)).toBe(0.025);
    expect(bhThreshold(Float64Array.of(0.5, 0.0250001, 0.9, 0.02), 0.05)).toBe(-Infinity);
    // The step-up: p_(4) = 0.05 ≤ 4α/4 takes every smaller p with it, even above its own line.
    expect(bhThreshold(Float64Array.of(0.04, 0.045, 0.048, 0.05), 0.05)).toBe(0.05);
  });

  it('no p values, or none significant: -Infinity and all NaN', () => {
    expect(bhThreshold(new Float64Array(0), 0.05)).toBe(-Infinity);
    expect(bhThreshold(Float64Array.of(NaN, NaN), 0.05)).toBe(-Infinity);
    expect(Array.from(significanceLevel(Float64Array.of(0.5, NaN, 0.7), true)).every(Number.isNaN)).toBe(true);
    expect(Array.from(significanceLevel(Float64Array.of(0.5, NaN, 0.7), false)).every(Number.isNaN)).toBe(true);
  });

  it('agrees with the hand rule on seeded random p values at every α', () => {
    let s = 99;
    const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
    const p = Array.from({ length: 2000 }, (_, i) => (i % 10 === 0 ? rnd() * 1e-4 : rnd()));
    const lv = significanceLevel(Float64Array.from(p), true);
    for (const a of ALPHAS) {
      const cut = oracleCut(p, a);
      const want = p.filter((v) => v <= cut).length;
      expect(Array.from(lv).filter((l) => l <= a).length).toBe(want);
    }
  });
});
