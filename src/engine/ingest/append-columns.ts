// Columns computed in JS (reprojected positions, the feature index, decoded points) added
// to a loaded table row by row: DuckDB has no UPDATE by position, so they are inserted
// as their own table and joined back with POSITIONAL JOIN.
import { Table, makeVector, type Vector } from 'apache-arrow';
import type { DuckDBConnection } from '../duckdb-types';
import { createTableAsSql, dropTableSql, positionalJoinSql, renameTableSql } from '../sql';
import { float64WithNulls, insertTable } from './arrow';
import { FID, LAT, LON } from './features';
import type { CollectedShapes } from './shapes';

/** The temporary tables appendColumns uses; a failed load leaves them for the engine to drop. */
export function scratchTables(table: string): [extra: string, next: string] {
  return [`${table}__extra`, `${table}__next`];
}

/** Add columns to a table, value i to row i. */
export function appendColumns(conn: DuckDBConnection, table: string, columns: Record<string, Vector>): void {
  const [extra, next] = scratchTables(table);
  insertTable(conn, extra, new Table(columns));
  try {
    conn.query(createTableAsSql(next, positionalJoinSql(table, extra)));
    conn.query(dropTableSql(table, false));
    conn.query(renameTableSql(next, table));
  } finally {
    conn.query(dropTableSql(extra));
    conn.query(dropTableSql(next));
  }
}

/** Add the feature index (__fid = row) and, where the shapes have points, their __lon/__lat. */
export function appendShapeColumns(conn: DuckDBConnection, table: string, shapes: CollectedShapes): void {
  const fid = new Int32Array(shapes.featureCount);
  for (let i = 0; i < fid.length; i++) fid[i] = i;
  const extra: Record<string, Vector> = { [FID]: makeVector(fid) };
  if (shapes.lon && shapes.lat) {
    extra[LON] = float64WithNulls(shapes.lon);
    extra[LAT] = float64WithNulls(shapes.lat);
  }
  appendColumns(conn, table, extra);
}
