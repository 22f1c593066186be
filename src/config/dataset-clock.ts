// A dataset's time column as the timeline and playback use it: which column (the config's
// roles.time, else the first detected one), which zone its values are on (or none known),
// its range, and the conversions between column wall clock, instants and display-zone
// wall clock. Pure: Intl gives the offsets (src/engine/time/zone.ts).
import type { DatasetInfo, TimeColumnInfo } from '../engine/protocol';
import { intlOffset } from '../engine/time';

export interface DatasetClock {
  column: string;
  /** The zone the column's values are wall-clock time in ('UTC' for UTC and offset columns); null when not known. */
  columnZone: string | null;
  /** Earliest and latest value as column wall clock (ms, read as UTC). */
  minWall: number;
  maxWall: number;
}

/** Wall-clock text (ISO, no zone) as epoch ms read as UTC; NaN when it is not one. */
export function wallOfIso(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?$/.exec(text.trim());
  if (!m) return NaN;
  const [, y, mo, d, h = '0', mi = '0', s = '0', ms = '0'] = m;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(ms.padEnd(3, '0')));
}

/** The zone of a time column's values, or null when the data does not say. */
export function columnZoneOf(c: TimeColumnInfo): string | null {
  if (c.zone === 'utc' || c.zone === 'offset') return 'UTC';
  return c.timeZone ?? null;
}

/** The dataset's time column: `roleColumn` when it is a detected time column, else the first; null when it has none. */
export function datasetClock(info: DatasetInfo, roleColumn?: string): DatasetClock | null {
  const columns = info.timeColumns ?? [];
  const c = columns.find((x) => x.column === roleColumn) ?? columns[0];
  if (!c || c.min === null || c.max === null) return null;
  const minWall = wallOfIso(c.min);
  const maxWall = wallOfIso(c.max);
  if (!Number.isFinite(minWall) || !Number.isFinite(maxWall)) return null;
  return { column: c.column, columnZone: columnZoneOf(c), minWall, maxWall };
}

/** The instant at which `zone`'s clock reads `wall` (the earlier one where clocks go back). */
export function instantOfWall(wall: number, zone: string): number {
  const first = wall - intlOffset(zone, wall);
  return wall - intlOffset(zone, first);
}

/** What `zone`'s clock reads at instant `ms`. */
export function wallOfInstant(ms: number, zone: string): number {
  return ms + intlOffset(zone, ms);
}

/** A column wall-clock value as an instant; a column of unknown zone is display-zone wall time. */
export function columnInstant(clock: DatasetClock, wall: number, displayZone: string): number {
  return instantOfWall(wall, clock.columnZone ?? displayZone);
}

/** The column's range as instants: [first value, just after the last]. */
export function clockRange(clock: DatasetClock, displayZone: string): { from: number; to: number } {
  return { from: columnInstant(clock, clock.minWall, displayZone), to: columnInstant(clock, clock.maxWall, displayZone) + 1 };
}

/** The dataset's own zone: the one it was loaded with (local times), else its time column's; null when none is known. */
export function datasetZoneOf(info: DatasetInfo, clock: DatasetClock, configured?: string): string | null {
  return configured ?? info.timeColumns?.find((c) => c.timeZone && c.timeZone !== 'UTC')?.timeZone ?? clock.columnZone;
}

/** The display zone: the state's, else the dataset's when known, else UTC. */
export function displayZoneOf(datasetZone: string | null, stateZone: string | undefined): string {
  return stateZone ?? datasetZone ?? 'UTC';
}

/** The zones the picker offers: UTC, the column's, the browser's, the current one, and a few cities'. */
export function zoneChoices(datasetZone: string | null, current: string, browser: string): string[] {
  const common = ['UTC', 'America/New_York', 'America/Chicago', 'America/Los_Angeles', 'Europe/London', 'Europe/Copenhagen', 'Europe/Madrid'];
  const all = [current, datasetZone ?? 'UTC', browser, ...common];
  return [...new Set(all)];
}

/** A state's bound (epoch ms, or ISO text read in `zone` when it has no offset) as an instant; NaN when unreadable. */
export function instantOfBound(bound: string | number, zone: string): number {
  if (typeof bound === 'number') return bound;
  const wall = wallOfIso(bound);
  if (Number.isFinite(wall)) return instantOfWall(wall, zone);
  const ms = Date.parse(bound);
  return Number.isFinite(ms) ? ms : NaN;
}
