// The statements of the aggregation room: per-row columns read into typed arrays, the
// SQL reduction over a cached per-row cell table, time bins, district attributes, and
// dropping the engine's scratch tables.
import type { AggregateStat, ColumnInfo } from '../protocol';
import { ident, select, where } from './core';
import { positionInRange } from './position';
import { shareIndicator, statExpr, valueExpr } from './stats';

/** The one column of a cached per-row cell table; prefixed so it never clashes with data columns. */
export const CELL_COLUMN = '__citylens_cell';

/** The one column of a per-row time table: the row's time bin (0 without bins), −1 where the time filters drop it. */
export const TIME_BIN_COLUMN = '__citylens_tbin';

/** What every aggregation query reads: the point table, its coordinates, the row conditions, the statistic. */
export interface QueryParts {
  table: string;
  lon: string;
  lat: string;
  /** Every row condition: valid position, filters, time window. */
  conditions: string[];
  stat: AggregateStat;
  value: ColumnInfo | null;
  /** For a share: the condition's column and its SQL. */
  share?: { column: string; condition: string } | null;
}

/**
 * One DOUBLE column per row of a table, in the table's row order (a single-table scan,
 * which DuckDB keeps in insertion order): column `v`.
 */
export function rowColumnQuery(table: string, column: string): string {
  return select([`CAST(${ident(column)} AS DOUBLE) AS v`], ident(table));
}

/**
 * The coordinates of every row as DOUBLE, NULL where the position is unusable, in row
 * order: columns `x`, `y`. For column types whose cast to DOUBLE is exact the caller
 * tests the range itself and `inSql` is false, which keeps the scan a plain copy.
 */
export function rowCoordinatesQuery(table: string, lon: string, lat: string, inSql: boolean): string {
  const cast = (c: string) => `CAST(${ident(c)} AS DOUBLE)`;
  const usable = (e: string) => (inSql ? `CASE WHEN ${positionInRange(lon, lat)} THEN ${e} END` : e);
  return select([`${usable(cast(lon))} AS x`, `${usable(cast(lat))} AS y`], ident(table));
}

/** The per-row value a statistic reads: the value column, or a share's indicator; null for count. */
export function rowValueExpr(parts: Pick<QueryParts, 'stat' | 'value' | 'share'>): string | null {
  if (parts.stat === 'share') {
    if (!parts.share) throw new Error('internal: a share without its condition');
    return shareIndicator(parts.share.column, parts.share.condition);
  }
  return valueExpr(parts.stat, parts.value);
}

function valueColumn(parts: Pick<QueryParts, 'stat' | 'value' | 'share'>): string[] {
  const v = rowValueExpr(parts);
  return v ? [`${v} AS __v`] : [];
}

function aggregates(parts: Pick<QueryParts, 'stat' | 'value' | 'share'>): string[] {
  return ['count(*)::DOUBLE AS __n', `${statExpr(parts.stat, rowValueExpr(parts) ? '__v' : null)}::DOUBLE AS __value`];
}

/**
 * Cells from a cached per-row cell table, read with a POSITIONAL JOIN (no hashing; point
 * tables are never modified after loading): columns __cell, __n, __value.
 */
export function assignedCellsQuery(parts: QueryParts, cellTable: string, timeTable?: string): string {
  let from = `${ident(parts.table)} POSITIONAL JOIN ${ident(cellTable)}`;
  const cols = [`${ident(CELL_COLUMN)} AS __cell`, ...valueColumn(parts)];
  const conditions = [...parts.conditions];
  if (timeTable) {
    // The time window, rhythm filters and bins of the display zone, computed per row in JS (src/engine/time).
    from += ` POSITIONAL JOIN ${ident(timeTable)}`;
    cols.push(`${ident(TIME_BIN_COLUMN)} AS __bin`);
    conditions.push(`${ident(TIME_BIN_COLUMN)} >= 0`);
  }
  const cells = select(cols, from, where(conditions));
  const keys = timeTable ? '__cell, __bin' : '__cell';
  return [
    `WITH cells AS (\n${cells}\n)`,
    select([keys, ...aggregates(parts)], 'cells', `GROUP BY ${keys}`, `ORDER BY ${keys}`),
  ].join('\n');
}

/** Time bins of the rows: columns __key, __n, __value; rows without a key are left out. */
export function timeBinsQuery(parts: Pick<QueryParts, 'table' | 'conditions' | 'stat' | 'value' | 'share'>, keyExpr: string): string {
  const rows = select([`${keyExpr} AS __key`, ...valueColumn(parts)], ident(parts.table), where(parts.conditions));
  return [
    `WITH cells AS (\n${rows}\n)`,
    select(['__key', ...aggregates(parts)], 'cells', 'WHERE __key IS NOT NULL', 'GROUP BY __key', 'ORDER BY __key'),
  ].join('\n');
}

/**
 * Name (VARCHAR) and population (DOUBLE) of every district, in feature order: columns
 * __name, __pop, NULL where the column is not given.
 */
export function districtAttributesQuery(table: string, nameColumn: string | null, populationColumn: string | null, orderByFid: boolean): string {
  const cols = [
    nameColumn !== null ? `CAST(${ident(nameColumn)} AS VARCHAR) AS __name` : 'NULL::VARCHAR AS __name',
    populationColumn !== null ? `CAST(${ident(populationColumn)} AS DOUBLE) AS __pop` : 'NULL::DOUBLE AS __pop',
  ];
  return select(cols, ident(table), orderByFid ? 'ORDER BY "__fid"' : '');
}

/** Drop one of the engine's scratch tables, if it is still there. */
export function dropTableQuery(table: string): string {
  return `DROP TABLE IF EXISTS ${ident(table)}`;
}
