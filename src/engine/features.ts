// Per-feature values of a polygon (or any) dataset, in feature order (__fid, else row
// order), for choropleths of a dataset's own column and for naming features in tooltips.
import type { DuckDBConnection } from './duckdb-types';
import type { DatasetInfo } from './protocol';
import { columnValuesSql, featureNamesSql } from './sql';
import { nameColumn } from './column-roles';
import { FID } from './ingest/features';
import { EngineError } from './engine-error';

/** Feature order: the feature index column where the table has one, else row order. */
function order(info: DatasetInfo): string | null {
  return info.columns.some((c) => c.name === FID) ? FID : null;
}

/** A numeric column's values in feature order, NaN for NULL. */
export function columnValues(conn: DuckDBConnection, info: DatasetInfo, column: string): Float64Array {
  const col = info.columns.find((c) => c.name === column);
  if (!col) throw new EngineError('dataset-column-missing', { dataset: info.name, column });
  if (col.kind !== 'number') throw new EngineError('column-not-numeric', { column }, { subject: info.name });
  const result = conn.query(columnValuesSql(info.id, column, order(info)));
  const out = new Float64Array(result.numRows);
  const v = result.getChild('v')!;
  for (let i = 0; i < out.length; i++) {
    const x = v.get(i);
    out[i] = x === null ? NaN : (x as number);
  }
  return out;
}

/** Each feature's name from the dataset's name column, in feature order; null where it has none. */
export function featureNames(conn: DuckDBConnection, info: DatasetInfo): (string | null)[] {
  const column = nameColumn(info.columns);
  if (!column) return new Array<string | null>(info.rows).fill(null);
  const result = conn.query(featureNamesSql(info.id, column, order(info)));
  const n = result.getChild('n')!;
  return Array.from({ length: result.numRows }, (_, i) => (n.get(i) as string | null) ?? null);
}

/** The statements columnValues and featureNames run for `column`, for display with the layer. */
export function featureValuesSql(info: DatasetInfo, column: string): string {
  const name = nameColumn(info.columns);
  const values = `${columnValuesSql(info.id, column, order(info))};`;
  return name ? `${values}\n${featureNamesSql(info.id, name, order(info))};` : values;
}
