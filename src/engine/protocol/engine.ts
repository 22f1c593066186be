// The engine's start-up and memory: part of the engine contract (protocol/index.ts).

export interface EngineInit {
  /** Absolute URL of the app's base (where vendor/ and data/ live). */
  baseUrl: string;
}

export interface EngineStatus {
  duckdbVersion: string;
  bundle: string;
  initMs: number;
}

/** Engine memory, in bytes. DuckDB's numbers come from duckdb_memory() and PRAGMA database_size. */
export interface EngineMemory {
  /** Sum of duckdb_memory().memory_usage_bytes. */
  duckdbBytes: number;
  /** memory_usage_bytes per duckdb_memory() tag (BASE_TABLE, HASH_TABLE, …), non-zero ones only. */
  duckdbByTag: Record<string, number>;
  /** PRAGMA database_size's memory_usage and memory_limit, as DuckDB prints them (e.g. "256.0 MiB"). */
  databaseSize: { memoryUsage: string; memoryLimit: string } | null;
  /** Size of parquet-wasm's linear memory (it grows and never shrinks). */
  parquetWasmBytes: number | null;
}
