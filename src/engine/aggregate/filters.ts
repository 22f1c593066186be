// Filters as SQL conditions. Every column is checked against the dataset's columns here,
// then quoted and its values escaped by the SQL builders (sql/filters.ts), so no user
// text reaches SQL unescaped.
import type { AggregateFilter, ColumnInfo } from '../protocol';
import { bboxCondition, inCondition, rangeCondition } from '../sql';

/** The dataset column called `name`, or an error listing the columns. */
export function findColumn(columns: ColumnInfo[], name: string): ColumnInfo {
  const col = columns.find((c) => c.name === name);
  if (!col) throw new Error(`no column named "${name}" (columns: ${columns.map((c) => c.name).join(', ')})`);
  return col;
}

/** Check one filter against the columns (throws, naming what is wrong) and return its column, if any. */
export function checkFilter(f: AggregateFilter, columns: ColumnInfo[]): ColumnInfo | null {
  switch (f.kind) {
    case 'range': {
      const col = findColumn(columns, f.column);
      if (col.kind !== 'number') throw new Error(`a range filter needs a numeric column; "${f.column}" is ${col.type}`);
      if (f.min === undefined && f.max === undefined) throw new Error(`the range filter on "${f.column}" has neither min nor max`);
      return col;
    }
    case 'in': {
      const col = findColumn(columns, f.column);
      if (!Array.isArray(f.values) || f.values.length === 0) throw new Error(`the filter on "${f.column}" lists no values`);
      return col;
    }
    case 'bbox': {
      const [x0, y0, x1, y1] = f.bbox;
      if (!(x0 <= x1 && y0 <= y1)) throw new Error(`bbox must be [minLon, minLat, maxLon, maxLat], got ${f.bbox.join(', ')}`);
      return null;
    }
    default:
      throw new Error(`unknown filter kind "${(f as { kind: string }).kind}"`);
  }
}

/** One filter as a SQL condition on the point table with coordinate columns lon/lat. */
export function filterSql(f: AggregateFilter, columns: ColumnInfo[], lon: string, lat: string): string {
  const col = checkFilter(f, columns);
  switch (f.kind) {
    case 'range':
      return rangeCondition(col!.name, f);
    case 'in':
      return inCondition(col!, f.values, f.not === true);
    case 'bbox':
      return bboxCondition(lon, lat, f.bbox);
  }
}

/** Every filter as SQL conditions, in order. */
export function filtersSql(filters: AggregateFilter[] | undefined, columns: ColumnInfo[], lon: string, lat: string): string[] {
  return (filters ?? []).map((f) => filterSql(f, columns, lon, lat));
}
