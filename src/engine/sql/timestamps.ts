// Timestamp columns: how text, epoch numbers and zoned values become naive TIMESTAMP
// (no ICU extension offline), the counts that decide whether a column is one, and the
// range of converted columns.
import { ident, num, select, str } from './core';
import { alterColumnTypeSql } from './ddl';
import { nonBlankText } from './ingest';

/** How a column's values become TIMESTAMP. */
export type TimestampParse =
  /** Text in one strptime format, or in the first of several that fits. */
  | { kind: 'strptime'; format: string | readonly string[] }
  /** ISO 8601 text; with `offsets`, UTC offsets are applied (through TIMESTAMPTZ) to give UTC. */
  | { kind: 'iso8601'; offsets: boolean }
  /** Seconds or milliseconds since 1970-01-01 UTC. */
  | { kind: 'epoch'; unit: 'seconds' | 'milliseconds' }
  /** TIMESTAMPTZ: the instant's UTC wall clock (a plain cast needs no ICU). */
  | { kind: 'zoned' };

/** A DuckDB list literal of strings. */
function strList(values: readonly string[]): string {
  return `[${values.map(str).join(', ')}]`;
}

/** strptime of `input` with one format or a list (the first that fits). */
function strptime(input: string, format: string | readonly string[]): string {
  return `try_strptime(${input}, ${typeof format === 'string' ? str(format) : strList(format)})`;
}

/** The TIMESTAMP a column's value becomes (NULL when it cannot be read); text is trimmed, blank is NULL. */
export function timestampExpr(column: string, parse: TimestampParse): string {
  switch (parse.kind) {
    case 'strptime':
      return strptime(nonBlankText(column), parse.format);
    case 'iso8601':
      return parse.offsets
        ? `try_cast(try_cast(${nonBlankText(column)} AS TIMESTAMPTZ) AS TIMESTAMP)`
        : `try_cast(${nonBlankText(column)} AS TIMESTAMP)`;
    case 'epoch':
      return `make_timestamp((${ident(column)}::DOUBLE * ${num(parse.unit === 'seconds' ? 1e6 : 1e3)})::BIGINT)`;
    case 'zoned':
      return `${ident(column)}::TIMESTAMP`;
  }
}

/** Convert a column to TIMESTAMP in place. */
export function alterToTimestampSql(table: string, column: string, parse: TimestampParse): string {
  return alterColumnTypeSql(table, column, 'TIMESTAMP', timestampExpr(column, parse));
}

/** Of a text column: non-blank values (n) and how many of them `parse` reads (ok). */
export function timestampParseCountSql(table: string, column: string, parse: TimestampParse): string {
  return select(
    [`count(${nonBlankText(column)})::DOUBLE AS n`, `count(${timestampExpr(column, parse)})::DOUBLE AS ok`],
    ident(table),
  );
}

/**
 * Of a text column, per family i of formats: values any of them reads (ok{i}), and per
 * format j values that format reads (f{i}_{j}).
 */
export function formatFamilyCountsSql(table: string, column: string, families: readonly (readonly string[])[]): string {
  const text = nonBlankText(column);
  return select(
    families.flatMap((formats, i) => [
      `count(${strptime(text, formats)})::DOUBLE AS ok${i}`,
      ...formats.map((format, j) => `count(${strptime(text, format)})::DOUBLE AS f${i}_${j}`),
    ]),
    ident(table),
  );
}

/** Smallest (lo) and largest (hi) value of a numeric column, as DOUBLE. */
export function numericRangeSql(table: string, column: string): string {
  return select([`min(${ident(column)})::DOUBLE AS lo`, `max(${ident(column)})::DOUBLE AS hi`], ident(table));
}

/** Earliest (lo{i}) and latest (hi{i}) value of each timestamp column, as ISO text without zone. */
export function timestampExtentsSql(table: string, columns: readonly string[]): string {
  return select(
    columns.flatMap((c, i) => [
      `strftime(min(${ident(c)})::TIMESTAMP, '%Y-%m-%dT%H:%M:%S') AS lo${i}`,
      `strftime(max(${ident(c)})::TIMESTAMP, '%Y-%m-%dT%H:%M:%S') AS hi${i}`,
    ]),
    ident(table),
  );
}

/** Earliest (t0) and latest (t1) value of a timestamp or date column, as epoch milliseconds. */
export function timeRangeMsSql(table: string, column: string): string {
  const t = `CAST(${ident(column)} AS TIMESTAMP)`;
  return select([`epoch_ms(min(${t}))::DOUBLE AS t0`, `epoch_ms(max(${t}))::DOUBLE AS t1`], ident(table));
}
