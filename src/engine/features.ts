// Per-feature values of a polygon (or any) dataset, in feature order (__fid, else row
// order), for choropleths of a dataset's own column and for naming features in tooltips.
import type { DuckDBConnection } from './duckdb-types';
import type { DatasetInfo } from './protocol';
import { ident, select } from './sql';
import { nameColumn } from './column-roles';

function orderBy(info: DatasetInfo): string {
  return info.columns.some((c) => c.name === '__fid') ? `ORDER BY ${ident('__fid')}` : '';
}

export function columnValues(conn: DuckDBConnection, info: DatasetInfo, column: string): Float64Array {
  const col = info.columns.find((c) => c.name === column);
  if (!col) throw new Error(`${info.name} has no column ${column}`);
  if (col.kind !== 'number') throw new Error(`${info.name}: ${column} is not numeric`);
  const result = conn.query(select([`${ident(column)}::DOUBLE AS v`], ident(info.id), orderBy(info)));
  const out = new Float64Array(result.numRows);
  const v = result.getChild('v')!;
  for (let i = 0; i < out.length; i++) {
    const x = v.get(i);
    out[i] = x === null ? NaN : (x as number);
  }
  return out;
}

export function featureNames(conn: DuckDBConnection, info: DatasetInfo): string[] {
  const column = nameColumn(info.columns);
  if (!column) return Array.from({ length: info.rows }, (_, i) => `Feature ${i + 1}`);
  const result = conn.query(select([`${ident(column)}::VARCHAR AS n`], ident(info.id), orderBy(info)));
  const n = result.getChild('n')!;
  return Array.from({ length: result.numRows }, (_, i) => String(n.get(i) ?? `Feature ${i + 1}`));
}
