// Integer cell coordinates → input index, for the ring rules that step from a cell to
// the cells around it and must find which of those were given. A dense table over the
// cells' bounding box when it is compact (a typed-array read per step), else a Map.

/** Index of the given cell at (col, row), or -1 when it was not given. */
export interface CellLookup {
  indexOf(col: number, row: number): number;
}

/** Cells whose bounding box holds up to this many slots per cell get a dense table. */
const DENSE_SLOTS_PER_CELL = 16;
const DENSE_MIN_SLOTS = 1 << 20;

/** A lookup over cell i = (cols[i], rows[i]); throws when a cell is given twice. */
export function createCellLookup(cols: Int32Array, rows: Int32Array): CellLookup {
  const n = cols.length;
  if (rows.length !== n) throw new Error(`cols (${n}) and rows (${rows.length}) differ in length`);
  let c0 = 0, c1 = -1, r0 = 0, r1 = -1;
  for (let i = 0; i < n; i++) {
    const c = cols[i], r = rows[i];
    if (i === 0 || c < c0) c0 = c;
    if (i === 0 || c > c1) c1 = c;
    if (i === 0 || r < r0) r0 = r;
    if (i === 0 || r > r1) r1 = r;
  }
  const width = c1 - c0 + 1;
  const height = r1 - r0 + 1;
  const slots = width * height;
  const duplicate = (i: number) => new Error(`cell ${cols[i]}:${rows[i]} is given twice (indexes ${i} and an earlier one)`);

  if (slots <= Math.max(DENSE_MIN_SLOTS, DENSE_SLOTS_PER_CELL * n)) {
    const table = new Int32Array(Math.max(0, slots)).fill(-1);
    for (let i = 0; i < n; i++) {
      const s = (rows[i] - r0) * width + (cols[i] - c0);
      if (table[s] !== -1) throw duplicate(i);
      table[s] = i;
    }
    return {
      indexOf(col, row) {
        if (col < c0 || col > c1 || row < r0 || row > r1) return -1;
        return table[(row - r0) * width + (col - c0)];
      },
    };
  }
  // Sparse: a numeric key row·width + col is exact while the box has < 2^53 slots,
  // which int32 coordinates over any real extent satisfy.
  if (!Number.isSafeInteger(slots)) throw new Error(`cells span ${width} × ${height}, too wide to index`);
  const map = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const key = (rows[i] - r0) * width + (cols[i] - c0);
    if (map.has(key)) throw duplicate(i);
    map.set(key, i);
  }
  return {
    indexOf(col, row) {
      if (col < c0 || col > c1 || row < r0 || row > r1) return -1;
      return map.get((row - r0) * width + (col - c0)) ?? -1;
    },
  };
}
