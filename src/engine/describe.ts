// What a loaded table holds: its columns and their kinds, nulls, distinct values and
// categories, and the memory DuckDB's tables take.
import type { DuckDBConnection } from './duckdb-types';
import type { ColumnInfo, ColumnKind } from './protocol';
import { describeSql, distinctCountsSql, nullCountsSql, tableMemorySql } from './sql';
import { INTERNAL_COLUMNS } from './ingest/features';

/** The kind of value a DuckDB column type holds, as the panels and layers group them. */
export function columnKind(duckType: string): ColumnKind {
  const t = duckType.toUpperCase();
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|REAL|DECIMAL)/.test(t)) return 'number';
  if (t.startsWith('TIMESTAMP')) return 'timestamp';
  if (t === 'DATE') return 'date';
  if (t === 'BOOLEAN') return 'boolean';
  if (t === 'VARCHAR') return 'string';
  if (t === 'BLOB') return 'binary';
  return 'other';
}

/** The table's columns in order, with their kinds; the engine's own columns are marked internal. */
export function describeColumns(conn: DuckDBConnection, table: string): ColumnInfo[] {
  const rows = conn.query(describeSql(table)).toArray();
  return rows.map((r) => {
    const o = r.toJSON() as { column_name: string; column_type: string };
    const info: ColumnInfo = { name: o.column_name, type: o.column_type, kind: columnKind(o.column_type) };
    if (INTERNAL_COLUMNS.has(o.column_name)) info.internal = true;
    return info;
  });
}

/** Up to this many rows, distinct counts are exact; above, counted in the first rows. */
const EXACT_DISTINCT_ROWS = 100_000;
/** A text column with at most this many distinct values is a category. */
const MAX_CATEGORIES = 50;

/**
 * Fill in nulls, distinct counts and the category flag of every column: nulls over the
 * whole table (cheap), distinct values exactly for small tables; for larger ones only of
 * text and boolean columns, in their first 100,000 rows, so a 2-million-row load does
 * not pay a full hash per column.
 */
export function columnStats(conn: DuckDBConnection, table: string, columns: ColumnInfo[], rows: number): void {
  const cols = columns.filter((c) => !c.internal);
  if (!cols.length || rows === 0) return;
  const nulls = conn
    .query(nullCountsSql(table, cols.map((c) => c.name)))
    .toArray()[0]
    .toJSON() as Record<string, number>;
  // Distinct values matter for grouping: text, booleans, integers (not floats or times).
  // Large tables are counted in their first rows only (a lower bound), on just these columns.
  const big = rows > EXACT_DISTINCT_ROWS;
  const countable = cols.filter(
    (c) => c.kind === 'string' || c.kind === 'boolean' || (!big && /INT/.test(c.type.toUpperCase())),
  );
  const distinct = countable.length
    ? (conn
        .query(distinctCountsSql(table, countable.map((c) => c.name), big ? EXACT_DISTINCT_ROWS : null))
        .toArray()[0]
        .toJSON() as Record<string, number>)
    : {};
  cols.forEach((c, i) => {
    c.nulls = Number(nulls[`n${i}`]);
    const j = countable.indexOf(c);
    if (j < 0) return;
    c.distinct = Number(distinct[`d${j}`]);
    if (c.kind === 'string' && !c.json && c.distinct > 0 && c.distinct <= MAX_CATEGORIES && c.distinct <= Math.max(2, (rows - c.nulls) / 2)) {
      c.category = true;
    }
  });
}

/** Bytes DuckDB holds in in-memory tables (all of them): measured before and after a load. */
export function tableMemory(conn: DuckDBConnection): number {
  try {
    const r = conn.query(tableMemorySql());
    return Number(r.getChildAt(0)!.get(0));
  } catch {
    return 0;
  }
}
