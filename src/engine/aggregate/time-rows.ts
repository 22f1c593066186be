// A request's time part over a point dataset's rows: the time column read once as epoch
// ms (cached with the other row columns), its clock from how ingest read it, and the
// per-row keep mask and bins of src/engine/time in the request's display zone.
import { about } from '../engine-error';
import type { DatasetInfo, TimeWindow } from '../protocol';
import type { RowStore } from './row-store';
import { checkDays, checkHours, isoWeekday, minuteOfDay, rowInstants, timeRows, type CalendarBin, type ColumnClock, type TimeRows } from '../time';
import { timeExpr } from './time';

/**
 * What a time column's values mean: UTC instants (the file or the text said so, or the
 * name says utc), wall time in a known zone (loaded with a timeZone), or wall time of
 * unknown zone (read as display-zone wall time).
 */
export function clockOf(info: DatasetInfo, column: string): ColumnClock {
  const t = info.timeColumns?.find((c) => c.column === column);
  if (t?.zone === 'utc' || t?.zone === 'offset') return { kind: 'utc' };
  if (t?.zone === 'local' && t.timeZone) return t.timeZone === 'UTC' ? { kind: 'utc' } : { kind: 'zoned', zone: t.timeZone };
  return { kind: 'unknown' };
}

/** The rows a time window, rhythm filters and bin keep, with the SQL that read the column. */
export function readTimeRows(info: DatasetInfo, time: TimeWindow, bin: CalendarBin | undefined, store: RowStore): { rows: TimeRows; sql: string } {
  const t = timeExpr(info.columns, time.column, time.format);
  try {
    const hours = time.hours ? checkHours(time.hours) : undefined;
    const days = time.days ? checkDays(time.days) : undefined;
    const { column, sql } = store.epochMs(info, t);
    const rows = timeRows(column.values, clockOf(info, time.column), { column: time.column, zone: time.zone, from: time.from, to: time.to, hours, days, bin });
    return { rows, sql };
  } catch (err) {
    throw about(err, info.name);
  }
}

/** Each kept row's local hour of the week, (ISO weekday − 1) · 24 + hour of day, in the display zone; −1 for the others. */
export function hourOfWeekBins(info: DatasetInfo, time: TimeWindow, store: RowStore, keep: Uint8Array): Int32Array {
  const { column } = store.epochMs(info, timeExpr(info.columns, time.column, time.format));
  const v = column.values;
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < v.length; i++) {
    if (v[i] < lo) lo = v[i];
    if (v[i] > hi) hi = v[i];
  }
  const out = new Int32Array(v.length).fill(-1);
  if (!(lo <= hi)) return out;
  const wall = rowInstants(v, clockOf(info, time.column), time.zone ?? 'UTC', lo, hi).wall();
  for (let i = 0; i < v.length; i++) {
    if (keep[i]) out[i] = (isoWeekday(wall[i]) - 1) * 24 + Math.floor(minuteOfDay(wall[i]) / 60);
  }
  return out;
}
