// GeoDa's conditional-permutation pseudo p-value for Gi*, folded (two-sided): for each
// observation i with m neighbours, N times draw m values from the other n − 1
// observations without replacement (x_i stays at i), and count how often the drawn local
// sum is ≥ and ≤ the observed one; p = (min(#≥, #≤) + 1)/(N + 1). Gi*'s z is an
// increasing function of the local sum x_i + Σ_{N_i} x_j with everything else fixed
// under the permutation, so comparing the neighbours' sums is comparing the statistic.
// Two consequences for whoever reads p_perm beside the analytical p: the fold takes one
// tail, so under the null p_perm spreads over [1/(N + 1), ~½] and matches half the
// two-sided p; and x_i is held fixed, so a cell that is high alone (its neighbours
// ordinary) is significant analytically but not by permutation.
//
// Sampling: a partial Fisher–Yates shuffle over one array `pool` of the n − 1 "other"
// slots, never reset: slot value v stands for observation v + (v ≥ i), so the same
// array serves every i without a copy, and the first m entries after m swaps are a
// uniform m-subset whatever order the array was left in. No allocation per draw.
// Randomness: xoshiro128** seeded by SplitMix32 (random.ts), consumed in a fixed order
// (observation by observation, permutation by permutation, draw by draw), so a seed
// gives the same p on every platform.
import type { NeighbourList } from '../aggregate/neighbours/neighbour-list';
import { BufferedBelow, createRandom } from './random';

/** The seed used when none is given (issue 11's default). */
export const DEFAULT_SEED = 12345;

/**
 * Folded conditional-permutation pseudo-p of Gi* per observation, (min(#≥, #≤) + 1)/(N + 1),
 * in [1/(N + 1), 1]. NaN for an isolated observation, when all values are equal, and when
 * the neighbourhood is every observation (every draw is the observed set). Sums are
 * compared exactly, so on integer data (counts) ties are exact.
 */
export function giStarPermutations(x: Float64Array, nb: NeighbourList, permutations: number, seed = DEFAULT_SEED): Float64Array {
  const n = x.length;
  const { offsets, neighbours } = nb;
  if (offsets.length !== n + 1) throw new Error(`giStarPermutations: ${n} values but ${offsets.length - 1} neighbour rows`);
  if (!Number.isInteger(permutations) || permutations < 1) throw new Error(`permutations must be a whole number ≥ 1, got ${permutations}`);
  const out = new Float64Array(n).fill(NaN);
  let min = Infinity, max = -Infinity;
  for (let i = 0; i < n; i++) {
    if (x[i] < min) min = x[i];
    if (x[i] > max) max = x[i];
  }
  if (!(max > min)) return out;

  const rng = new BufferedBelow(createRandom(seed));
  const pool = new Int32Array(Math.max(0, n - 1));
  for (let v = 0; v < pool.length; v++) pool[v] = v;
  const others = n - 1;
  for (let i = 0; i < n; i++) {
    const a = offsets[i], m = offsets[i + 1] - a;
    if (m === 0 || m >= others) continue;
    let observed = 0;
    for (let k = a; k < a + m; k++) observed += x[neighbours[k]];
    let ge = 0, le = 0;
    for (let s = 0; s < permutations; s++) {
      let drawn = 0;
      for (let k = 0; k < m; k++) {
        const r = k + rng.below(others - k);
        const v = pool[r];
        pool[r] = pool[k];
        pool[k] = v;
        drawn += x[v + ((i - 1 - v) >>> 31)]; // v ≥ i stands for v + 1, without a branch
      }
      if (drawn >= observed) ge++;
      if (drawn <= observed) le++;
    }
    out[i] = ((ge < le ? ge : le) + 1) / (permutations + 1);
  }
  return out;
}
