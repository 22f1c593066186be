// Bins of a time axis in a display zone, as the instants they start at: days start at
// local midnight (so DST days last 23 or 25 hours), weeks on Monday, and an hour the
// clock repeats is two bins. A row belongs to the last bin starting at or before it.
import { binFloor, binNext, type CalendarBin } from './calendar';
import type { ZoneOffsets } from './zone';

const MONTH_MARGIN = 32 * 86_400_000;

/**
 * Every bin start from the one holding t0 to the one holding t1 (instants, ascending):
 * within each offset segment the instants whose wall time is a bin boundary, plus a
 * segment's start where the clock jumps over a boundary.
 */
export function binStarts(z: ZoneOffsets, bin: CalendarBin, t0: number, t1: number): Float64Array {
  const lo = t0 - MONTH_MARGIN, hi = t1 + 1;
  const out: number[] = [];
  const n = z.starts.length;
  for (let i = 0; i < n; i++) {
    const a = Math.max(z.starts[i], lo);
    const b = Math.min(i + 1 < n ? z.starts[i + 1] : Infinity, hi);
    if (!(a < b)) continue;
    const o = z.offsets[i];
    if (i > 0 && z.starts[i] >= lo) {
      const before = binFloor(bin, z.starts[i] - 1 + z.offsets[i - 1]);
      const now = z.starts[i] + o;
      if (binFloor(bin, now) !== now && binFloor(bin, now) !== before) out.push(z.starts[i]);
    }
    let w = binFloor(bin, a + o);
    if (w < a + o) w = binNext(bin, w);
    for (; w < b + o; w = binNext(bin, w)) out.push(w - o);
  }
  out.sort((x, y) => x - y);
  // Keep from the last start at or before t0.
  let first = 0;
  while (first + 1 < out.length && out[first + 1] <= t0) first++;
  return Float64Array.from(out.slice(first).filter((s, k, a) => k === 0 || s !== a[k - 1]));
}

/** Index of the bin holding instant `ms` (−1 before the first). */
export function binIndex(starts: Float64Array, ms: number): number {
  let lo = -1, hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= ms) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
