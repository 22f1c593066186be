// Playback windows over a layer's cube (issue 12): a window whose bounds fall on the
// cube's hour-bin starts (or outside the data) is a merge of the bins it keeps, and its
// per-cell count and statistic are those the typed-array kernels give over its rows.
import type { HourRange, TimeWindow } from '../protocol';
import type { Cube, CubeWindow, Moments } from '../cube';
import type { CellStats } from './reduce';
import type { KernelStat } from './stats';
import { binIndex } from '../time';

const HOUR = 3_600_000;

/** The first bin at or after instant `t` when `t` is a bin edge of the cube (or outside its bins); else null. */
function edge(cube: Cube, t: number): number | null {
  const B = cube.bins;
  if (B === 0 || t <= cube.starts[0]) return 0;
  // Hour bins last at most an hour, so no row of the last bin is at or after its start + 1 h.
  if (t >= cube.starts[B - 1] + HOUR) return B;
  const b = binIndex(cube.starts, t);
  return cube.starts[b] === t ? b : null;
}

/** The hour-of-day and weekday tables of a time part's rhythm filters; null when its hours are not whole. */
export function rhythmTables(time: TimeWindow): { hours: Uint8Array | null; days: Uint8Array | null } | null {
  let hours: Uint8Array | null = null;
  const h: HourRange | undefined = time.hours;
  if (h) {
    if (!Number.isInteger(h.from) || !Number.isInteger(h.to)) return null;
    // from ≤ hour < to, wrapping midnight when to < from (as rhythmTest reads it).
    hours = Uint8Array.from({ length: 24 }, (_, x) => (h.from < h.to ? x >= h.from && x < h.to : x >= h.from || x < h.to) ? 1 : 0);
  }
  const days = time.days ? Uint8Array.from({ length: 8 }, (_, d) => (time.days!.includes(d) ? 1 : 0)) : null;
  return { hours, days };
}

/** The cube's bins of a window [from, to) with the rhythm tables, or null when it is not bin-aligned. */
export function cubeWindowOf(cube: Cube, from: number, to: number, tables: { hours: Uint8Array | null; days: Uint8Array | null }): CubeWindow | null {
  const b0 = edge(cube, from), b1 = edge(cube, to);
  return b0 === null || b1 === null ? null : { b0, b1, hours: tables.hours, days: tables.days };
}

/** Per cell, the rows and the statistic of merged moments, as reduceCells gives them (NaN without values). */
export function momentStats(m: Moments, stat: KernelStat): CellStats {
  const C = m.rows.length;
  const counts = Float64Array.from(m.rows);
  const values = new Float64Array(C);
  for (let c = 0; c < C; c++) {
    const n = m.n[c];
    if (stat === 'count') values[c] = m.rows[c];
    else if (n === 0) values[c] = NaN;
    // The mean as the kernels make it: the sum over the count of values.
    else values[c] = stat === 'sum' ? m.sum[c] : stat === 'mean' ? m.sum[c] / n : stat === 'min' ? m.min[c] : m.max[c];
  }
  return { counts, values };
}
