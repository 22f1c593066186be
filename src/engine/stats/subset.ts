// A neighbour list restricted to some observations, renumbered: districts with no
// value (the mean of no rows) are left out of a statistic's observations, and their
// links with them, before Gi* is computed.
import type { NeighbourList } from '../aggregate/neighbours/neighbour-list';

/**
 * The neighbour list among the observations with keep[i] ≠ 0, renumbered 0..kept-1 in
 * their original order; index[j] is the original index of kept observation j. Rows stay
 * sorted (the renumbering is increasing). O(n + links).
 */
export function subsetNeighbours(nb: NeighbourList, keep: Uint8Array): { list: NeighbourList; index: Int32Array } {
  const n = nb.offsets.length - 1;
  if (keep.length !== n) throw new Error(`subsetNeighbours: ${n} neighbour rows but ${keep.length} keep flags`);
  // Every observation kept (every cell of a cell layer): the list as it is, no copy.
  if (keep.every((k) => k !== 0)) return { list: nb, index: Int32Array.from({ length: n }, (_, i) => i) };
  const renumber = new Int32Array(n);
  let kept = 0;
  for (let i = 0; i < n; i++) renumber[i] = keep[i] !== 0 ? kept++ : -1;
  const index = new Int32Array(kept);
  const offsets = new Int32Array(kept + 1);
  let links = 0;
  for (let i = 0; i < n; i++) {
    if (renumber[i] < 0) continue;
    for (let k = nb.offsets[i]; k < nb.offsets[i + 1]; k++) if (renumber[nb.neighbours[k]] >= 0) links++;
  }
  const neighbours = new Int32Array(links);
  let at = 0;
  for (let i = 0; i < n; i++) {
    const j = renumber[i];
    if (j < 0) continue;
    index[j] = i;
    for (let k = nb.offsets[i]; k < nb.offsets[i + 1]; k++) {
      const r = renumber[nb.neighbours[k]];
      if (r >= 0) neighbours[at++] = r;
    }
    offsets[j + 1] = at;
  }
  return { list: { offsets, neighbours }, index };
}
