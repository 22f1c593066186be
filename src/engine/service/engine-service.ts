// The engine as a service: an Engine, its Aggregator and the worker's geometry cache
// behind EngineApi. Queries go through one queue (queue.ts); loads go straight to the
// Engine, which runs them one at a time itself. The worker exposes this over Comlink
// (worker.ts, wire.ts); Node tests call it directly.
import { Engine, type EngineOptions } from '../engine';
import type { EnginePlatform } from '../platform';
import type {
  CallOptions,
  DatasetInfo,
  EngineApi,
  EngineInit,
  EngineRequest,
  LoadOptions,
  LoadProgress,
  QueryOptions,
  ResultOf,
} from '../protocol';
import { Aggregator } from '../aggregate/aggregator';
import { Analysis } from '../analysis';
import { createGeometryCache, type GeometryCache } from './geometry-cache';
import { createRequestQueue } from './queue';
import { dispatch } from './handlers';
import { ConsoleSession } from '../console/session';
import { EngineError } from '../engine-error';

/** A platform, or a function of the init options that makes one (the browser needs the base URL). */
export type PlatformSource = EnginePlatform | ((init: EngineInit) => EnginePlatform);

/** EngineApi plus what tests and the performance panel count. */
export interface EngineService extends EngineApi {
  readonly counters: {
    /** Queries run, and queued ones dropped unrun (cancelled). */
    queue: { run: number; dropped: number };
    /** Geometry built (polygon and H3 meshes) and served from the cache. */
    geometry: { built: number; hits: number };
  };
}

export function createEngineService(platform: PlatformSource, options: EngineOptions = {}): EngineService {
  let state: { engine: Engine; aggregator: Aggregator; analysis: Analysis; geometry: GeometryCache; sqlConsole: ConsoleSession } | null = null;
  let starting: Promise<Engine> | null = null;
  const geometry = createGeometryCache();
  const queue = createRequestQueue();

  const ready = () => {
    if (!state) throw new EngineError('engine-not-initialised');
    return state;
  };
  const loadOptions = (o: LoadOptions, call?: CallOptions<LoadProgress>): LoadOptions =>
    call?.id === undefined ? o : { ...o, loadId: call.id };
  // A load under an id that was removed before starts its geometry afresh; a point
  // dataset's positions are indexed before the load answers (Aggregator.prepare).
  const loaded = async (p: Promise<DatasetInfo>) => {
    const info = await p;
    geometry.reset(info.id);
    state?.aggregator.prepare(info);
    return info;
  };

  return {
    counters: { queue: queue.counters, geometry: geometry.counters },
    async init(init) {
      starting ??= Promise.resolve().then(() => new Engine(typeof platform === 'function' ? platform(init) : platform, options));
      const engine = await starting;
      const status = await engine.init();
      if (!state) {
        const aggregator = new Aggregator(engine);
        state = { engine, aggregator, analysis: new Analysis(aggregator, engine), geometry, sqlConsole: new ConsoleSession(engine) };
      }
      return status;
    },
    loadUrl: async (url, o, call) => loaded(ready().engine.loadUrl(url, loadOptions(o, call), call?.onProgress)),
    loadBytes: async (fileName, bytes, o, call) =>
      loaded(ready().engine.loadBytes(fileName, bytes, loadOptions(o, call), call?.onProgress)),
    // The read is handed over unfinished, so a cancel arriving meanwhile finds the load.
    loadFile: async (file, o, call) =>
      loaded(
        ready().engine.loadBytes(file.name, file.arrayBuffer().then((b) => new Uint8Array(b)), loadOptions(o, call), call?.onProgress),
      ),
    async query<R extends EngineRequest>(request: R, q: QueryOptions = {}) {
      const s = ready();
      // dispatch answers request R with Answer<R['type']>, which is ResultOf<R> for a single R.
      return queue.push<ResultOf<R>>({
        label: `${request.type} request`,
        id: q.id,
        onProgress: q.onProgress,
        run: (signal) => dispatch(request, { ...s, signal }) as Promise<ResultOf<R>>,
      });
    },
    async cancel(id) {
      // Ids name either a query or a load; whichever it is stops.
      if (!queue.cancel(id)) state?.engine.cancelLoad(id);
    },
  };
}
