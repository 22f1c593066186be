// DuckDB-WASM's synchronous bindings types (the blocking builds the engine runs on);
// the package's main entry only exports the async worker API types.
export type { DuckDBBindings, DuckDBConnection } from 'duckdb-browser-blocking';
