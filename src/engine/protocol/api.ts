// The engine's remote methods: `query` for every request, plus start-up, the loads and
// cancel. Part of the engine contract (protocol/index.ts). The worker implements it
// (src/engine/service/), the main thread calls it through src/ui/engine-client.ts.
import type { DatasetInfo, LoadOptions, LoadProgress } from './dataset';
import type { EngineInit, EngineStatus } from './engine';
import type { EngineAnswer, EngineRequest, ResultOf } from './requests';

/** Where a query is: waiting behind others, or running. */
export interface QueryProgress {
  phase: 'queued' | 'running';
}

/** Per-call options of a load or query. */
export interface CallOptions<P> {
  /** Caller-chosen id, unique among calls in flight: cancel(id) stops the call. */
  id?: string;
  /** Called as the work advances. */
  onProgress?: (progress: P) => void;
}

/** Options of a query. */
export type QueryOptions = CallOptions<QueryProgress>;

/**
 * The engine. Queries run one at a time in arrival order; a query cancelled while it is
 * queued rejects with an Error named AbortError and never runs, one cancelled while it
 * runs rejects the same way and its answer is not sent. A cancelled load rejects the
 * same way ("<file>: loading cancelled") and leaves no table behind.
 */
export interface EngineApi {
  init(options: EngineInit): Promise<EngineStatus>;
  /** Fetch and load a dataset from a URL (absolute, resolved by the caller). */
  loadUrl(url: string, options: LoadOptions, call?: CallOptions<LoadProgress>): Promise<DatasetInfo>;
  /** Load a dataset from bytes the caller holds. */
  loadBytes(fileName: string, bytes: Uint8Array, options: LoadOptions, call?: CallOptions<LoadProgress>): Promise<DatasetInfo>;
  /** Load a file the user picked or dropped; the worker reads it, not the main thread. */
  loadFile(file: File, options: LoadOptions, call?: CallOptions<LoadProgress>): Promise<DatasetInfo>;
  /** Answer one request (see EngineRequest). */
  query<R extends EngineRequest>(request: R, options?: QueryOptions): Promise<ResultOf<R>>;
  /** Stop the load or query with this id; unknown or finished ids are ignored. */
  cancel(id: string): Promise<void>;
}

/** The id part of the options, which crosses the worker boundary as data. */
export type WireOptions = Omit<QueryOptions, 'onProgress'>;

/**
 * EngineApi as it crosses the worker boundary (Comlink): a callback can only be proxied
 * as an argument of its own, so onProgress moves out of the options, and `query` loses
 * its type parameter (src/ui/engine-client.ts puts it back).
 */
export interface EngineWire {
  init(options: EngineInit): Promise<EngineStatus>;
  loadUrl(url: string, options: LoadOptions, call: WireOptions, onProgress?: (p: LoadProgress) => void): Promise<DatasetInfo>;
  loadBytes(fileName: string, bytes: Uint8Array, options: LoadOptions, call: WireOptions, onProgress?: (p: LoadProgress) => void): Promise<DatasetInfo>;
  loadFile(file: File, options: LoadOptions, call: WireOptions, onProgress?: (p: LoadProgress) => void): Promise<DatasetInfo>;
  query(request: EngineRequest, call: WireOptions, onProgress?: (p: QueryProgress) => void): Promise<EngineAnswer>;
  cancel(id: string): Promise<void>;
}
