// The 'memory' request: DuckDB's own accounting plus parquet-wasm's heap, which the
// JS heap APIs cannot see.
import type { DuckDBConnection } from '../duckdb-types';
import type { EngineMemory } from '../protocol';
import { databaseSizeSql, memoryByTagSql } from '../sql';

/** The statements engineMemory runs, for the answer's `sql`. */
export const MEMORY_SQL = [memoryByTagSql(), databaseSizeSql()];

/** DuckDB's memory by tag and its database size; `parquetWasmBytes` from the host (null when unknown). */
export function engineMemory(conn: DuckDBConnection, parquetWasmBytes: number | null): EngineMemory {
  const duckdbByTag: Record<string, number> = {};
  let duckdbBytes = 0;
  for (const row of conn.query(memoryByTagSql()).toArray()) {
    const { tag, bytes } = row.toJSON() as { tag: string; bytes: number };
    duckdbBytes += bytes;
    if (bytes > 0) duckdbByTag[tag] = bytes;
  }
  const size = conn.query(databaseSizeSql()).toArray()[0]?.toJSON() as { memory_usage?: string; memory_limit?: string } | undefined;
  const databaseSize = size ? { memoryUsage: String(size.memory_usage), memoryLimit: String(size.memory_limit) } : null;
  return { duckdbBytes, duckdbByTag, databaseSize, parquetWasmBytes };
}
