// Time as DuckDB expressions: a column as TIMESTAMP, instants as literals, window
// conditions and bin keys. Bin keys leave SQL as doubles (epoch ms, hour, ISO weekday)
// so they fit typed arrays. Callers check column kinds and literal text first
// (aggregate/time.ts).
import type { ColumnInfo, TimeBin } from '../protocol';
import { ident, num, select, str } from './core';

/** A timestamp or date column as TIMESTAMP: TIMESTAMPTZ becomes the session zone's wall clock (UTC in DuckDB-WASM), DATE its midnight. */
export function timestampOf(col: ColumnInfo): string {
  return col.type === 'TIMESTAMP' ? ident(col.name) : `CAST(${ident(col.name)} AS TIMESTAMP)`;
}

/** A text column parsed with a strptime format; NULL where the text does not parse. */
export function parsedTimestampOf(col: ColumnInfo, format: string): string {
  return `try_strptime(${ident(col.name)}, ${str(format)})`;
}

/** An instant given as epoch milliseconds (whole microseconds, as TIMESTAMP holds). */
export function epochMsLiteral(ms: number): string {
  return `make_timestamp(${num(Math.round(ms * 1000))}::BIGINT)`;
}

/** An instant given as ISO date/time text ("2024-03-15 08:00"), already checked. */
export function isoTimestampLiteral(text: string): string {
  return `CAST(${str(text)} AS TIMESTAMP)`;
}

/** Conditions of a half-open window [from, to) on the timestamp expression `t`; either end may be absent. */
export function timeWindowConditions(t: string, from: string | null, to: string | null): string[] {
  const out: string[] = [];
  if (from !== null) out.push(`${t} >= ${from}`);
  if (to !== null) out.push(`${t} < ${to}`);
  return out;
}

/** The bin key of the timestamp expression `t`, as DOUBLE. */
export function timeBinKey(bin: TimeBin, t: string): string {
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
  }
}

/** The timestamp expression `t` of every row as epoch ms (DOUBLE, NULL where there is none), in row order: column `v`. */
export function rowEpochMsQuery(table: string, t: string): string {
  return select([`epoch_ms(${t})::DOUBLE AS v`], ident(table));
}
