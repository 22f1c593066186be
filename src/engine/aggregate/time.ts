// Time: windows on a timestamp/date column (or text parsed with a strptime format) and
// bins/profiles as DuckDB expressions. Bin keys leave SQL as doubles (epoch ms, hour,
// ISO weekday) so they fit typed arrays.
import type { ColumnInfo, TimeBin, TimeWindow } from '../protocol';
import { ident, num, str } from '../sql';
import { findColumn } from './filters';

export const TIME_BINS: readonly TimeBin[] = ['hour', 'day', 'week', 'month', 'hour-of-day', 'day-of-week'];

const ISO_TIME = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?)?$/;

/** The column as a TIMESTAMP expression. */
export function timeExpr(columns: ColumnInfo[], column: string, format?: string): string {
  const col = findColumn(columns, column);
  if (col.kind === 'timestamp' || col.kind === 'date') {
    // TIMESTAMPTZ becomes the session zone's wall clock (UTC in DuckDB-WASM); DATE its midnight.
    return col.type === 'TIMESTAMP' ? ident(col.name) : `CAST(${ident(col.name)} AS TIMESTAMP)`;
  }
  if (col.kind === 'string' && format) return `try_strptime(${ident(col.name)}, ${str(format)})`;
  if (col.kind === 'string') throw new Error(`"${column}" is text: give its time format (e.g. %m/%d/%Y %H:%M)`);
  throw new Error(`"${column}" is ${col.type}, not a time column`);
}

function timeLiteral(v: string | number, what: string): string {
  if (typeof v === 'number') return `make_timestamp(${num(Math.round(v * 1000))}::BIGINT)`;
  if (!ISO_TIME.test(v.trim())) throw new Error(`${what} time "${v}" is not ISO date/time text (e.g. 2024-03-15 or 2024-03-15T08:00)`);
  return `CAST(${str(v.trim().replace('T', ' '))} AS TIMESTAMP)`;
}

/** Conditions for a time window: from inclusive, to exclusive. */
export function timeWindowSql(columns: ColumnInfo[], w: TimeWindow | undefined): string[] {
  if (!w) return [];
  const t = timeExpr(columns, w.column, w.format);
  const out: string[] = [];
  if (w.from !== undefined) out.push(`${t} >= ${timeLiteral(w.from, 'the "from"')}`);
  if (w.to !== undefined) out.push(`${t} < ${timeLiteral(w.to, 'the "to"')}`);
  return out;
}

/** The bin key of a timestamp expression, as DOUBLE. */
export function binSql(bin: TimeBin, t: string): string {
  switch (bin) {
    case 'hour':
    case 'day':
    case 'week':
    case 'month':
      // date_trunc('week') starts weeks on Monday (ISO).
      return `epoch_ms(date_trunc(${str(bin)}, ${t}))::DOUBLE`;
    case 'hour-of-day':
      return `hour(${t})::DOUBLE`;
    case 'day-of-week':
      return `isodow(${t})::DOUBLE`;
    default:
      throw new Error(`unknown time bin "${bin as string}" (expected ${TIME_BINS.join(', ')})`);
  }
}

/** Min/max of a time column as epoch ms, or null when it has no values. */
export function timeRangeSql(table: string, t: string): string {
  return `SELECT epoch_ms(min(${t}))::DOUBLE AS t0, epoch_ms(max(${t}))::DOUBLE AS t1 FROM ${ident(table)}`;
}
