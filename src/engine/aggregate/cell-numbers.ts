// Dense cell numbers for (column, row) cells, in (column, row) order, so a result lists
// grid and hexagon cells sorted as the old SQL's ORDER BY __col, __row did.

/** The distinct cells of some positions, and each position's cell number. */
export interface NumberedCells {
  /** Cell number of each input position. */
  cell: Int32Array;
  /** Column and row of each cell, cells sorted by column, then row. */
  cols: Int32Array;
  rows: Int32Array;
}

/** Largest bounding grid of cells numbered through a direct lookup table; beyond it, a sort. */
const MAX_TABLE = 1 << 22;

/** Number the distinct (cols[i], rows[i]) pairs densely in (column, row) order. Pure. */
export function numberCells(cols: Int32Array, rows: Int32Array): NumberedCells {
  const n = cols.length;
  if (n === 0) return { cell: new Int32Array(0), cols: new Int32Array(0), rows: new Int32Array(0) };
  let c0 = cols[0], c1 = cols[0], r0 = rows[0], r1 = rows[0];
  for (let i = 1; i < n; i++) {
    const c = cols[i], r = rows[i];
    if (c < c0) c0 = c;
    if (c > c1) c1 = c;
    if (r < r0) r0 = r;
    if (r > r1) r1 = r;
  }
  const spanR = r1 - r0 + 1;
  const span = (c1 - c0 + 1) * spanR;
  // Key k = (col − c0)·spanR + (row − r0) orders cells by column, then row.
  const key = (i: number) => (cols[i] - c0) * spanR + (rows[i] - r0);
  const cell = new Int32Array(n);
  let keys: Float64Array;
  if (span <= MAX_TABLE && span <= 16 * n + 1024) {
    // The key fits an int here: keep it per position, then look it up once.
    const table = new Int32Array(span);
    for (let i = 0; i < n; i++) {
      const k = (cols[i] - c0) * spanR + (rows[i] - r0);
      cell[i] = k;
      table[k] = 1;
    }
    let m = 0;
    for (let k = 0; k < span; k++) if (table[k]) table[k] = ++m;
    keys = new Float64Array(m);
    for (let k = 0; k < span; k++) if (table[k]) keys[table[k] - 1] = k;
    for (let i = 0; i < n; i++) cell[i] = table[cell[i]] - 1;
  } else {
    const all = new Float64Array(n);
    for (let i = 0; i < n; i++) all[i] = key(i);
    all.sort();
    let m = 0;
    for (let i = 0; i < n; i++) if (i === 0 || all[i] !== all[m - 1]) all[m++] = all[i];
    keys = all.slice(0, m);
    for (let i = 0; i < n; i++) cell[i] = lowerBound(keys, key(i));
  }
  const out = { cell, cols: new Int32Array(keys.length), rows: new Int32Array(keys.length) };
  for (let j = 0; j < keys.length; j++) {
    out.cols[j] = c0 + Math.floor(keys[j] / spanR);
    out.rows[j] = r0 + (keys[j] % spanR);
  }
  return out;
}

function lowerBound(sorted: Float64Array, v: number): number {
  let lo = 0, hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
