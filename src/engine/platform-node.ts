// Node host for the engine: DuckDB-WASM's blocking Node build and parquet-wasm's Node build.
import { createRequire } from 'node:module';
import { readFile, stat } from 'node:fs/promises';
import type { EnginePlatform, Parquet } from './platform';
import { EngineError } from './engine-error';

const require = createRequire(import.meta.url);

export const nodePlatform: EnginePlatform = {
  async openDuckDB() {
    const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
    const file = (name: string) => require.resolve(`@duckdb/duckdb-wasm/dist/${name}`);
    const bundles = {
      mvp: { mainModule: file('duckdb-mvp.wasm'), mainWorker: file('duckdb-node-mvp.worker.cjs') },
      eh: { mainModule: file('duckdb-eh.wasm'), mainWorker: file('duckdb-node-eh.worker.cjs') },
    };
    const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
    await db.instantiate();
    return { db, bundle: 'node-blocking-eh' };
  },
  async loadParquet() {
    return (await import('parquet-wasm/node')) as unknown as Parquet;
  },
  async fetchBytes(url, onBytes, signal) {
    if (/^https?:/.test(url)) {
      const res = await fetch(url, { signal });
      if (!res.ok) throw new EngineError('fetch-http', { url, status: `${res.status} ${res.statusText}`.trim() });
      const bytes = new Uint8Array(await res.arrayBuffer());
      onBytes(bytes.byteLength, bytes.byteLength);
      return bytes;
    }
    const path = url.startsWith('file:') ? new URL(url).pathname : url;
    const size = (await stat(path)).size;
    const buf = await readFile(path, { signal });
    onBytes(size, size);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  },
};
