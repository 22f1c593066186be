// The statements the SQL console runs around the user's own: its scratch schema and
// search path, the result table a query fills, reading that result back as text or as
// typed columns, its memory limit, and the scratch catalogue. The user's statement is
// the one text here that is not built: consoleResultSql puts it verbatim inside
// `FROM ( … )`, where DuckDB's grammar admits a query and nothing else.
import { ident, num, select, str } from './core';

/** `CREATE SCHEMA IF NOT EXISTS s`. */
export function createSchemaSql(schema: string): string {
  return `CREATE SCHEMA IF NOT EXISTS ${ident(schema)}`;
}

/**
 * `CREATE OR REPLACE TEMP TABLE t AS FROM (` on a line of its own, then the user's query
 * verbatim, then `)` on a line of its own: DuckDB's "LINE n" is the user's line n − 1.
 */
export function consoleResultSql(table: string, userQuery: string): string {
  return `CREATE OR REPLACE TEMP TABLE ${ident(table)} AS FROM (\n${userQuery}\n)`;
}

/** Every column of a table cast to text by DuckDB (its own rendering), `limit` rows from `offset`, in table order. */
export function textRowsSql(table: string, limit: number, offset = 0): string {
  return select(['CAST(COLUMNS(*) AS VARCHAR)'], ident(table), `LIMIT ${num(limit)}`, offset ? `OFFSET ${num(offset)}` : '');
}

/**
 * Chosen columns of a table in table order: each as it is, or cast to text where `text`
 * says so (64-bit integers, which the engine's Arrow output would round to doubles).
 */
export function resultColumnsSql(table: string, columns: readonly { name: string; text: boolean }[]): string {
  return select(
    columns.map((c) => (c.text ? `CAST(${ident(c.name)} AS VARCHAR) AS ${ident(c.name)}` : ident(c.name))),
    ident(table),
  );
}

/** `RESET name`: a setting back to DuckDB's default. */
export function resetSql(name: string): string {
  return `RESET ${ident(name)}`;
}

/** A setting's current value as DuckDB prints it, column v. */
export function currentSettingSql(name: string): string {
  return `SELECT current_setting(${str(name)}) AS v`;
}

/** Bytes DuckDB's buffer manager holds now, column b (DOUBLE). */
export function memoryUsedSql(): string {
  return select(['coalesce(sum(memory_usage_bytes), 0)::DOUBLE AS b'], 'duckdb_memory()');
}

/** Tables and views of a schema with their columns in order: name, kind ('table'/'view'), column, type. */
export function schemaColumnsSql(schema: string): string {
  return select(
    [
      'c.table_name AS name',
      "CASE WHEN v.view_name IS NULL THEN 'table' ELSE 'view' END AS kind",
      'c.column_name AS "column"',
      'c.data_type AS type',
    ],
    'duckdb_columns() c LEFT JOIN duckdb_views() v ON v.database_name = c.database_name AND v.schema_name = c.schema_name AND v.view_name = c.table_name',
    `WHERE c.schema_name = ${str(schema)} AND NOT c.internal`,
    'ORDER BY c.table_name, c.column_index',
  );
}

/** Up to `limit` non-null values of a column in table order, column v: as text, or as they are. */
export function sampleValuesSql(table: string, column: string, limit: number, asText: boolean): string {
  const v = asText ? `CAST(${ident(column)} AS VARCHAR)` : ident(column);
  return select([`${v} AS v`], ident(table), `WHERE ${ident(column)} IS NOT NULL`, `LIMIT ${num(limit)}`);
}

/**
 * How the distinct values of a result column, in its first `sampleRows` rows, meet a
 * dataset's key column (both compared as text): n distinct values, `matched` of them found.
 */
export function joinMatchSql(table: string, column: string, dataset: string, key: string, sampleRows: number): string {
  const sample = select([`DISTINCT CAST(${ident(column)} AS VARCHAR) AS v`], `(${select([ident(column)], ident(table), `LIMIT ${num(sampleRows)}`)})`, `WHERE ${ident(column)} IS NOT NULL`);
  const keys = select([`DISTINCT CAST(${ident(key)} AS VARCHAR) AS k`], ident(dataset));
  return select(['count(*)::DOUBLE AS n', 'count(d.k)::DOUBLE AS matched'], `(${sample}) r LEFT JOIN (${keys}) d ON d.k = r.v`);
}

/** Whether each column's largest absolute value is beyond 2^53 (doubles lose digits there): x0, x1, … as BOOLEAN. */
export function beyondDoubleSql(table: string, columns: readonly string[]): string {
  return select(columns.map((c, i) => `coalesce(max(abs(${ident(c)})) > 9007199254740992, false) AS x${i}`), ident(table));
}
