// The folded conditional-permutation pseudo-p: its seeded generator against a BigInt
// transcription of xoshiro128**, its counts against the exact permutation distribution
// of tiny cases (every m-subset enumerated), its range and determinism, and its
// agreement with the analytical p on a large well-behaved fixture.
import { describe, expect, it } from 'vitest';
import { gridRing } from '../../src/engine/aggregate/neighbours';
import type { NeighbourList } from '../../src/engine/aggregate/neighbours';
import { createRandom, createXoshiro128ss, giStar, giStarPermutations } from '../../src/engine/stats';
import { lcg } from './stats-oracles';

function listOf(rows: number[][]): NeighbourList {
  const offsets = new Int32Array(rows.length + 1);
  rows.forEach((r, i) => (offsets[i + 1] = offsets[i] + r.length));
  return { offsets, neighbours: Int32Array.from(rows.flat()) };
}

/** xoshiro128** 1.1 transcribed from Blackman & Vigna's reference C in BigInt arithmetic. */
function* xoshiroBig(s: bigint[]): Generator<number> {
  const M = 0xffffffffn;
  const rotl = (x: bigint, k: bigint) => ((x << k) | (x >> (32n - k))) & M;
  for (;;) {
    const result = (rotl((s[1] * 5n) & M, 7n) * 9n) & M;
    const t = (s[1] << 9n) & M;
    s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t;
    s[3] = rotl(s[3], 11n);
    yield Number(result);
  }
}

/** Exact P(drawn sum ≥ observed) and P(≤) for observation i: every m-subset of the others. */
function exactTails(x: number[], i: number, nbs: number[]): { ge: number; le: number } {
  const others = x.map((_, j) => j).filter((j) => j !== i);
  const observed = nbs.reduce((s, j) => s + x[j], 0);
  let ge = 0, le = 0, total = 0;
  const walk = (start: number, left: number, sum: number) => {
    if (left === 0) {
      total++;
      if (sum >= observed) ge++;
      if (sum <= observed) le++;
      return;
    }
    for (let k = start; k <= others.length - left; k++) walk(k + 1, left - 1, sum + x[others[k]]);
  };
  walk(0, nbs.length, 0);
  return { ge: ge / total, le: le / total };
}

describe('the permutation generator', () => {
  it('xoshiro128** matches a BigInt transcription of the reference, for 1,000 outputs', () => {
    const got = createXoshiro128ss(0x12345678, 0x9abcdef0, 0x0fedcba9, 0x87654321);
    const want = xoshiroBig([0x12345678n, 0x9abcdef0n, 0x0fedcba9n, 0x87654321n]);
    for (let k = 0; k < 1000; k++) expect(got.nextUint32()).toBe(want.next().value);
    // First outputs from state (1, 2, 3, 4), by hand: rotl(2·5, 7)·9 = 11520; then s1 = 0 gives 0.
    const small = createXoshiro128ss(1, 2, 3, 4);
    expect([small.nextUint32(), small.nextUint32()]).toEqual([11520, 0]);
  });

  it('fill gives the same stream as nextUint32', () => {
    const a = createRandom(7), b = createRandom(7);
    const block = new Uint32Array(5000);
    a.fill(block);
    for (let k = 0; k < block.length; k++) expect(block[k]).toBe(b.nextUint32());
  });

  it('below(bound) is uniform: a χ² test over 7 and over 2^21 − 3 buckets folded to 16', () => {
    const rng = createRandom(12345);
    for (const bound of [7, 2097149]) {
      const bins = new Array(bound === 7 ? 7 : 16).fill(0);
      const draws = 70000;
      for (let k = 0; k < draws; k++) {
        const v = rng.below(bound);
        expect(v >= 0 && v < bound && Number.isInteger(v)).toBe(true);
        bins[bound === 7 ? v : Math.floor((v / bound) * 16)]++;
      }
      const e = draws / bins.length;
      const chi2 = bins.reduce((s, o) => s + (o - e) ** 2 / e, 0);
      expect(chi2).toBeLessThan(bins.length === 7 ? 22.5 : 37.7); // p = 0.001 critical values, df 6 and 15
    }
    expect(rng.below(1)).toBe(0);
    const big = rng.below(2 ** 40);
    expect(big >= 0 && big < 2 ** 40 && Number.isInteger(big)).toBe(true);
  });
});

describe('giStarPermutations', () => {
  // Eight observations with a few neighbourhoods of different sizes.
  const x = [0, 1, 2, 3, 10, 4, 7, 5];
  const rows = [[1, 2], [0], [0, 3, 4], [2, 4, 5, 6], [2, 3], [3], [3, 7], [6]];

  it('the counts follow the exact permutation distribution of each observation (every subset enumerated)', () => {
    const N = 40000;
    const p = giStarPermutations(Float64Array.from(x), listOf(rows), N, 2024);
    rows.forEach((nbs, i) => {
      const { ge, le } = exactTails(x, i, nbs);
      const q = Math.min(ge, le);
      // min(#≥, #≤) ≈ N·q: within 5 standard errors of the binomial count (plus one for the min of two counts).
      const count = p[i] * (N + 1) - 1;
      expect(Math.abs(count - N * q), `observation ${i}: P≥ ${ge}, P≤ ${le}`).toBeLessThanOrEqual(5 * Math.sqrt(N * q * (1 - q)) + 1);
    });
  });

  it('≥ and ≤ both count ties: a neighbour whose value every other observation shares gives p = 1', () => {
    // Observation 0's neighbour has the value of every other draw: each draw ties.
    const p = giStarPermutations(Float64Array.of(9, 4, 4, 4, 4), listOf([[1], [0], [], [], []]), 99);
    expect(p[0]).toBe(1);
    // Observation 1: draws from {9, 4, 4, 4}, observed 9: #≥ = #(9 drawn) ≈ N/4, #≤ = N.
    expect(p[1]).toBeLessThan(0.4);
  });

  it('lies in [1/(N + 1), 1] on the grid of multiples of 1/(N + 1), and is the same for the same seed', () => {
    const side = 20, cols = new Int32Array(side * side), rws = new Int32Array(side * side);
    const rnd = lcg(5);
    const v = new Float64Array(side * side);
    for (let i = 0; i < side * side; i++) {
      cols[i] = i % side;
      rws[i] = Math.floor(i / side);
      v[i] = Math.floor(-Math.log(rnd()) * 3);
    }
    const nb = gridRing(cols, rws, 1);
    const N = 199;
    const a = giStarPermutations(v, nb, N, 42), b = giStarPermutations(v, nb, N, 42), c = giStarPermutations(v, nb, N, 43);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
    for (const p of a) {
      expect(p).toBeGreaterThanOrEqual(1 / (N + 1));
      expect(p).toBeLessThanOrEqual(1);
      expect(Math.abs(p * (N + 1) - Math.round(p * (N + 1)))).toBeLessThan(1e-9);
    }
    expect(Array.from(giStarPermutations(v, nb, N))).toEqual(Array.from(giStarPermutations(v, nb, N, 12345)));
  });

  it('NaN where Gi* has no z: isolated, all values equal, a neighbourhood of everyone', () => {
    const p = giStarPermutations(Float64Array.of(1, 2, 3, 4), listOf([[1, 2, 3], [0], [0], []]), 99);
    expect(Number.isNaN(p[0]) && Number.isNaN(p[3])).toBe(true);
    expect(Number.isFinite(p[1]) && Number.isFinite(p[2])).toBe(true);
    expect(Array.from(giStarPermutations(Float64Array.of(2, 2, 2), listOf([[1], [0, 2], [1]]), 99)).every(Number.isNaN)).toBe(true);
    expect(() => giStarPermutations(Float64Array.of(1, 2), listOf([[1], [0]]), 0)).toThrow(/permutations/);
    expect(() => giStarPermutations(Float64Array.of(1, 2), listOf([[1], [0]]), 9.5)).toThrow(/permutations/);
  });

  it('agrees with the analytical p on a large well-behaved fixture (share agreeing at p < 0.05)', () => {
    // 50 × 50 cells, a gentle bump plus near-normal noise (sum of 6 uniforms), ring 2 (24
    // neighbours, so x_i, which the conditional permutation holds fixed, weighs little).
    // The folded p is one tail's, min(P≥, P≤), so it is set against half the two-sided p.
    const side = 50, n = side * side, cols = new Int32Array(n), rws = new Int32Array(n);
    const rnd = lcg(31);
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      cols[i] = i % side;
      rws[i] = Math.floor(i / side);
      let e = 0;
      for (let k = 0; k < 6; k++) e += rnd() - 0.5;
      v[i] = Math.exp(-((cols[i] - 15) ** 2 + (rws[i] - 30) ** 2) / 60) + e;
    }
    const nb = gridRing(cols, rws, 2);
    const analytical = giStar(v, nb).p;
    const perm = giStarPermutations(v, nb, 999);
    let agree = 0, sigA = 0, sigP = 0;
    for (let i = 0; i < n; i++) {
      const a = analytical[i] / 2 < 0.05, b = perm[i] < 0.05;
      if (a === b) agree++;
      if (a) sigA++;
      if (b) sigP++;
    }
    expect(sigA).toBeGreaterThan(250); // there is something to agree on
    expect(agree / n).toBeGreaterThan(0.95);
    expect(Math.abs(sigA - sigP)).toBeLessThan(0.05 * sigA);
  });
});
