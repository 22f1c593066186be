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
 * Number the distinct usable positions of rows (lon[i], lat[i]); NaN marks an unusable
 * row. Positions are equal when their doubles are. When the first rows are mostly
 * distinct, every usable row becomes its own position instead: hashing millions of
 * unique points would cost memory and time for nothing. The inputs are then reused for
 * the positions, so the caller must not keep them.
 */
export function distinctPositions(lon: Float64Array, lat: Float64Array): Positions {
  const n = lon.length;
  const rowPosition = new Int32Array(n);
  const bx = new Uint32Array(lon.buffer, lon.byteOffset, 2 * n);
  const by = new Uint32Array(lat.buffer, lat.byteOffset, 2 * n);
  let bits = 12;
  let table: Int32Array = new Int32Array(1 << bits).fill(-1);
  let px: Float64Array = new Float64Array(1024);
  let py: Float64Array = new Float64Array(1024);
  let m = 0;
  let usable = 0;
  for (let i = 0; i < n; i++) {
    if (i === PROBE_ROWS && 2 * m > usable) return everyRow(lon, lat, rowPosition);
    const x = lon[i], y = lat[i];
    if (!usablePosition(x, y)) {
      rowPosition[i] = -1;
      continue;
    }
    usable++;
    const mask = (1 << bits) - 1;
    let h = hash(bx[2 * i], bx[2 * i + 1], by[2 * i], by[2 * i + 1], bits);
    let k: number;
    while ((k = table[h]) >= 0 && !(px[k] === x && py[k] === y)) h = (h + 1) & mask;
    if (k >= 0) {
      rowPosition[i] = k;
      continue;
    }
    if (m === px.length) {
      px = grow(px);
      py = grow(py);
    }
    px[m] = x;
    py[m] = y;
    rowPosition[i] = m;
    table[h] = m++;
    if (2 * m > 1 << bits) {
      // Keep the load under ½: rehash every position into a table twice the size.
      bits++;
      table = rehash(px, py, m, bits);
    }
  }
  return { x: px.slice(0, m), y: py.slice(0, m), rowPosition };
}

/** Multiplicative (Fibonacci) hash of a position's four 32-bit words: the top `bits` bits. */
function hash(xl: number, xh: number, yl: number, yh: number, bits: number): number {
  return Math.imul(xl ^ Math.imul(xh, 0x9e3779b1) ^ Math.imul(yl, 0x85ebca6b) ^ Math.imul(yh, 0xc2b2ae35), 0x27d4eb2f) >>> (32 - bits);
}

/** A table of 2^bits slots holding positions 0..m-1. */
function rehash(px: Float64Array, py: Float64Array, m: number, bits: number): Int32Array {
  const table = new Int32Array(1 << bits).fill(-1);
  const mask = (1 << bits) - 1;
  const pair = new Float64Array(2);
  const w = new Uint32Array(pair.buffer);
  for (let j = 0; j < m; j++) {
    pair[0] = px[j];
    pair[1] = py[j];
    let g = hash(w[0], w[1], w[2], w[3], bits);
    while (table[g] >= 0) g = (g + 1) & mask;
    table[g] = j;
  }
  return table;
}

function grow(a: Float64Array): Float64Array {
  const out = new Float64Array(2 * a.length);
  out.set(a);
  return out;
}

/**
 * Every usable row its own position (rows with repeated positions then repeat too).
 * The positions are compacted into the input arrays themselves, which the caller hands
 * over: at millions of distinct points a copy would double the memory.
 */
function everyRow(lon: Float64Array, lat: Float64Array, rowPosition: Int32Array): Positions {
  let m = 0;
  for (let i = 0; i < lon.length; i++) {
    if (usablePosition(lon[i], lat[i])) {
      lon[m] = lon[i];
      lat[m] = lat[i];
      rowPosition[i] = m++;
    } else {
      rowPosition[i] = -1;
    }
  }
  return { x: lon.subarray(0, m), y: lat.subarray(0, m), rowPosition };
}
