// Class codes, neighbour subsets and streaming moments, each against a plain rule
// written here.
import { describe, expect, it } from 'vitest';
import {
  CHANGE_CLASSES, GI_ALL_EQUAL, GI_ISOLATED, GI_OK, GI_WHOLE_NEIGHBOURHOOD, HOTSPOT_CLASSES, HOTSPOT_CODE,
  addValue, changeClass, changeClassCodes, emptyMoments, hotspotClass, hotspotClassCodes, mergeMoments,
  sampleVariance, subsetNeighbours,
} from '../../src/engine/stats';
import { rowsOf } from './neighbours-helpers';
import { lcg } from './stats-oracles';

describe('classes', () => {
  it('legend order: the diverging seven, then the classes without a test', () => {
    expect(HOTSPOT_CLASSES).toEqual(['hot-99', 'hot-95', 'hot-90', 'not-significant', 'cold-90', 'cold-95', 'cold-99', 'isolated', 'suppressed', 'outside']);
    expect(CHANGE_CLASSES).toEqual([
      'increase-99', 'increase-95', 'increase-90', 'no-significant-change', 'decrease-90', 'decrease-95', 'decrease-99', 'no-test', 'suppressed', 'outside',
    ]);
    HOTSPOT_CLASSES.forEach((c, i) => expect(HOTSPOT_CODE[c]).toBe(i));
  });

  it('a hotspot class from the sign of z, the level and the status', () => {
    expect(hotspotClass(3.2, 0.01, GI_OK)).toBe('hot-99');
    expect(hotspotClass(2.1, 0.05, GI_OK)).toBe('hot-95');
    expect(hotspotClass(-1.7, 0.1, GI_OK)).toBe('cold-90');
    expect(hotspotClass(-4, 0.01, GI_OK)).toBe('cold-99');
    expect(hotspotClass(1.2, NaN, GI_OK)).toBe('not-significant');
    expect(hotspotClass(NaN, NaN, GI_ISOLATED)).toBe('isolated');
    expect(hotspotClass(NaN, NaN, GI_ALL_EQUAL)).toBe('not-significant');
    expect(hotspotClass(NaN, NaN, GI_WHOLE_NEIGHBOURHOOD)).toBe('not-significant');
    const codes = hotspotClassCodes(Float64Array.of(3, -3, 1, NaN), Float64Array.of(0.01, 0.05, NaN, NaN), Uint8Array.of(0, 0, 0, GI_ISOLATED));
    expect([...codes].map((c) => HOTSPOT_CLASSES[c])).toEqual(['hot-99', 'cold-95', 'not-significant', 'isolated']);
  });

  it('a change class from the sign of the change, the level and whether it was tested', () => {
    expect(changeClass(5, 0.01, true)).toBe('increase-99');
    expect(changeClass(-0.3, 0.1, true)).toBe('decrease-90');
    expect(changeClass(-0.3, NaN, true)).toBe('no-significant-change');
    expect(changeClass(0, 0.01, true)).toBe('no-significant-change');
    expect(changeClass(2, 0.01, false)).toBe('no-test');
    const codes = changeClassCodes(Float64Array.of(1, -1, 1, 1), Float64Array.of(0.05, 0.01, NaN, 0.01), Uint8Array.of(1, 1, 1, 0));
    expect([...codes].map((c) => CHANGE_CLASSES[c])).toEqual(['increase-95', 'decrease-99', 'no-significant-change', 'no-test']);
  });
});

describe('subsetNeighbours', () => {
  it('keeps the links among kept observations, renumbered in order', () => {
    const rows = [[1, 3], [0, 2, 4], [1], [0, 4], [1, 3]];
    const offsets = new Int32Array(6);
    rows.forEach((r, i) => (offsets[i + 1] = offsets[i] + r.length));
    const nb = { offsets, neighbours: Int32Array.from(rows.flat()) };
    const keep = Uint8Array.of(1, 0, 1, 1, 1);
    const { list, index } = subsetNeighbours(nb, keep);
    expect(Array.from(index)).toEqual([0, 2, 3, 4]);
    // By hand: old → new is 0→0, 2→1, 3→2, 4→3; 1 is dropped with its links.
    const want = [0, 2, 3, 4].map((i) => rows[i].filter((j) => keep[j]).map((j) => [0, 2, 3, 4].indexOf(j)));
    expect(rowsOf(list)).toEqual(want);
    expect(rowsOf(list)).toEqual([[2], [], [0, 3], [2]]);
    expect(() => subsetNeighbours(nb, new Uint8Array(3))).toThrow(/keep flags/);
  });
});

describe('moments', () => {
  it('Welford and the merge agree with a two-pass computation, even on a large offset', () => {
    const rnd = lcg(77);
    const xs = Array.from({ length: 1001 }, () => 1e9 + rnd());
    const mean = xs.reduce((s, v) => s + (v - 1e9), 0) / xs.length + 1e9;
    const v2 = xs.reduce((s, v) => s + (v - mean) ** 2, 0) / (xs.length - 1);
    const all = emptyMoments(), left = emptyMoments(), right = emptyMoments();
    xs.forEach((v, i) => {
      addValue(all, v);
      addValue(i < 400 ? left : right, v);
    });
    const merged = mergeMoments(left, right);
    for (const m of [all, merged]) {
      expect(m.n).toBe(1001);
      expect(Math.abs(m.mean - mean)).toBeLessThan(1e-6);
      expect(Math.abs(sampleVariance(m) / v2 - 1)).toBeLessThan(1e-6);
    }
    expect(left.n).toBe(400); // merge leaves its inputs alone
    expect(mergeMoments(emptyMoments(), left)).toEqual(left);
    expect(sampleVariance({ n: 1, mean: 3, m2: 0 })).toBeNaN();
  });
});
