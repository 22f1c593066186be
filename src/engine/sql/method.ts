// The statements "show method" offers for a layer: one statement each, whose rows are
// the layer's own numbers, so the console can run it as it is and check the map.
import { ident, num, select } from './core';
import { CELL_COLUMN } from './aggregate';

/** How a cell layer's numbers are shown: which id columns, and how results list and suppress cells. */
export interface CellMethodQuery {
  /** The per-cell statistics (assignedCellsQuery: columns __cell, __n, __value). */
  perCell: string;
  /** The table of cell ids: CELL_COLUMN plus `idColumns`, one row per cell. */
  idsTable: string;
  idColumns: readonly string[];
  /** Every cell is listed, those without rows too (districts); else only cells with rows. */
  listsEmpty: boolean;
  /** A listed cell without rows has this value: 0 for additive statistics, NULL for the others. */
  emptyValue: 0 | null;
  /** Cells with fewer rows show NULL for their count and value (0 = no suppression). */
  minCount: number;
}

/** One row per cell the layer lists, in cell order: the id columns, then "count" and "value" (DOUBLE, NULL where suppressed). */
export function cellMethodSql(q: CellMethodQuery): string {
  const n = q.listsEmpty ? 'coalesce(p.__n, 0)' : 'p.__n';
  const value = q.listsEmpty && q.emptyValue !== null ? `CASE WHEN p.__cell IS NULL THEN ${num(q.emptyValue)} ELSE p.__value END` : 'p.__value';
  const shown = (e: string) => (q.minCount > 0 ? `CASE WHEN ${n} >= ${num(q.minCount)} THEN ${e} END` : e);
  const join = q.listsEmpty ? 'LEFT JOIN' : 'JOIN';
  return select(
    [...q.idColumns.map((c) => `k.${ident(c)}`), `${shown(n)} AS "count"`, `${shown(value)} AS "value"`],
    `${ident(q.idsTable)} k ${join} (\n${q.perCell}\n) p ON p.__cell = k.${ident(CELL_COLUMN)}`,
    `ORDER BY k.${ident(CELL_COLUMN)}`,
  );
}

/** A feature's number: its __fid column where the table has one, else DuckDB's rowid (insertion order). */
function featureOf(fid: string | null): string {
  return fid ? ident(fid) : 'rowid';
}

/** The features of a dataset in feature order: feature, then name (text) when there is a name column. */
export function featureListSql(table: string, fid: string | null, name: string | null): string {
  const cols = [`${featureOf(fid)} AS feature`, ...(name ? [`${ident(name)}::VARCHAR AS name`] : [])];
  return select(cols, ident(table), `ORDER BY ${featureOf(fid)}`);
}

/** A choropleth's numbers: feature, name (when there is one) and the column's value as DOUBLE, in feature order. */
export function featureValuesMethodSql(table: string, column: string, fid: string | null, name: string | null): string {
  const cols = [`${featureOf(fid)} AS feature`, ...(name ? [`${ident(name)}::VARCHAR AS name`] : []), `${ident(column)}::DOUBLE AS value`];
  return select(cols, ident(table), `ORDER BY ${featureOf(fid)}`);
}
