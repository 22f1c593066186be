// Row conditions of the aggregation filters. Callers check columns against the dataset
// first (aggregate/filters.ts); here identifiers are quoted and values escaped.
import type { BBox, ColumnInfo } from '../protocol';
import { ident, num, str } from './core';

/** A numeric range on a column, inclusive unless said otherwise; at least one bound. */
export function rangeCondition(
  column: string,
  range: { min?: number; max?: number; minExclusive?: boolean; maxExclusive?: boolean },
): string {
  const c = ident(column);
  const parts: string[] = [];
  if (range.min !== undefined) parts.push(`${c} ${range.minExclusive ? '>' : '>='} ${num(range.min)}`);
  if (range.max !== undefined) parts.push(`${c} ${range.maxExclusive ? '<' : '<='} ${num(range.max)}`);
  if (!parts.length) throw new Error(`internal: a range on "${column}" needs a bound`);
  return parts.join(' AND ');
}

function literal(v: string | number | boolean, col: ColumnInfo): string {
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return num(v);
  // Text compared with a non-text column is cast to the column's type by DuckDB.
  return col.kind === 'string' ? str(v) : `CAST(${str(v)} AS ${col.type})`;
}

/** Rows whose value is one of `values`; with `not`, rows whose value is none of them or NULL. */
export function inCondition(col: ColumnInfo, values: readonly (string | number | boolean)[], not: boolean): string {
  const c = ident(col.name);
  const list = values.map((v) => literal(v, col)).join(', ');
  // NOT IN alone drops NULLs: "not a cat" must keep "unknown".
  return not ? `${c} IS NULL OR ${c} NOT IN (${list})` : `${c} IN (${list})`;
}

/** Rows whose lon/lat columns lie in [minLon, minLat, maxLon, maxLat], edges included. */
export function bboxCondition(lon: string, lat: string, bbox: BBox): string {
  const [x0, y0, x1, y1] = bbox;
  return `${ident(lon)} BETWEEN ${num(x0)} AND ${num(x1)} AND ${ident(lat)} BETWEEN ${num(y0)} AND ${num(y1)}`;
}
