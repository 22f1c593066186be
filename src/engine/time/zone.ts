// A time zone's UTC offsets as a table of transitions, built once per zone and range
// from Intl (the browser's in the worker, Node's in the CLI): DuckDB-WASM has no ICU
// extension offline, so zoned arithmetic happens here, over epoch milliseconds.
import { EngineError } from '../engine-error';

/** Offsets of one zone: offsets[i] (ms, local − UTC) holds from starts[i] (starts[0] = −∞) to starts[i + 1]. */
export interface ZoneOffsets {
  zone: string;
  starts: Float64Array;
  offsets: Float64Array;
}

const DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's formatter; an unknown zone throws a message that names it. */
function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (f) return f;
  try {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    throw new EngineError('zone-unknown', { zone });
  }
  formatters.set(zone, f);
  return f;
}

/** Throws unless `zone` is a zone Intl knows; returns its canonical name. */
export function checkZone(zone: string): string {
  return formatter(zone).resolvedOptions().timeZone;
}

/** The offset (ms) of `zone` at instant `ms`, at whole-second precision, from Intl. */
export function intlOffset(zone: string, ms: number): number {
  const t = Math.floor(ms / 1000) * 1000;
  const p: Record<string, string> = {};
  for (const part of formatter(zone).formatToParts(t)) p[part.type] = part.value;
  const year = p.era === 'BC' || p.era === 'B' ? 1 - Number(p.year) : Number(p.year);
  const wall = new Date(0);
  wall.setUTCFullYear(year, Number(p.month) - 1, Number(p.day));
  wall.setUTCHours(Number(p.hour), Number(p.minute), Number(p.second), 0);
  return wall.getTime() - t;
}

const tables = new Map<string, ZoneOffsets>();

/**
 * The offsets of `zone` over at least [fromMs, toMs], transitions found by sampling every
 * day and bisecting to the second (zones change offset at most a few times a year).
 * Cached per zone and year range.
 */
export function zoneOffsets(zone: string, fromMs: number, toMs: number): ZoneOffsets {
  const name = checkZone(zone);
  const y0 = new Date(fromMs - 40 * DAY).getUTCFullYear();
  const y1 = new Date(toMs + 40 * DAY).getUTCFullYear();
  const key = `${name}\u0000${y0}\u0000${y1}`;
  const hit = tables.get(key);
  if (hit) return hit;
  const start = Date.UTC(y0, 0, 1);
  const end = Date.UTC(y1 + 1, 0, 1);
  const starts = [-Infinity];
  const offsets = [intlOffset(name, start)];
  let prev = start;
  let prevOff = offsets[0];
  for (let t = start + DAY; t <= end; t += DAY) {
    const off = intlOffset(name, t);
    if (off !== prevOff) {
      // The first second at the new offset lies in (prev, t].
      let lo = prev / 1000, hi = t / 1000;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (intlOffset(name, mid * 1000) === prevOff) lo = mid;
        else hi = mid;
      }
      starts.push(hi * 1000);
      offsets.push(intlOffset(name, hi * 1000));
      prevOff = offsets[offsets.length - 1];
      if (prevOff !== off) t -= DAY; // two changes within one day: sample this day again
    }
    prev = t;
  }
  const out = { zone: name, starts: Float64Array.from(starts), offsets: Float64Array.from(offsets) };
  tables.set(key, out);
  return out;
}

/** Index of the offset segment holding instant `ms`. */
export function segmentAt(z: ZoneOffsets, ms: number): number {
  let lo = 0, hi = z.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (z.starts[mid] <= ms) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Local wall time of instant `ms`, as epoch ms of the same clock reading in UTC. */
export function localOf(z: ZoneOffsets, ms: number): number {
  return ms + z.offsets[segmentAt(z, ms)];
}

/** Most a zone's offset can be (UTC+14 and UTC−12, with a margin). */
const MAX_OFFSET = 15 * 3_600_000;

/**
 * The first instant whose local wall time is `wall` or later: the instant of a wall time,
 * the earlier one when the clock repeats it, the end of the gap when the clock skips it.
 */
export function instantOf(z: ZoneOffsets, wall: number): number {
  const n = z.starts.length;
  for (let i = segmentAt(z, wall - MAX_OFFSET); i < n; i++) {
    const o = z.offsets[i];
    const a = z.starts[i], b = i + 1 < n ? z.starts[i + 1] : Infinity;
    if (wall < a + o) return a;
    if (wall < b + o) return wall - o;
  }
  return wall - z.offsets[n - 1];
}
