// EngineApi → EngineWire, the shape that crosses the worker boundary through Comlink:
// progress callbacks arrive as arguments of their own (Comlink proxies them), and every
// answer's typed arrays are transferred. What the engine keeps was copied by the handlers.
import * as Comlink from 'comlink';
import type { EngineApi, EngineWire } from '../protocol';
import { transferList } from './transfer';

const transferred = <T>(value: T): T => Comlink.transfer(value, transferList(value));

export function wireOf(api: EngineApi): EngineWire {
  return {
    init: (options) => api.init(options),
    loadUrl: (url, options, call, onProgress) => api.loadUrl(url, options, { ...call, onProgress }),
    loadBytes: (fileName, bytes, options, call, onProgress) => api.loadBytes(fileName, bytes, options, { ...call, onProgress }),
    loadFile: (file, options, call, onProgress) => api.loadFile(file, options, { ...call, onProgress }),
    query: async (request, call, onProgress) => transferred(await api.query(request, { ...call, onProgress })),
    cancel: (id) => api.cancel(id),
  };
}
