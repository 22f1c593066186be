// The engine worker's entry: one Engine on the browser host, exposed through Comlink
// as EngineApi. Typed arrays in results are transferred, not copied.
import * as Comlink from 'comlink';
import { Engine } from './engine';
import { browserPlatform } from './platform-browser';
import type { EngineApi, EngineMemory } from './protocol';
import { Aggregator } from './aggregate/aggregator';
import { transferablesOf, withArrayCopies } from './aggregate/transfer';
import { wasmMemory as parquetWasmMemory } from 'parquet-wasm/esm';
import { h3Shapes, polygonMesh } from './mesh';
import { columnValues, featureNames } from './features';

let engine: Engine | null = null;
let aggregator: Aggregator | null = null;

function ready(): Engine {
  if (!engine) throw new Error('the engine is not initialised');
  return engine;
}

const api: EngineApi = {
  async init({ baseUrl }) {
    engine ??= new Engine(browserPlatform(baseUrl));
    return engine.init();
  },
  loadUrl: (url, options, onProgress) => ready().loadUrl(url, options, onProgress),
  loadBytes: (fileName, bytes, options) => ready().loadBytes(fileName, bytes, options),
  // The read is handed over unfinished, so a cancel arriving meanwhile finds the load.
  loadFile: async (file, options, onProgress) =>
    ready().loadBytes(file.name, file.arrayBuffer().then((b) => new Uint8Array(b)), options, onProgress),
  cancelLoad: async (loadId) => ready().cancelLoad(loadId),
  listDatasets: async () => ready().listDatasets(),
  renameDataset: async (id, name) => ready().renameDataset(id, name),
  removeDataset: async (id) => {
    aggregator?.forget(id);
    ready().removeDataset(id);
  },
  async pointMarks(request) {
    const marks = ready().pointMarks(request);
    return Comlink.transfer(marks, transferablesOf(marks));
  },
  // Copies, so the engine keeps its own shapes for later calls; the copies are transferred.
  async polygons(id) {
    const shapes = ready().polygons(id);
    return shapes && transferCopy(shapes);
  },
  async lines(id) {
    const shapes = ready().lines(id);
    return shapes && transferCopy(shapes);
  },
  async polygonMesh(id) {
    const shapes = ready().polygons(id);
    if (!shapes) throw new Error(`${ready().dataset(id).name} has no polygons`);
    // The mesh shares the engine's coordinates: send a copy, keep the original.
    const mesh = polygonMesh({ ...shapes, coords: shapes.coords.slice(), ringOffsets: shapes.ringOffsets.slice() });
    return Comlink.transfer(mesh, transferablesOf(mesh));
  },
  async h3Mesh(cells) {
    const mesh = polygonMesh(h3Shapes(cells));
    return Comlink.transfer(mesh, transferablesOf(mesh));
  },
  async columnValues(id, column) {
    const e = ready();
    const values = columnValues(e.connection, e.dataset(id), column);
    return Comlink.transfer(values, [values.buffer]);
  },
  featureNames: async (id) => featureNames(ready().connection, ready().dataset(id)),
  async aggregate(request) {
    aggregator ??= new Aggregator(ready());
    const result = await aggregator.aggregate(request);
    return Comlink.transfer(result, transferablesOf(result));
  },
  async timeBins(request) {
    aggregator ??= new Aggregator(ready());
    const result = aggregator.timeBins(request);
    return Comlink.transfer(result, transferablesOf(result));
  },
  capabilities: async () => Object.keys(api),
  memory: async () => engineMemory(),
};

function transferCopy<T extends object>(o: T): T {
  const copy = withArrayCopies(o);
  return Comlink.transfer(copy, transferablesOf(copy));
}

/** DuckDB's own accounting plus parquet-wasm's heap: what the JS heap APIs cannot see. */
function engineMemory(): EngineMemory {
  const conn = ready().connection;
  const duckdbByTag: Record<string, number> = {};
  let duckdbBytes = 0;
  for (const row of conn.query('SELECT tag, memory_usage_bytes::DOUBLE AS b FROM duckdb_memory()').toArray()) {
    const { tag, b } = row.toJSON() as { tag: string; b: number };
    duckdbBytes += b;
    if (b > 0) duckdbByTag[tag] = b;
  }
  let databaseSize: EngineMemory['databaseSize'] = null;
  const size = conn.query('PRAGMA database_size').toArray()[0]?.toJSON() as
    | { memory_usage?: string; memory_limit?: string }
    | undefined;
  if (size) databaseSize = { memoryUsage: String(size.memory_usage), memoryLimit: String(size.memory_limit) };
  let parquetWasmBytes: number | null = null;
  try {
    parquetWasmBytes = parquetWasmMemory().buffer.byteLength;
  } catch {
    // parquet-wasm not initialised yet
  }
  return { duckdbBytes, duckdbByTag, databaseSize, parquetWasmBytes };
}

Comlink.expose(api);
