// What a table holds: its columns, row count, nulls and distinct values, and the memory
// DuckDB's tables take.
import { ident, num, select } from './core';

/** `DESCRIBE t`: one row per column (column_name, column_type, …). */
export function describeSql(table: string): string {
  return `DESCRIBE ${ident(table)}`;
}

/** The table's row count, as column n. */
export function rowCountSql(table: string): string {
  return select(['count(*)::BIGINT AS n'], ident(table));
}

/** Nulls of each column over the whole table, as n0, n1, … in the order given. */
export function nullCountsSql(table: string, columns: readonly string[]): string {
  return select(columns.map((c, i) => `(count(*) - count(${ident(c)}))::DOUBLE AS n${i}`), ident(table));
}

/**
 * Distinct non-null values of each column, as d0, d1, … in the order given: over the
 * whole table, or over its first `firstRows` rows when that is set (a lower bound).
 */
export function distinctCountsSql(table: string, columns: readonly string[], firstRows: number | null = null): string {
  const source =
    firstRows === null ? ident(table) : `(${select(columns.map(ident), ident(table), `LIMIT ${num(firstRows)}`)})`;
  return select(columns.map((c, i) => `count(DISTINCT ${ident(c)})::DOUBLE AS d${i}`), source);
}

/** Bytes held by all of DuckDB's in-memory tables, as column b. */
export function tableMemorySql(): string {
  return select(['coalesce(sum(memory_usage_bytes), 0)::DOUBLE AS b'], 'duckdb_memory()', "WHERE tag = 'IN_MEMORY_TABLE'");
}
