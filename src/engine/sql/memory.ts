// What DuckDB says about its own memory, for the engine's 'memory' request.
import { select } from './core';

/** Memory per duckdb_memory() tag (BASE_TABLE, HASH_TABLE, …): columns tag, bytes (DOUBLE). */
export function memoryByTagSql(): string {
  return select(['tag', 'memory_usage_bytes::DOUBLE AS bytes'], 'duckdb_memory()');
}

/**
 * PRAGMA database_size's memory_usage and memory_limit, as DuckDB prints them ("256.0 MiB").
 * Read through its table function, so the statement is a SELECT like every other.
 */
export function databaseSizeSql(): string {
  return select(['memory_usage', 'memory_limit'], 'pragma_database_size()');
}
