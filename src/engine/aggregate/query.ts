// The aggregation queries, composed from the small builders beside this file. Two
// shapes: cells computed in SQL from projected coordinates (grid, hexagon), and cells
// looked up from a cached assignment table joined on the exact position (H3, districts).
import type { AggregateStat, ColumnInfo } from '../protocol';
import { ident, positionInRange, select, where } from '../sql';
import { ASSIGN_CELL, ASSIGN_LAT, ASSIGN_LON } from './assignment';
import type { LocalProjection } from './projection';
import { projectSql } from './projection';
import { gridCellStages } from './grid';
import { hexCellStages } from './hexagon';
import { statSql, valueSql } from './stats';

export interface QueryParts {
  table: string;
  lon: string;
  lat: string;
  /** Every row condition: valid position, filters, time window. */
  conditions: string[];
  stat: AggregateStat;
  value: ColumnInfo | null;
}

function valueColumn(parts: QueryParts): string[] {
  const v = valueSql(parts.stat, parts.value);
  return v ? [`${v} AS __v`] : [];
}

function aggregates(parts: QueryParts): string[] {
  return ['count(*)::DOUBLE AS __n', `${statSql(parts.stat, parts.value ? '__v' : null)}::DOUBLE AS __value`];
}

/** Grid or hexagon cells in SQL: columns __col, __row, __n, __value. */
export function projectedCellsQuery(
  parts: QueryParts,
  p: LocalProjection,
  shape: 'grid' | 'hexagon',
  sizeM: number,
): string {
  const { x, y } = projectSql(p, `CAST(${ident(parts.lon)} AS DOUBLE)`, `CAST(${ident(parts.lat)} AS DOUBLE)`);
  const stages = shape === 'grid' ? gridCellStages(sizeM, x, y) : hexCellStages(sizeM, x, y);
  const ctes: string[] = [];
  let from = ident(parts.table);
  stages.forEach((cols, i) => {
    const extra = i === 0 ? valueColumn(parts) : parts.value ? ['__v'] : [];
    ctes.push(`__s${i} AS (\n${select([...cols, ...extra], from, i === 0 ? where(parts.conditions) : '')}\n)`);
    from = `__s${i}`;
  });
  return `WITH ${ctes.join(',\n')}\n${select(['__col', '__row', ...aggregates(parts)], from, 'GROUP BY __col, __row', 'ORDER BY __col, __row')}`;
}

/** The distinct usable positions of a point table, as DOUBLE columns x, y. */
export function distinctPositionsQuery(parts: Pick<QueryParts, 'table' | 'lon' | 'lat'>): string {
  return select(
    [`CAST(${ident(parts.lon)} AS DOUBLE) AS x`, `CAST(${ident(parts.lat)} AS DOUBLE) AS y`],
    ident(parts.table),
    where([positionInRange(parts.lon, parts.lat)]),
    'GROUP BY ALL',
  );
}

/*
 * Building the per-row cell table, which later queries read with a POSITIONAL JOIN (no
 * hashing; point tables are never modified after loading). DuckDB does not promise
 * that a join keeps row order, and sorting 1.8M rows by rowid costs ~0.8 s, so the join
 * carries the rowid, rowOrderCheckSql counts rows out of order (~40 ms), and the copy
 * sorts only if order was lost. The copy itself is a plain single-table scan, which
 * DuckDB documents as order-preserving.
 */

/** The point rows joined to the per-position assignment: columns __r (rowid) and the cell. */
export function joinCellsSql(parts: Pick<QueryParts, 'table' | 'lon' | 'lat'>, assignTable: string, joinedTable: string): string {
  const t = ident(parts.table);
  const from =
    `${t} LEFT JOIN ${ident(assignTable)} AS __a` +
    ` ON CAST(${ident(parts.lon)} AS DOUBLE) = __a.${ident(ASSIGN_LON)}` +
    ` AND CAST(${ident(parts.lat)} AS DOUBLE) = __a.${ident(ASSIGN_LAT)}`;
  return `CREATE TABLE ${ident(joinedTable)} AS ${select([`${t}.rowid AS __r`, `__a.${ident(ASSIGN_CELL)}`], from)}`;
}

/** Rows of the joined table not in rowid order (column `bad`). */
export function rowOrderCheckSql(joinedTable: string): string {
  return `SELECT count(*) FILTER (WHERE __r <> __n - 1)::DOUBLE AS bad FROM (SELECT __r, row_number() OVER () AS __n FROM ${ident(joinedTable)})`;
}

/** The cell column alone, in point-row order. */
export function copyCellsSql(joinedTable: string, cellTable: string, ordered: boolean): string {
  return `CREATE TABLE ${ident(cellTable)} AS ${select([ident(ASSIGN_CELL)], ident(joinedTable), ordered ? '' : 'ORDER BY __r')}`;
}

/** Cells from a cached per-row cell table: columns __cell, __n, __value. */
export function assignedCellsQuery(parts: QueryParts, cellTable: string): string {
  const from = `${ident(parts.table)} POSITIONAL JOIN ${ident(cellTable)}`;
  const cells = select([`${ident(ASSIGN_CELL)} AS __cell`, ...valueColumn(parts)], from, where(parts.conditions));
  return [
    `WITH cells AS (\n${cells}\n)`,
    select(['__cell', ...aggregates(parts)], 'cells', 'GROUP BY __cell', 'ORDER BY __cell'),
  ].join('\n');
}

/** Time bins: columns __key, __n, __value. */
export function timeBinsQuery(parts: Omit<QueryParts, 'lon' | 'lat'>, keyExpr: string): string {
  const rows = select([`${keyExpr} AS __key`, ...valueColumn({ ...parts, lon: '', lat: '' })], ident(parts.table), where(parts.conditions));
  return [
    `WITH cells AS (\n${rows}\n)`,
    select(['__key', ...aggregates({ ...parts, lon: '', lat: '' })], 'cells', 'WHERE __key IS NOT NULL', 'GROUP BY __key', 'ORDER BY __key'),
  ].join('\n');
}
