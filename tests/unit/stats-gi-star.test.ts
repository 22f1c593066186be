// Gi* against a dense-matrix implementation of issue 11's formula written separately
// (stats-oracles.ts), on a planted cluster, districts with an isolated one, skewed counts,
// all values equal and a whole neighbourhood; plus PySAL esda's published test value.
import { describe, expect, it } from 'vitest';
import { gridRing, hexRing } from '../../src/engine/aggregate/neighbours';
import type { NeighbourList } from '../../src/engine/aggregate/neighbours';
import {
  GI_ALL_EQUAL, GI_ISOLATED, GI_OK, GI_WHOLE_NEIGHBOURHOOD, HOTSPOT_CLASSES,
  giStar, hotspotClassCodes, normalTwoSidedP, significanceLevel,
} from '../../src/engine/stats';
import { rowsOf } from './neighbours-helpers';
import { denseGiStar, firstDisagreement, lcg, normalTwoSidedOracle, relativeDisagreement } from './stats-oracles';

/** A side × side square grid, cell index = row · side + col, with ring-k neighbours. */
function squareGrid(side: number, k = 1): { nb: NeighbourList; col: (i: number) => number; row: (i: number) => number } {
  const cols = new Int32Array(side * side), rows = new Int32Array(side * side);
  for (let i = 0; i < side * side; i++) {
    cols[i] = i % side;
    rows[i] = Math.floor(i / side);
  }
  return { nb: gridRing(cols, rows, k), col: (i) => i % side, row: (i) => Math.floor(i / side) };
}

/** A CSR list from plain rows (sorted here). */
function listOf(rows: number[][]): NeighbourList {
  const offsets = new Int32Array(rows.length + 1);
  rows.forEach((r, i) => (offsets[i + 1] = offsets[i] + r.length));
  return { offsets, neighbours: Int32Array.from(rows.flatMap((r) => [...r].sort((a, b) => a - b))) };
}

/** Engine and oracle agree on every z and p to 1e-9 (p relative where it is tiny). */
function expectAgreesWithOracle(x: number[], nb: NeighbourList): ReturnType<typeof giStar> {
  const got = giStar(Float64Array.from(x), nb);
  const want = denseGiStar(x, rowsOf(nb));
  const ok = [...got.status].map((s) => s === GI_OK);
  const pick = (a: ArrayLike<number>) => Array.from(a).filter((_, i) => ok[i]);
  expect(firstDisagreement(pick(got.z), pick(want.z), 1e-9)).toBeNull();
  expect(firstDisagreement(pick(got.p), pick(want.p), 1e-9)).toBeNull();
  expect(relativeDisagreement(pick(got.p), pick(want.p), 1e-9)).toBeNull();
  return got;
}

describe('giStar', () => {
  it('a planted 3 × 3 cluster on a flat 15 × 15 grid: its centre is hot-99, with the z known by construction', () => {
    const side = 15, { nb, col, row } = squareGrid(side);
    const inBlock = (i: number) => Math.abs(col(i) - 7) <= 1 && Math.abs(row(i) - 7) <= 1;
    const x = Array.from({ length: side * side }, (_, i) => (inBlock(i) ? 10 : 1));
    const got = expectAgreesWithOracle(x, nb);
    // By hand: n = 225 with 216 ones and 9 tens; x̄ = 306/225 = 1.36, S² = 1116/225 − 1.36².
    // The centre's window is the block: Σ = 90, W = S1 = 9.
    const n = 225, mean = 1.36, s = Math.sqrt(1116 / 225 - mean * mean);
    const zCentre = (90 - 9 * mean) / (s * Math.sqrt((n * 9 - 81) / (n - 1)));
    const centre = 7 * side + 7;
    expect(got.mean).toBeCloseTo(mean, 14);
    expect(got.sd).toBeCloseTo(s, 14);
    expect(Math.abs(got.z[centre] - zCentre)).toBeLessThan(1e-12);
    expect(zCentre).toBeGreaterThan(14); // far beyond 99 %
    const codes = hotspotClassCodes(got.z, significanceLevel(got.p, true), got.status);
    expect(HOTSPOT_CLASSES[codes[centre]]).toBe('hot-99');
    // Every interior cell whose window holds no block cell has the same z, ≈ −0.62: not significant.
    const far = Array.from({ length: n }, (_, i) => i).filter((i) => Math.max(Math.abs(col(i) - 7), Math.abs(row(i) - 7)) >= 3 && col(i) > 0 && col(i) < 14 && row(i) > 0 && row(i) < 14);
    const zFar = (9 - 9 * mean) / (s * Math.sqrt((n * 9 - 81) / (n - 1)));
    for (const i of far) {
      expect(Math.abs(got.z[i] - zFar)).toBeLessThan(1e-12);
      expect(HOTSPOT_CLASSES[codes[i]]).toBe('not-significant');
    }
  });

  it('a planted cluster in seeded noise: oracle agreement, and the hot cells are the cluster', () => {
    const side = 30, { nb, col, row } = squareGrid(side);
    const rnd = lcg(2024);
    const x = Array.from({ length: side * side }, (_, i) => rnd() * 10 + (Math.hypot(col(i) - 20, row(i) - 9) <= 2.5 ? 12 : 0));
    const got = expectAgreesWithOracle(x, nb);
    const codes = hotspotClassCodes(got.z, significanceLevel(got.p, true), got.status);
    expect(HOTSPOT_CLASSES[codes[9 * side + 20]]).toBe('hot-99');
    // Under FDR, every hot-99 cell's window touches the planted disc.
    for (let i = 0; i < side * side; i++) {
      if (HOTSPOT_CLASSES[codes[i]] !== 'hot-99') continue;
      expect(Math.hypot(col(i) - 20, row(i) - 9)).toBeLessThanOrEqual(2.5 + Math.SQRT2);
    }
  });

  it('districts with an isolated one: no z or p for it, but its value counts in n, x̄ and S', () => {
    // Seven districts: 0–5 contiguous in a ring with a spoke, 6 an island.
    const rows = [[1, 5], [0, 2, 3], [1, 3], [1, 2, 4], [3, 5], [0, 4], []];
    const nb = listOf(rows);
    const x = [12, 30, 25, 41, 8, 5, 100];
    const got = expectAgreesWithOracle(x, nb);
    expect(Array.from(got.status)).toEqual([0, 0, 0, 0, 0, 0, GI_ISOLATED]);
    expect(got.z[6]).toBeNaN();
    expect(got.p[6]).toBeNaN();
    expect(got.n).toBe(7);
    expect(got.mean).toBeCloseTo(221 / 7, 13);
    const s2 = x.reduce((t, v) => t + (v - 221 / 7) ** 2, 0) / 7;
    expect(got.sd).toBeCloseTo(Math.sqrt(s2), 12);
    const codes = hotspotClassCodes(got.z, significanceLevel(got.p, true), got.status);
    expect(HOTSPOT_CLASSES[codes[6]]).toBe('isolated');
  });

  it('skewed counts (seeded geometric, mostly 0–2 with a long tail) on hexagons, ring 2', () => {
    const side = 24, cols = new Int32Array(side * side), rows = new Int32Array(side * side);
    const rnd = lcg(7);
    const x: number[] = [];
    for (let i = 0; i < side * side; i++) {
      cols[i] = i % side;
      rows[i] = Math.floor(i / side);
      x.push(Math.floor(Math.log(rnd()) / Math.log(0.6))); // geometric, P(k) = 0.4 · 0.6^k
    }
    let max = 0;
    for (const v of x) if (v > max) max = v;
    expect(max).toBeGreaterThan(10); // the tail is there
    const got = expectAgreesWithOracle(x, hexRing(cols, rows, 2));
    expect([...got.status].every((s) => s === GI_OK)).toBe(true);
  });

  it('all values equal: status all-equal, no z or p; an isolated observation stays isolated', () => {
    const nb = listOf([[1], [0, 2], [1], []]);
    const got = giStar(Float64Array.of(0.1, 0.1, 0.1, 0.1), nb);
    expect(Array.from(got.status)).toEqual([GI_ALL_EQUAL, GI_ALL_EQUAL, GI_ALL_EQUAL, GI_ISOLATED]);
    expect(got.sd).toBe(0);
    expect([...got.z].every(Number.isNaN)).toBe(true);
    expect([...got.p].every(Number.isNaN)).toBe(true);
    const codes = hotspotClassCodes(got.z, significanceLevel(got.p, true), got.status);
    expect([...codes].map((c) => HOTSPOT_CLASSES[c])).toEqual(['not-significant', 'not-significant', 'not-significant', 'isolated']);
  });

  it('a neighbourhood of every observation: the denominator is 0, so no z; the others are tested', () => {
    // A star: 0 neighbours everyone (W = n, n·S1 − W² = 0); the leaves neighbour only 0.
    const nb = listOf([[1, 2, 3, 4, 5], [0], [0], [0], [0], [0]]);
    const x = [3, 1, 4, 1, 5, 9];
    const got = expectAgreesWithOracle(x, nb);
    expect(Array.from(got.status)).toEqual([GI_WHOLE_NEIGHBOURHOOD, 0, 0, 0, 0, 0]);
    expect(got.z[0]).toBeNaN();
  });

  it('reproduces PySAL esda: Gi*, binary distance-band weights (threshold 15), z of observation 0 = −1.39727626', () => {
    // esda/tests/test_getisord.py, TestGLocal.test_star_binary (pysal/esda on GitHub):
    // G_Local(y, DistanceBand(POINTS, threshold=15), transform="B", star=True).Zs[0].
    const points = [[10, 10], [20, 10], [40, 10], [15, 20], [30, 20], [30, 30]];
    const y = [2, 3, 3.2, 5, 8, 7];
    const rows = points.map(([x0, y0], i) => points.flatMap(([x1, y1], j) => (j !== i && Math.hypot(x1 - x0, y1 - y0) <= 15 ? [j] : [])));
    const got = giStar(Float64Array.from(y), listOf(rows));
    expect(Math.abs(got.z[0] - -1.39727626)).toBeLessThan(5e-9);
  });

  it('p is the two-sided normal tail, accurate past the point where 1 − Φ rounds to 0', () => {
    // Φ(−z) from R's pnorm (R 3.0.2), 15 significant figures, as tabulated in Stan Math's
    // test of its Phi tails (stan-dev/math, test/unit/math/rev/.../Phi_test.cpp, PhiTails).
    const rPnorm: [number, number][] = [
      [3, 0.00134989803163009], [5, 2.86651571879194e-07], [8, 6.22096057427178e-16],
      [10, 7.61985302416053e-24], [15, 3.67096619931275e-51], [20, 2.75362411860623e-89],
      [25, 3.05669670638256e-138], [30, 4.90671392714819e-198], [37, 5.72557122252458e-300],
      [37.5, 4.60535300958196e-308],
    ];
    for (const [z, phi] of rPnorm) {
      expect(Math.abs(normalTwoSidedP(z) / (2 * phi) - 1)).toBeLessThan(1e-14);
      expect(normalTwoSidedP(-z)).toBe(normalTwoSidedP(z));
    }
    // And against the continued-fraction oracle between the tabulated points.
    for (const z of [3.3, 4.5, 8.5, 12.25, 21.7, 33.1]) expect(Math.abs(normalTwoSidedP(z) / normalTwoSidedOracle(z) - 1)).toBeLessThan(1e-13);
    expect(normalTwoSidedP(40)).toBe(0); // 2Φ(−40) ≈ 7e-350 is below the smallest double
    expect(normalTwoSidedP(0)).toBe(1);
    expect(normalTwoSidedP(NaN)).toBeNaN();
  });

  it('rejects a neighbour list of another length and a non-finite value', () => {
    expect(() => giStar(Float64Array.of(1, 2), listOf([[1]]))).toThrow(/neighbour rows/);
    expect(() => giStar(Float64Array.of(1, NaN), listOf([[1], [0]]))).toThrow(/subsetNeighbours/);
  });
});
