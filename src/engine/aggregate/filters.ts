// Filters as SQL conditions. Every column is checked against the dataset's columns here,
// then quoted and its values escaped by the SQL builders (sql/filters.ts), so no user
// text reaches SQL unescaped.
import type { AggregateFilter, ColumnInfo } from '../protocol';
import { bboxCondition, inCondition, rangeCondition } from '../sql';
import { EngineError } from '../engine-error';

/** The dataset column called `name`, or an error listing the columns. */
export function findColumn(columns: ColumnInfo[], name: string): ColumnInfo {
  const col = columns.find((c) => c.name === name);
  if (!col) throw new EngineError('no-such-column-among', { column: name, columns: columns.map((c) => c.name).join(', ') });
  return col;
}

/** Check one filter against the columns (throws, naming what is wrong) and return its column, if any. */
export function checkFilter(f: AggregateFilter, columns: ColumnInfo[]): ColumnInfo | null {
  switch (f.kind) {
    case 'range': {
      const col = findColumn(columns, f.column);
      if (col.kind !== 'number') throw new EngineError('range-filter-not-numeric', { column: f.column, type: col.type });
      if (f.min === undefined && f.max === undefined) throw new EngineError('range-filter-unbounded', { column: f.column });
      return col;
    }
    case 'in': {
      const col = findColumn(columns, f.column);
      if (!Array.isArray(f.values) || f.values.length === 0) throw new EngineError('filter-no-values', { column: f.column });
      return col;
    }
    case 'bbox': {
      const [x0, y0, x1, y1] = f.bbox;
      if (!(x0 <= x1 && y0 <= y1)) throw new EngineError('bbox-malformed', { bbox: f.bbox.join(', ') });
      return null;
    }
    default:
      throw new EngineError('unknown-filter-kind', { kind: String((f as { kind: string }).kind) });
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
