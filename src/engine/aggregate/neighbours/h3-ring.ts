// Ring neighbours on H3 cells: h3-js gridDisk (hex distance ≤ k on the H3 grid,
// pentagons included), kept to the given cells.
import { gridDisk } from 'h3-js';
import { checkK } from './grid-ring';
import { NeighbourListBuilder, type NeighbourList } from './neighbour-list';

/** Neighbours of cells[i] among the given H3 cells (h3-js strings): grid distance 1..k (6 at k = 1, 5 beside a pentagon). */
export function h3Ring(cells: readonly string[], k: number): NeighbourList {
  checkK(k);
  const n = cells.length;
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const id = cells[i].toLowerCase(); // gridDisk answers in h3-js's lowercase hex
    if (index.has(id)) throw new Error(`H3 cell ${cells[i]} is given twice (index ${i} and ${index.get(id)})`);
    index.set(id, i);
  }
  const builder = new NeighbourListBuilder(n, Math.min(n * 3 * k * (k + 1), 1 << 24));
  for (let i = 0; i < n; i++) {
    for (const c of gridDisk(cells[i], k)) {
      const j = index.get(c);
      if (j !== undefined) builder.push(j);
    }
    builder.endRow();
  }
  return builder.finish();
}
