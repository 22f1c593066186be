// Filters as SQL conditions. Every column is checked against the dataset's columns and
// quoted; every value goes through str()/num(), so no user text reaches SQL unescaped.
import type { AggregateFilter, ColumnInfo } from '../protocol';
import { ident, num, str } from '../sql';

export function findColumn(columns: ColumnInfo[], name: string): ColumnInfo {
  const col = columns.find((c) => c.name === name);
  if (!col) throw new Error(`no column named "${name}" (columns: ${columns.map((c) => c.name).join(', ')})`);
  return col;
}

function literal(v: string | number | boolean, col: ColumnInfo): string {
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return num(v);
  // Text compared with a non-text column is cast to the column's type by DuckDB.
  return col.kind === 'string' ? str(v) : `CAST(${str(v)} AS ${col.type})`;
}

export function filterSql(f: AggregateFilter, columns: ColumnInfo[], lon: string, lat: string): string {
  switch (f.kind) {
    case 'range': {
      const col = findColumn(columns, f.column);
      if (col.kind !== 'number') throw new Error(`a range filter needs a numeric column; "${f.column}" is ${col.type}`);
      const c = ident(col.name);
      const parts: string[] = [];
      if (f.min !== undefined) parts.push(`${c} ${f.minExclusive ? '>' : '>='} ${num(f.min)}`);
      if (f.max !== undefined) parts.push(`${c} ${f.maxExclusive ? '<' : '<='} ${num(f.max)}`);
      if (!parts.length) throw new Error(`the range filter on "${f.column}" has neither min nor max`);
      return parts.join(' AND ');
    }
    case 'in': {
      const col = findColumn(columns, f.column);
      if (!Array.isArray(f.values) || f.values.length === 0) {
        throw new Error(`the filter on "${f.column}" lists no values`);
      }
      const list = f.values.map((v) => literal(v, col)).join(', ');
      // NOT IN keeps rows whose value is NULL: "not a cat" includes "unknown".
      return f.not
        ? `${ident(col.name)} IS NULL OR ${ident(col.name)} NOT IN (${list})`
        : `${ident(col.name)} IN (${list})`;
    }
    case 'bbox': {
      const [x0, y0, x1, y1] = f.bbox;
      if (!(x0 <= x1 && y0 <= y1)) throw new Error(`bbox must be [minLon, minLat, maxLon, maxLat], got ${f.bbox.join(', ')}`);
      return `${ident(lon)} BETWEEN ${num(x0)} AND ${num(x1)} AND ${ident(lat)} BETWEEN ${num(y0)} AND ${num(y1)}`;
    }
    default:
      throw new Error(`unknown filter kind "${(f as { kind: string }).kind}"`);
  }
}

export function filtersSql(filters: AggregateFilter[] | undefined, columns: ColumnInfo[], lon: string, lat: string): string[] {
  return (filters ?? []).map((f) => filterSql(f, columns, lon, lat));
}
