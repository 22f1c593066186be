// Per row of a time column: whether the time window and the rhythm filters keep it, and
// its bin, all in the display zone. The column's clock decides what its values mean:
// instants (a UTC column), wall time in a known zone, or wall time of unknown zone,
// which is read as display-zone wall time and never converted. Pure over typed arrays.
import { EngineError } from '../engine-error';
import { binStarts, binIndex } from './bins';
import { binFloor, type CalendarBin } from './calendar';
import { readTime, type ReadTime } from './instants';
import { rhythmTest, type HourRange } from './rhythm';
import { instantOf, localOf, zoneOffsets, type ZoneOffsets } from './zone';

/** The code of a window that holds none of the column's values. */
export const WINDOW_OUTSIDE = 'window-outside-range';

/** What a column's values mean. */
export type ColumnClock = { kind: 'utc' } | { kind: 'zoned'; zone: string } | { kind: 'unknown' };

/** The time part of a request, checked by the caller only for its shape. */
export interface TimeSpec {
  /** Names the column in messages. */
  column: string;
  /** The display zone; default UTC. */
  zone?: string;
  from?: string | number;
  to?: string | number;
  hours?: HourRange;
  days?: readonly number[];
  bin?: CalendarBin;
}

export interface TimeRows {
  /** 1 where the row has a time inside the window and passes the rhythm filters. */
  keep: Uint8Array;
  kept: number;
  /** Bin of each kept row (−1 for the others); null without a bin. */
  bin: Int32Array | null;
  /** Bin start instants (epoch ms), and each one's display-zone offset (ms). */
  binStarts: Float64Array | null;
  binOffsets: Float64Array | null;
  display: ZoneOffsets;
  /** The window's [from, to) as instants (clipped to the data), for window lengths. */
  windowMs: [number, number];
}

const DAY = 86_400_000;


/** The coarsest calendar unit every value sits on (a whole day, a month's first day), or null. */
function resolution(values: Float64Array): 'day' | 'month' | null {
  let days = true, months = true;
  for (let i = 0; i < values.length && days; i++) {
    const v = values[i];
    if (v !== v) continue;
    if (v % DAY !== 0) days = false;
    else if (months && new Date(v).getUTCDate() !== 1) months = false;
  }
  return months && days ? 'month' : days ? 'day' : null;
}

const FINER: Record<'day' | 'month', readonly CalendarBin[]> = { day: ['hour'], month: ['hour', 'day', 'week'] };

/** Display-zone wall time of each instant (NaN stays NaN). */
function wallsOf(instant: Float64Array, display: ZoneOffsets): Float64Array {
  const out = new Float64Array(instant.length);
  for (let i = 0; i < instant.length; i++) out[i] = instant[i] === instant[i] ? localOf(display, instant[i]) : NaN;
  return out;
}

/** First instant of each wall time in a zone (NaN stays NaN). */
function instantsOf(wall: Float64Array, z: ZoneOffsets): Float64Array {
  const out = new Float64Array(wall.length);
  for (let i = 0; i < wall.length; i++) out[i] = wall[i] === wall[i] ? instantOf(z, wall[i]) : NaN;
  return out;
}

/**
 * Each row's instant and display-zone wall time, each made only when first asked for (a
 * UTC column's values are its instants, a column of unknown zone's its wall times): a
 * clock of unknown zone is display-zone wall time, its instant that wall time's first.
 */
export function rowInstants(values: Float64Array, clock: ColumnClock, zone: string, lo: number, hi: number): { instant: () => Float64Array; wall: () => Float64Array; display: ZoneOffsets } {
  const display = zoneOffsets(zone, lo - 2 * DAY, hi + 2 * DAY);
  let instant: Float64Array | null = clock.kind === 'utc' ? values : null;
  let wall: Float64Array | null = clock.kind === 'unknown' ? values : null;
  const getInstant = () => {
    if (!instant) instant = clock.kind === 'zoned' ? instantsOf(values, zoneOffsets(clock.zone, lo - 2 * DAY, hi + 2 * DAY)) : instantsOf(values, display);
    return instant;
  };
  const getWall = () => (wall ??= wallsOf(getInstant(), display));
  return { instant: getInstant, wall: getWall, display };
}

/**
 * Which rows a time spec keeps, and their bins. `values` are the column's readings as
 * epoch ms of the same clock reading in UTC (NaN = no time).
 */
export function timeRows(values: Float64Array, clock: ColumnClock, spec: TimeSpec): TimeRows {
  const n = values.length;
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(lo <= hi)) throw new EngineError('time-column-empty', { column: spec.column });
  if (spec.bin) {
    const r = resolution(values);
    if (r && FINER[r].includes(spec.bin)) {
      throw new EngineError('bin-finer-than-data', { bin: spec.bin, column: spec.column, unit: r });
    }
  }
  const times = rowInstants(values, clock, spec.zone ?? 'UTC', lo, hi);
  const display = times.display;
  // Window bounds compare with instants, or, on a clock of unknown zone, with wall times.
  const onWall = clock.kind === 'unknown';
  const axis = onWall ? times.wall() : times.instant();
  const bound = (t: ReadTime): number =>
    onWall ? (t.kind === 'wall' ? t.ms : localOf(display, t.ms)) : t.kind === 'instant' ? t.ms : instantOf(display, t.ms);
  const from = spec.from !== undefined ? bound(readTime(spec.from, 'start')) : -Infinity;
  const to = spec.to !== undefined ? bound(readTime(spec.to, 'end')) : Infinity;
  if (!(from < to)) throw new EngineError('window-reversed', { from: String(spec.from), to: String(spec.to) });
  let aLo = lo, aHi = hi;
  if (axis !== values) {
    aLo = Infinity;
    aHi = -Infinity;
    for (let i = 0; i < n; i++) {
      if (axis[i] < aLo) aLo = axis[i];
      if (axis[i] > aHi) aHi = axis[i];
    }
  }
  if (from > aHi || to <= aLo) {
    const text = (ms: number) => new Date(ms).toISOString().slice(0, 19) + (onWall ? '' : 'Z');
    throw new EngineError(WINDOW_OUTSIDE, { from: String(spec.from ?? '…'), to: String(spec.to ?? '…'), column: spec.column, min: text(aLo), max: text(aHi) });
  }
  const passes = rhythmTest(spec.hours, spec.days);
  const wall = passes ? times.wall() : null;
  const keep = new Uint8Array(n);
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const t = axis[i];
    if (t >= from && t < to && (wall === null || passes!(wall[i]))) {
      keep[i] = 1;
      kept++;
    }
  }
  const clipped: [number, number] = onWall
    ? [instantOf(display, Math.max(from, aLo)), instantOf(display, Math.min(to, aHi + 1))]
    : [Math.max(from, aLo), Math.min(to, aHi + 1)];
  if (!spec.bin) return { keep, kept, bin: null, binStarts: null, binOffsets: null, display, windowMs: clipped };
  const starts = binStarts(display, spec.bin, clipped[0], clipped[1] - 1);
  const bin = new Int32Array(n).fill(-1);
  const instant = times.instant();
  for (let i = 0; i < n; i++) if (keep[i]) bin[i] = binIndex(starts, instant[i]);
  const binOffsets = Float64Array.from(starts, (s) => localOf(display, s) - s);
  return { keep, kept, bin, binStarts: starts, binOffsets, display, windowMs: clipped };
}

/** Whether `ms` starts a bin of the display zone (a window snapped to bins). */
export function isBinStart(z: ZoneOffsets, bin: CalendarBin, ms: number): boolean {
  const w = localOf(z, ms);
  return binFloor(bin, w) === w && instantOf(z, w) === ms;
}


