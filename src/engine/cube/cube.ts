// The cube of partial aggregates (issue 12): per cell × hour bin of the display zone, the
// moments of the rows, built once from a layer's cached cell assignment. A window aligned
// to hour bins, with hour-of-day and weekday filters, is then a merge over the bins it
// keeps per cell, not a rescan of the rows. Each hour bin has one local hour and weekday.
import { emptyMoments, addValue, mergeInto, type Moments } from './moments';
import { binIndex, binStarts, isoWeekday, localOf, type ZoneOffsets } from '../time';

export interface Cube {
  cells: number;
  bins: number;
  /** Hour bin starts (instants), and each bin's local hour (0–23) and ISO weekday (1–7). */
  starts: Float64Array;
  hour: Uint8Array;
  weekday: Uint8Array;
  /** Entry c·bins + b. */
  moments: Moments;
}

/** What a cube is built from, one entry per row. */
export interface CubeRows {
  /** Cell of each row (−1 = none). */
  cell: Int32Array;
  cells: number;
  /** Instant of each row (NaN = none). */
  instant: Float64Array;
  /** Value of each row (NaN or valid[i] = 0 = NULL); null for counts only. */
  values: Float64Array | null;
  valid: Uint8Array | null;
}

/** Build the cube over hour bins of `zone` covering the rows' instants. */
export function buildCube(rows: CubeRows, zone: ZoneOffsets): Cube {
  let lo = Infinity, hi = -Infinity;
  for (const t of rows.instant) {
    if (t < lo) lo = t;
    if (t > hi) hi = t;
  }
  const starts = lo <= hi ? binStarts(zone, 'hour', lo, hi) : new Float64Array(0);
  const B = starts.length;
  const hour = new Uint8Array(B), weekday = new Uint8Array(B);
  for (let b = 0; b < B; b++) {
    const w = localOf(zone, starts[b]);
    hour[b] = Math.floor((w - Math.floor(w / 86_400_000) * 86_400_000) / 3_600_000);
    weekday[b] = isoWeekday(w);
  }
  const m = emptyMoments(rows.cells * B);
  const { cell, instant, values, valid } = rows;
  for (let i = 0; i < cell.length; i++) {
    const c = cell[i], t = instant[i];
    if (c < 0 || t !== t) continue;
    const e = c * B + binIndex(starts, t);
    m.rows[e]++;
    if (values && (valid === null || valid[i])) {
      const x = values[i];
      if (x === x) addValue(m, e, x);
    }
  }
  return { cells: rows.cells, bins: B, starts, hour, weekday, moments: m };
}

/** Which bins a window keeps: [b0, b1) and the hour-of-day / weekday tables (index 0–23, 1–7). */
export interface CubeWindow {
  b0: number;
  b1: number;
  hours?: Uint8Array | null;
  days?: Uint8Array | null;
}

/** Per cell, the moments of the kept bins, merged in bin order. */
export function cubeWindow(cube: Cube, w: CubeWindow): Moments {
  const out = emptyMoments(cube.cells);
  const B = cube.bins;
  const b0 = Math.max(0, w.b0), b1 = Math.min(B, w.b1);
  const kept: number[] = [];
  for (let b = b0; b < b1; b++) if ((!w.hours || w.hours[cube.hour[b]]) && (!w.days || w.days[cube.weekday[b]])) kept.push(b);
  for (let c = 0; c < cube.cells; c++) for (const b of kept) mergeInto(out, c, cube.moments, c * B + b);
  return out;
}

/** Bytes the cube holds. */
export function cubeBytes(cube: Cube): number {
  const m = cube.moments;
  return [m.rows, m.n, m.sum, m.mean, m.m2, m.min, m.max, cube.starts].reduce((a, x) => a + x.byteLength, 0) + 2 * cube.bins;
}
