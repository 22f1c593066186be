// Whether a request can be reduced by the typed-array kernels, and its rows if so: the
// value column and a row mask from the filters. A filter the kernels cannot evaluate
// exactly as DuckDB does (lists of values, time windows, ranges on columns whose cast
// to DOUBLE is not exact) sends the whole request to SQL instead.
import type { AggregateFilter, AggregateStat, ColumnInfo, DatasetInfo, TimeWindow } from '../protocol';
import type { Positions } from './positions';
import type { RowColumn, RowStore } from './row-store';
import { isKernelStat, type KernelStat } from './stats';
import { maskPositions, maskRange, positionsInBox } from './masks';

/** Column types compared exactly as doubles (BIGINT and DECIMAL can lose digits; FLOAT literals round differently). */
const EXACT_RANGE_TYPES = new Set(['TINYINT', 'SMALLINT', 'INTEGER', 'UTINYINT', 'USMALLINT', 'UINTEGER', 'DOUBLE']);

/** The rows of a request for the kernels. */
export interface KernelRows {
  stat: KernelStat;
  values: Float64Array | null;
  valid: Uint8Array | null;
  /** 0 where a filter drops the row; null = no filters. */
  mask: Uint8Array | null;
  /** The statements that read the columns (cached or not). */
  sql: string[];
}

/** What a request asks of the rows. */
export interface RowRequest {
  stat: AggregateStat;
  value: ColumnInfo | null;
  filters: AggregateFilter[] | undefined;
  time: TimeWindow | undefined;
}

function columnType(info: DatasetInfo, name: string): string {
  return info.columns.find((c) => c.name === name)?.type ?? '';
}

/** Whether the kernels evaluate this filter exactly as its SQL does. */
function kernelFilter(info: DatasetInfo, f: AggregateFilter): boolean {
  if (f.kind === 'range') return EXACT_RANGE_TYPES.has(columnType(info, f.column));
  if (f.kind === 'bbox') {
    const { lon, lat } = info.geometry;
    return !!lon && !!lat && columnType(info, lon) === 'DOUBLE' && columnType(info, lat) === 'DOUBLE';
  }
  return false;
}

/**
 * The request's rows as typed arrays (reading and caching columns as needed), or null
 * when the request must be reduced in SQL. Filters are checked by the caller first.
 */
export function kernelRows(info: DatasetInfo, req: RowRequest, store: RowStore, positions: Positions): KernelRows | null {
  const { stat } = req;
  if (!isKernelStat(stat) || req.time || !store.fits(info)) return null;
  const filters = req.filters ?? [];
  if (!filters.every((f) => kernelFilter(info, f))) return null;
  const sql: string[] = [];
  const read = (name: string): RowColumn => {
    const got = store.column(info, name);
    if (!sql.includes(got.sql)) sql.push(got.sql);
    return got.column;
  };
  const value = stat !== 'count' && req.value ? read(req.value.name) : null;
  let mask: Uint8Array | null = null;
  for (const f of filters) {
    mask ??= new Uint8Array(positions.rowPosition.length).fill(1);
    if (f.kind === 'range') {
      const col = read(f.column);
      maskRange(col.values, col.valid, f, mask);
    } else if (f.kind === 'bbox') {
      maskPositions(positions.rowPosition, positionsInBox(positions.x, positions.y, f.bbox), mask);
    }
  }
  return { stat, values: value?.values ?? null, valid: value?.valid ?? null, mask, sql };
}
