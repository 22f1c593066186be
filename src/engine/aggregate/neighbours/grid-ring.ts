// Ring neighbours on the square grid: the given cells within k steps in any of the
// eight directions, i.e. at Chebyshev distance 1..k (8 at k = 1 when all are present).
import { createCellLookup } from './cell-lookup';
import { NeighbourListBuilder, type NeighbourList } from './neighbour-list';
import { EngineError } from '../../engine-error';

/** Neighbours of cell i = (cols[i], rows[i]) among the given cells: Chebyshev distance 1..k. */
export function gridRing(cols: Int32Array, rows: Int32Array, k: number): NeighbourList {
  checkK(k);
  const n = cols.length;
  const lookup = createCellLookup(cols, rows);
  const side = 2 * k + 1;
  const builder = new NeighbourListBuilder(n, Math.min(n * (side * side - 1), 1 << 24));
  for (let i = 0; i < n; i++) {
    const c = cols[i], r = rows[i];
    for (let dr = -k; dr <= k; dr++) {
      for (let dc = -k; dc <= k; dc++) {
        if (dc === 0 && dr === 0) continue;
        const j = lookup.indexOf(c + dc, r + dr);
        if (j >= 0) builder.push(j);
      }
    }
    builder.endRow();
  }
  return builder.finish();
}

/** Ring sizes are whole steps, at least 1. */
export function checkK(k: number): void {
  if (!Number.isInteger(k) || k < 1) throw new EngineError('ring-size-invalid', { value: String(k) });
}
