// Browser host for the engine, used inside the engine worker. Everything is fetched
// from the app's own origin: DuckDB's synchronous browser build runs in this worker
// (no second worker hop), its .wasm comes gzipped from vendor/ (34 MB raw is over
// some hosts' per-file cap) and is inflated here with DecompressionStream.
import * as duckdb from 'duckdb-browser-blocking';
import type { DuckDBBindings } from './duckdb-types';
import initParquet, * as parquet from 'parquet-wasm/esm';
import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import type { EnginePlatform, Parquet } from './platform';
import { EngineError } from './engine-error';

const GZIP_MAGIC = [0x1f, 0x8b];

/** Read a response whole, reporting progress; inflate gzip unless the host already did. */
async function readAll(
  res: Response,
  onBytes: (loaded: number, total: number | null) => void,
): Promise<Uint8Array> {
  const total = Number(res.headers.get('content-length')) || null;
  const reader = res.body!.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    onBytes(loaded, total);
  }
  const out = new Uint8Array(loaded);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

async function gunzipIfNeeded(bytes: Uint8Array): Promise<Uint8Array> {
  if (bytes[0] !== GZIP_MAGIC[0] || bytes[1] !== GZIP_MAGIC[1]) return bytes;
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function fetchOk(url: string, signal?: AbortSignal): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, { signal, credentials: 'same-origin' });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new EngineError('fetch-unreachable', { url });
  }
  if (!res.ok) throw new EngineError('fetch-http', { url, status: `${res.status} ${res.statusText}`.trim() });
  return res;
}

export function browserPlatform(baseUrl: string): EnginePlatform {
  const vendor = (file: string) => new URL(`vendor/${file}`, baseUrl).href;
  return {
    async openDuckDB() {
      const res = await fetchOk(vendor('duckdb-eh.wasm.gz'));
      const wasm = await gunzipIfNeeded(await readAll(res, () => {}));
      const wasmUrl = URL.createObjectURL(new Blob([wasm as BlobPart], { type: 'application/wasm' }));
      const bundle = { mainModule: wasmUrl, mainWorker: '' };
      const db: DuckDBBindings = await duckdb.createDuckDB(
        { mvp: bundle, eh: bundle },
        new duckdb.VoidLogger(),
        duckdb.BROWSER_RUNTIME,
      );
      await db.instantiate(() => {});
      URL.revokeObjectURL(wasmUrl);
      return { db, bundle: 'browser-blocking-eh' };
    },
    async loadParquet() {
      await initParquet({ module_or_path: parquetWasmUrl });
      return parquet as unknown as Parquet;
    },
    async fetchBytes(url, onBytes, signal) {
      return readAll(await fetchOk(url, signal), onBytes);
    },
  };
}
