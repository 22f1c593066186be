// What the engine needs from its host, passed in so the same engine runs in the
// browser worker (platform-browser.ts) and in Node for tests and the CLI (platform-node.ts).
import type { DuckDBBindings } from './duckdb-types';
import type * as ParquetWasm from 'parquet-wasm/esm';

export type Parquet = Pick<
  typeof ParquetWasm,
  'readParquet' | 'readSchema' | 'ParquetFile' | 'wasmMemory' | 'writeParquet' | 'Table' | 'WriterPropertiesBuilder' | 'Compression'
>;

export interface EnginePlatform {
  openDuckDB(): Promise<{ db: DuckDBBindings; bundle: string }>;
  loadParquet(): Promise<Parquet>;
  /** Fetch a URL (or, in Node, a path) whole, reporting bytes as they arrive. */
  fetchBytes(
    url: string,
    onBytes: (loaded: number, total: number | null) => void,
    signal?: AbortSignal,
  ): Promise<Uint8Array>;
}
