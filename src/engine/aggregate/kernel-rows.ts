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
  /** For stat 'share': the condition a row must match. */
  share?: AggregateFilter;
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
  // A share is the mean of its condition as 1 or 0 over the rows whose column is not NULL.
  const share = req.stat === 'share' && req.share && req.share.kind !== 'bbox' && kernelCondition(info, req.share) ? req.share : null;
  const stat: AggregateStat = share ? 'mean' : req.stat;
  if (!isKernelStat(stat) || req.time || !store.fits(info)) return null;
  const filters = req.filters ?? [];
  if (!filters.every((f) => kernelFilter(info, f))) return null;
  const sql: string[] = [];
  const read = (name: string): RowColumn => {
    const got = store.column(info, name);
    if (!sql.includes(got.sql)) sql.push(got.sql);
    return got.column;
  };
  const value = share ? indicator(read(share.column), share) : stat !== 'count' && req.value ? read(req.value.name) : null;
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

/** Whether a share's condition has an exact typed-array form: a range, or numbers listed, on an exactly compared column. */
function kernelCondition(info: DatasetInfo, f: AggregateFilter): boolean {
  if (f.kind === 'range') return kernelFilter(info, f);
  return f.kind === 'in' && EXACT_RANGE_TYPES.has(columnType(info, f.column)) && f.values.every((v) => typeof v === 'number' && Number.isFinite(v));
}

/** 1 where the row matches the condition, else 0; NULL stays NULL (DuckDB: NaN equals no listed number). */
function indicator(col: RowColumn, f: AggregateFilter): RowColumn {
  const n = col.values.length;
  const hit = new Uint8Array(n).fill(1);
  if (f.kind === 'range') maskRange(col.values, null, f, hit);
  else if (f.kind === 'in') {
    const listed = new Set(f.values as number[]);
    for (let i = 0; i < n; i++) if (listed.has(col.values[i]) === !!f.not) hit[i] = 0;
  }
  return { values: Float64Array.from(hit), valid: col.valid };
}
