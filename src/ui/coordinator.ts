// The main thread's one way to the engine (Mosaic's Coordinator): every request gets a
// stable key; answers are cached behind one Cache interface; identical requests in
// flight are joined; a newer request for the same slot (a layer id) cancels the older
// one; and layer geometry is kept by its key, so the engine sends a mesh only once.
// Components and hooks talk to this, never to the worker.
import type {
  DatasetInfo,
  EngineAnswer,
  EngineInit,
  EngineRequest,
  EngineStatus,
  LayerResult,
  LineShapes,
  LoadOptions,
  LoadProgress,
  PolygonMesh,
  RequestType,
  ResultOf,
} from '../engine/protocol';
import { cancelledRequest } from '../engine/abort';
import type { Cache } from './cache';
import { createLruCache } from './cache-lru';
import type { Connector, SignalOptions } from './connector';
import { requestKey } from './request-key';

/** Requests whose answer depends only on the request and the loaded data: cached and joined. */
const CACHEABLE: ReadonlySet<RequestType> = new Set<RequestType>(['aggregate', 'time-bins', 'point-marks', 'polygons', 'lines', 'layer']);

type Geometry = PolygonMesh | LineShapes;

export interface CoordinatorOptions {
  connector: Connector;
  /** Answers by request key. Default: the 64 most recently used. */
  cache?: Cache<EngineAnswer>;
  /** Layer geometry (meshes, lines) by geometry key. Default: the 32 most recently used. */
  geometry?: Cache<Geometry>;
}

export interface QueryCall {
  signal?: AbortSignal;
  /** Whose request this is (a layer id): remote calls are counted per slot. */
  slot?: string;
}

export interface Coordinator {
  init(options: EngineInit): Promise<EngineStatus>;
  loadUrl(url: string, options: LoadOptions, call?: SignalOptions<LoadProgress>): Promise<DatasetInfo>;
  loadFile(file: File, options: LoadOptions, call?: SignalOptions<LoadProgress>): Promise<DatasetInfo>;
  /** Answer a request: from the cache, by joining the same request in flight, or from the engine. */
  query<R extends EngineRequest>(request: R, call?: QueryCall): Promise<ResultOf<R>>;
  /** query() for `slot`; a different request still pending for the slot is cancelled (AbortError). */
  supersede<R extends EngineRequest>(slot: string, request: R): Promise<ResultOf<R>>;
  /** Cancel what is pending for `slot` and forget the slot (its layer is gone). */
  release(slot: string): void;
  /** Forget every cached answer and all geometry. */
  clear(): void;
  /** Requests sent to the engine for `slot`, or in all when no slot is given. */
  remoteCalls(slot?: string): number;
}

interface Flight {
  promise: Promise<EngineAnswer>;
  controller: AbortController;
  /** Callers waiting with a signal; when the last of them aborts, the flight is cancelled. */
  waiters: number;
}

export function createCoordinator({
  connector,
  cache = createLruCache<EngineAnswer>(64),
  geometry = createLruCache<Geometry>(32),
}: CoordinatorOptions): Coordinator {
  const inflight = new Map<string, Flight>();
  const slots = new Map<string, { key: string; controller: AbortController; promise: Promise<EngineAnswer> }>();
  const calls = new Map<string, number>();
  let total = 0;
  // Bumped by clear(): answers to requests sent before it are not cached.
  let epoch = 0;

  // `have` says what the coordinator holds, not what is asked: it is not part of the key.
  const keyOf = (r: EngineRequest) => requestKey(r.type === 'layer' ? { ...r, have: undefined } : r);

  const count = (slot: string | undefined) => {
    total++;
    if (slot !== undefined) calls.set(slot, (calls.get(slot) ?? 0) + 1);
  };

  /** Put geometry in from the geometry cache (or keep what came); null when a held key was lost. */
  function withGeometry(value: LayerResult): LayerResult | null {
    if (value.kind === 'lines') {
      const data = value.lines.data ?? (geometry.get(value.lines.key) as LineShapes | undefined);
      if (!data) return null;
      geometry.set(value.lines.key, data);
      return { ...value, lines: { key: value.lines.key, data } };
    }
    if (value.kind === 'areas') {
      const data = value.mesh.data ?? (geometry.get(value.mesh.key) as PolygonMesh | undefined);
      if (!data) return null;
      geometry.set(value.mesh.key, data);
      return { ...value, mesh: { key: value.mesh.key, data } };
    }
    return value;
  }

  async function remote(request: EngineRequest, signal: AbortSignal, slot: string | undefined): Promise<EngineAnswer> {
    count(slot);
    if (request.type !== 'layer') return connector.query(request, { signal });
    const answer = await connector.query({ ...request, have: geometry.keys() }, { signal });
    const value = withGeometry(answer.value);
    if (value) return { ...answer, value };
    // Geometry said to be held was evicted while the request ran: ask again, holding none.
    count(slot);
    const again = await connector.query({ ...request, have: [] }, { signal });
    return { ...again, value: withGeometry(again.value)! };
  }

  function start(request: EngineRequest, key: string, cacheable: boolean, slot: string | undefined): Flight {
    const controller = new AbortController();
    const started = epoch;
    const promise = remote(request, controller.signal, slot).then((answer) => {
      if (cacheable && started === epoch) cache.set(key, answer);
      return answer;
    });
    const flight: Flight = { promise, controller, waiters: 0 };
    const done = () => {
      if (inflight.get(key) === flight) inflight.delete(key);
    };
    promise.then(done, done);
    if (cacheable) inflight.set(key, flight);
    return flight;
  }

  /** Wait for a flight; aborting `signal` rejects this wait, and cancels the flight once nobody waits. */
  function wait(flight: Flight, key: string, request: EngineRequest, signal: AbortSignal | undefined): Promise<EngineAnswer> {
    if (!signal) {
      // Someone waits without a way to stop: the flight must run to its end.
      flight.waiters = Infinity;
      return flight.promise;
    }
    flight.waiters++;
    return new Promise<EngineAnswer>((resolve, reject) => {
      const onAbort = () => {
        if (--flight.waiters === 0) {
          flight.controller.abort();
          if (inflight.get(key) === flight) inflight.delete(key);
        }
        reject(cancelledRequest(request.type));
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      flight.promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  function query(request: EngineRequest, call: QueryCall = {}): Promise<EngineAnswer> {
    const cacheable = CACHEABLE.has(request.type);
    const key = keyOf(request);
    if (cacheable) {
      const hit = cache.get(key);
      if (hit) return Promise.resolve(hit);
    }
    const flight = (cacheable && inflight.get(key)) || start(request, key, cacheable, call.slot);
    const answer = wait(flight, key, request, call.signal);
    if (request.type === 'remove') answer.then(() => coordinator.clear(), () => {});
    return answer;
  }

  const coordinator: Coordinator = {
    init: (options) => connector.init(options),
    loadUrl: (url, options, call) => connector.loadUrl(url, options, call),
    loadFile: (file, options, call) => connector.loadFile(file, options, call),
    // The one place the type parameter is put back: query() answers request R with ResultOf<R>.
    query: <R extends EngineRequest>(request: R, call?: QueryCall) => query(request, call) as Promise<ResultOf<R>>,
    supersede<R extends EngineRequest>(slot: string, request: R): Promise<ResultOf<R>> {
      const key = keyOf(request);
      const prev = slots.get(slot);
      if (prev?.key === key) return prev.promise as Promise<ResultOf<R>>;
      prev?.controller.abort();
      const controller = new AbortController();
      const promise = query(request, { signal: controller.signal, slot });
      const entry = { key, controller, promise };
      slots.set(slot, entry);
      const done = () => {
        if (slots.get(slot) === entry) slots.delete(slot);
      };
      promise.then(done, done);
      return promise as Promise<ResultOf<R>>;
    },
    release(slot) {
      slots.get(slot)?.controller.abort();
      slots.delete(slot);
      calls.delete(slot);
    },
    clear() {
      epoch++;
      cache.clear();
      geometry.clear();
    },
    remoteCalls: (slot) => (slot === undefined ? total : (calls.get(slot) ?? 0)),
  };
  return coordinator;
}
