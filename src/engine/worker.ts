// The engine worker's entry: one Engine on the browser host, exposed through Comlink
// as EngineApi. Typed arrays in results are transferred, not copied.
import * as Comlink from 'comlink';
import { Engine } from './engine';
import { browserPlatform } from './platform-browser';
import type { EngineApi } from './protocol';

let engine: Engine | null = null;

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
  loadFile: async (file, options) =>
    ready().loadBytes(file.name, new Uint8Array(await file.arrayBuffer()), options),
  listDatasets: async () => ready().listDatasets(),
  removeDataset: async (id) => ready().removeDataset(id),
  async pointPositions(id) {
    const result = ready().pointPositions(id);
    return Comlink.transfer(result, [result.offsets.buffer]);
  },
};

Comlink.expose(api);
