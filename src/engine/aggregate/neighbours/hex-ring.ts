// Ring neighbours on the engine's pointy-top hexagons (hexagon.ts), given in offset
// coordinates with odd rows shifted +½ column: centre x = (col + (row odd ? ½ : 0))·w,
// y = row·1.5r. In axial coordinates q = col − ⌊row/2⌋, r = row, the centre is
// x = (q + r/2)·w, so hex distance is the cube distance (|dq| + |dr| + |dq + dr|)/2.
import { createCellLookup } from './cell-lookup';
import { checkK } from './grid-ring';
import { NeighbourListBuilder, type NeighbourList } from './neighbour-list';

/** Neighbours of hexagon i = (cols[i], rows[i]) among the given hexagons: hex distance 1..k (6 at k = 1). */
export function hexRing(cols: Int32Array, rows: Int32Array, k: number): NeighbourList {
  checkK(k);
  const n = cols.length;
  const lookup = createCellLookup(cols, rows);
  const builder = new NeighbourListBuilder(n, Math.min(n * 3 * k * (k + 1), 1 << 24));
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    const q = cols[i] - (row >> 1); // >> 1 is floor(row / 2), negative rows included
    // Every axial step (dq, dr) with cube distance ≤ k: dr in [-k, k], dq + dr in [-k, k].
    for (let dr = -k; dr <= k; dr++) {
      const r2 = row + dr;
      const dq0 = Math.max(-k, -k - dr), dq1 = Math.min(k, k - dr);
      for (let dq = dq0; dq <= dq1; dq++) {
        if (dq === 0 && dr === 0) continue;
        const j = lookup.indexOf(q + dq + (r2 >> 1), r2);
        if (j >= 0) builder.push(j);
      }
    }
    builder.endRow();
  }
  return builder.finish();
}
