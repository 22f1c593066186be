// Per-row data of point datasets kept as typed arrays, so a change of statistic or filter
// is a pass over arrays instead of a scan of DuckDB plus a copy out of it (reading one
// column of 1.8M rows out of DuckDB-WASM costs about as much as the whole reduction).
// Positions are kept per dataset; columns in a byte-budgeted LRU.
import type { DuckDBConnection } from '../duckdb-types';
import type { ColumnInfo, DatasetInfo } from '../protocol';
import { rowColumnQuery, rowCoordinatesQuery, rowEpochMsQuery } from '../sql';
import { float64Chunks, float64ColumnWithNulls } from './arrow-io';
import { distinctPositions, type Positions } from './positions';
import { EngineError } from '../engine-error';

/** One column of every row as doubles, NULLs apart. */
export interface RowColumn {
  values: Float64Array;
  /** 0 where the value is NULL; null = no NULLs. */
  valid: Uint8Array | null;
}

/** Column types whose cast to DOUBLE is exact for every value a coordinate can usefully hold. */
const EXACT_COORDINATE_TYPES = new Set([
  'DOUBLE', 'FLOAT', 'REAL', 'TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'UTINYINT', 'USMALLINT', 'UINTEGER', 'UBIGINT',
]);

/** Default budget for cached columns: 8 columns of 1.8M rows, one of 10M. */
export const COLUMN_BUDGET_BYTES = 128 * 2 ** 20;

interface PositionsEntry {
  info: DatasetInfo;
  positions: Positions;
  sql: string[];
}

interface ColumnEntry {
  info: DatasetInfo;
  column: RowColumn;
  sql: string;
  bytes: number;
}

/** Positions and columns of point datasets as typed arrays, read from DuckDB once. */
export class RowStore {
  private readonly positionsByDataset = new Map<string, PositionsEntry>();
  private readonly columns = new Map<string, ColumnEntry>();
  private columnBytes = 0;

  constructor(
    private readonly connection: () => DuckDBConnection,
    private readonly budgetBytes = COLUMN_BUDGET_BYTES,
  ) {}

  /** The distinct positions of a point dataset and the SQL that read them; computed on first use. */
  positions(info: DatasetInfo): { positions: Positions; sql: string[]; cached: boolean } {
    const hit = this.positionsByDataset.get(info.id);
    if (hit && hit.info === info) return { positions: hit.positions, sql: hit.sql, cached: true };
    const { lon, lat } = info.geometry;
    if (!lon || !lat) throw new EngineError('no-point-coordinates-to-aggregate', { dataset: info.name });
    const inSql = [lon, lat].some((c) => !EXACT_COORDINATE_TYPES.has(columnOf(info, c).type));
    const sql = [rowCoordinatesQuery(info.id, lon, lat, inSql)];
    // Read straight from the record batches: a copy of 1.8M rows costs as much as the hashing.
    const r = this.connection().query(sql[0]);
    const positions = distinctPositions(float64Chunks(r, 'x'), float64Chunks(r, 'y'));
    this.positionsByDataset.set(info.id, { info, positions, sql });
    return { positions, sql, cached: false };
  }

  /** Whether a column of this dataset would fit the cache (a larger one is reduced in SQL instead). */
  fits(info: DatasetInfo): boolean {
    return info.rows * 9 <= this.budgetBytes;
  }

  /** A numeric column of every row as doubles (read once, then cached), with its SQL. */
  column(info: DatasetInfo, name: string): { column: RowColumn; sql: string } {
    return this.read(info, `${info.id}\u0000${name}`, rowColumnQuery(info.id, name));
  }

  /** A timestamp expression of every row as epoch ms (NaN = none), read once, then cached. */
  epochMs(info: DatasetInfo, t: string): { column: RowColumn; sql: string } {
    return this.read(info, `${info.id}\u0000\u0001${t}`, rowEpochMsQuery(info.id, t));
  }

  private read(info: DatasetInfo, key: string, sql: string): { column: RowColumn; sql: string } {
    const hit = this.columns.get(key);
    if (hit && hit.info === info) {
      this.columns.delete(key);
      this.columns.set(key, hit); // most recently used last
      return { column: hit.column, sql: hit.sql };
    }
    if (hit) this.dropColumn(key);
    const column = float64ColumnWithNulls(this.connection().query(sql), 'v');
    const bytes = column.values.byteLength + (column.valid?.byteLength ?? 0);
    this.columns.set(key, { info, column, sql, bytes });
    this.columnBytes += bytes;
    while (this.columnBytes > this.budgetBytes && this.columns.size > 1) this.dropColumn(this.columns.keys().next().value!);
    return { column, sql };
  }

  private dropColumn(key: string): void {
    const e = this.columns.get(key);
    if (!e) return;
    this.columnBytes -= e.bytes;
    this.columns.delete(key);
  }

  /** Forget everything kept for a dataset. */
  forget(datasetId: string): void {
    this.positionsByDataset.delete(datasetId);
    for (const [key, e] of [...this.columns]) if (e.info.id === datasetId) this.dropColumn(key);
  }
}

function columnOf(info: DatasetInfo, name: string): ColumnInfo {
  const col = info.columns.find((c) => c.name === name);
  if (!col) throw new Error(`internal: ${info.name} has no column ${name}`);
  return col;
}
