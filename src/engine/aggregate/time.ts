// Time windows and bins: the column and literal checks (the SQL text comes from
// sql/time.ts). A window is [from, to) on a timestamp/date column, or on text parsed
// with a strptime format.
import type { ColumnInfo, TimeBin, TimeWindow } from '../protocol';
import { epochMsLiteral, isoTimestampLiteral, parsedTimestampOf, timeBinKey, timeWindowConditions, timestampOf } from '../sql';
import { findColumn } from './filters';
import { EngineError } from '../engine-error';

/** The time bins a request may ask for. */
export const TIME_BINS: readonly TimeBin[] = ['hour', 'day', 'week', 'month', 'hour-of-day', 'day-of-week'];

const ISO_TIME = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?)?$/;

/** The column as a TIMESTAMP expression. */
export function timeExpr(columns: ColumnInfo[], column: string, format?: string): string {
  const col = findColumn(columns, column);
  if (col.kind === 'timestamp' || col.kind === 'date') return timestampOf(col);
  if (col.kind === 'string' && format) return parsedTimestampOf(col, format);
  if (col.kind === 'string') throw new EngineError('time-text-needs-format', { column });
  throw new EngineError('not-a-time-column', { column, type: col.type });
}

function timeLiteral(v: string | number, edge: 'from' | 'to'): string {
  if (typeof v === 'number') return epochMsLiteral(v);
  if (!ISO_TIME.test(v.trim())) throw new EngineError('window-time-not-iso', { edge, value: v });
  return isoTimestampLiteral(v.trim().replace('T', ' '));
}

/** Conditions for a time window: from inclusive, to exclusive. */
export function timeWindowSql(columns: ColumnInfo[], w: TimeWindow | undefined): string[] {
  if (!w) return [];
  const t = timeExpr(columns, w.column, w.format);
  const from = w.from !== undefined ? timeLiteral(w.from, 'from') : null;
  const to = w.to !== undefined ? timeLiteral(w.to, 'to') : null;
  return timeWindowConditions(t, from, to);
}

/** The bin key of a timestamp expression, as DOUBLE. */
export function binSql(bin: TimeBin, t: string): string {
  if (!TIME_BINS.includes(bin)) throw new EngineError('unknown-time-bin', { bin: String(bin), expected: TIME_BINS.join(', ') });
  return timeBinKey(bin, t);
}
