// What the coordinator needs from an engine (Mosaic's Connector): start-up, the loads
// and one `query` entry point, each call cancellable by an AbortSignal. The worker's
// connector is src/ui/engine-client.ts; tests pass fakes.
import type {
  DatasetInfo,
  EngineInit,
  EngineRequest,
  EngineStatus,
  LoadOptions,
  LoadProgress,
  QueryProgress,
  ResultOf,
} from '../engine/protocol';

/** Per-call options on the main thread: an abort signal instead of an id. */
export interface SignalOptions<P> {
  /** Aborting rejects the call at once with an AbortError and cancels it in the engine. */
  signal?: AbortSignal;
  onProgress?: (progress: P) => void;
}

export interface Connector {
  init(options: EngineInit): Promise<EngineStatus>;
  loadUrl(url: string, options: LoadOptions, call?: SignalOptions<LoadProgress>): Promise<DatasetInfo>;
  loadBytes(fileName: string, bytes: Uint8Array, options: LoadOptions, call?: SignalOptions<LoadProgress>): Promise<DatasetInfo>;
  loadFile(file: File, options: LoadOptions, call?: SignalOptions<LoadProgress>): Promise<DatasetInfo>;
  query<R extends EngineRequest>(request: R, call?: SignalOptions<QueryProgress>): Promise<ResultOf<R>>;
}
