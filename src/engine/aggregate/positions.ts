// Distinct positions of a point table: the unit every cell scheme assigns, so a scheme
// does its geometry once per place rather than once per row (1.8M Citi Bike readings
// are 2,202 stations). An open-addressing hash over the coordinates' bits, in JS: a
// GROUP BY in DuckDB plus a join back to the rows costs several times more.

/** Distinct positions and the position of every row. */
export interface Positions {
  /** Longitude and latitude of each distinct usable position, in order of first appearance. */
  x: Float64Array;
  y: Float64Array;
  /** Position of each row; -1 where the row's position is unusable (NULL, NaN, out of range). */
  rowPosition: Int32Array;
}

/** Whether lon/lat is a usable WGS84 position (the JS twin of sql positionInRange; NaN fails). */
export function usablePosition(lon: number, lat: number): boolean {
  return lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90;
}

/** Rows after which deduplication gives up when most positions are new (all-distinct data). */
const PROBE_ROWS = 65_536;

/**
 * Number the distinct usable positions of rows (lon, lat), given as chunks of rows (the
 * record batches of a query, lon[k] and lat[k] of one length); NaN marks an unusable
 * row. Positions are equal when their doubles are. When the first rows are mostly
 * distinct, every usable row becomes its own position instead: hashing millions of
 * unique points would cost memory and time for nothing. Pure.
 */
export function distinctPositions(lon: readonly Float64Array[], lat: readonly Float64Array[]): Positions {
  let n = 0;
  for (const chunk of lon) n += chunk.length;
  const rowPosition = new Int32Array(n);
  let bits = 12;
  let table: Int32Array = new Int32Array(1 << bits).fill(-1);
  let px: Float64Array = new Float64Array(1024);
  let py: Float64Array = new Float64Array(1024);
  // The position that followed each position last time: readings taken in rounds list the
  // places in the same order each round, so most rows are found without hashing.
  let next: Int32Array = new Int32Array(1024).fill(-1);
  const pair = new Float64Array(2);
  const words = new Uint32Array(pair.buffer);
  let m = 0;
  let usable = 0;
  let prev = -1;
  let row = 0;
  for (let k = 0; k < lon.length; k++) {
    const xs = lon[k], ys = lat[k];
    for (let i = 0; i < xs.length; i++, row++) {
      if (row === PROBE_ROWS && 2 * m > usable) return everyRow(lon, lat, rowPosition);
      const x = xs[i], y = ys[i];
      if (!usablePosition(x, y)) {
        rowPosition[row] = -1;
        continue;
      }
      usable++;
      let found = prev >= 0 ? next[prev] : -1;
      if (found < 0 || px[found] !== x || py[found] !== y) {
        pair[0] = x;
        pair[1] = y;
        const mask = (1 << bits) - 1;
        let h = hash(words, bits);
        while ((found = table[h]) >= 0 && !(px[found] === x && py[found] === y)) h = (h + 1) & mask;
        if (found < 0) {
          if (m === px.length) {
            px = grow(px, NaN);
            py = grow(py, NaN);
            next = grow(next, -1);
          }
          px[m] = x;
          py[m] = y;
          found = m++;
          table[h] = found;
          if (2 * m > 1 << bits) table = rehash(px, py, m, ++bits);
        }
        if (prev >= 0) next[prev] = found;
      }
      rowPosition[row] = found;
      prev = found;
    }
  }
  return { x: px.slice(0, m), y: py.slice(0, m), rowPosition };
}

/** Multiplicative (Fibonacci) hash of a position's four 32-bit words: the top `bits` bits. */
function hash(w: Uint32Array, bits: number): number {
  return Math.imul(w[0] ^ Math.imul(w[1], 0x9e3779b1) ^ Math.imul(w[2], 0x85ebca6b) ^ Math.imul(w[3], 0xc2b2ae35), 0x27d4eb2f) >>> (32 - bits);
}

/** A table of 2^bits slots holding positions 0..m-1 (load ½ keeps probes short). */
function rehash(px: Float64Array, py: Float64Array, m: number, bits: number): Int32Array {
  const table = new Int32Array(1 << bits).fill(-1);
  const mask = (1 << bits) - 1;
  const pair = new Float64Array(2);
  const words = new Uint32Array(pair.buffer);
  for (let j = 0; j < m; j++) {
    pair[0] = px[j];
    pair[1] = py[j];
    let g = hash(words, bits);
    while (table[g] >= 0) g = (g + 1) & mask;
    table[g] = j;
  }
  return table;
}

function grow<T extends Float64Array | Int32Array>(a: T, fill: number): T {
  const out = new (a.constructor as new (n: number) => T)(2 * a.length);
  out.set(a);
  out.fill(fill, a.length);
  return out;
}

/** Every usable row its own position (rows with repeated positions then repeat too). */
function everyRow(lon: readonly Float64Array[], lat: readonly Float64Array[], rowPosition: Int32Array): Positions {
  // Sized for every row, then trimmed by a view: one pass instead of counting first.
  const x = new Float64Array(rowPosition.length);
  const y = new Float64Array(rowPosition.length);
  let m = 0;
  let row = 0;
  for (let k = 0; k < lon.length; k++) {
    const xs = lon[k], ys = lat[k];
    for (let i = 0; i < xs.length; i++, row++) {
      const a = xs[i], b = ys[i];
      if (a >= -180 && a <= 180 && b >= -90 && b <= 90) {
        x[m] = a;
        y[m] = b;
        rowPosition[row] = m++;
      } else {
        rowPosition[row] = -1;
      }
    }
  }
  return { x: x.subarray(0, m), y: y.subarray(0, m), rowPosition };
}
