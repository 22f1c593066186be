// The timeline's bins: chosen to fit the range (hours for up to a fortnight, then days,
// weeks, months), and the snapping of a brushed instant to a bin edge in the display zone.
import { binFloor, binNext } from '../../engine/time';
import type { TimelineBin } from '../../config/time-state';
import { instantOfWall, wallOfInstant } from '../../config/dataset-clock';

const DAY = 86_400_000;

/** The bin that draws `spanMs` in about 15–400 bars. */
export function autoBin(spanMs: number): TimelineBin {
  if (spanMs <= 14 * DAY) return 'hour';
  if (spanMs <= 180 * DAY) return 'day';
  if (spanMs <= 3 * 365 * DAY) return 'week';
  return 'month';
}

/** The start (instant) of the display-zone bin holding instant `ms`. */
export function binStartOf(bin: TimelineBin, ms: number, zone: string): number {
  return instantOfWall(binFloor(bin, wallOfInstant(ms, zone)), zone);
}

/** The start (instant) of the bin after the one starting at instant `start`. */
export function nextBinStart(bin: TimelineBin, start: number, zone: string): number {
  return instantOfWall(binNext(bin, wallOfInstant(start, zone)), zone);
}

/** Instant `ms` moved to the nearest bin edge. */
export function snapToBin(bin: TimelineBin, ms: number, zone: string): number {
  const a = binStartOf(bin, ms, zone);
  const b = nextBinStart(bin, a, zone);
  return ms - a <= b - ms ? a : b;
}

/** Moves a bin edge `steps` bins on (negative: back). */
export function stepBins(bin: TimelineBin, edge: number, steps: number, zone: string): number {
  let e = binStartOf(bin, edge, zone);
  for (let i = 0; i < steps; i++) e = nextBinStart(bin, e, zone);
  for (let i = 0; i > steps; i--) e = binStartOf(bin, e - 1, zone);
  return e;
}
