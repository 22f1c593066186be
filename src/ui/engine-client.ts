// The main thread's handle on the engine worker: EngineWire over Comlink as a Connector.
// An aborted signal rejects the call at once and becomes cancel(id) in the worker;
// progress callbacks are proxied; byte buffers handed to a load are transferred.
import * as Comlink from 'comlink';
import type { EngineRequest, EngineWire, QueryProgress, ResultOf } from '../engine/protocol';
import { fileNameOf } from '../engine/file-name';
import { cancelledLoad, cancelledRequest } from '../engine/abort';
import type { Connector, SignalOptions } from './connector';
import { engineFailure } from '../engine/engine-error';
import { failureText } from '../i18n';

/** An engine failure from the worker (its code and parameters), worded in the reader's language; anything else as it came. */
export function worded(err: unknown): unknown {
  const failure = engineFailure(err);
  if (!failure) return err;
  const out = new Error(failureText(failure), { cause: err });
  out.name = 'EngineError';
  return Object.assign(out, { code: failure.code, params: failure.params, subject: failure.subject });
}

/** Start the app's engine worker and connect to it. */
export function startEngine(): Connector {
  return connectWorker(new Worker(new URL('../engine/worker.ts', import.meta.url), { type: 'module', name: 'citylens-engine' }));
}

/** A Connector over a worker that exposes EngineWire (src/engine/worker.ts). */
export function connectWorker(worker: Worker): Connector {
  const remote = Comlink.wrap<EngineWire>(worker);
  let seq = 0;

  /** Run `start` under a fresh id; an abort of `signal` rejects with `cancelled` and cancels the id. */
  function cancellable<T>(signal: AbortSignal | undefined, cancelled: () => Error, start: (id: string) => Promise<T>): Promise<T> {
    if (signal?.aborted) return Promise.reject(cancelled());
    const id = `main-${++seq}`;
    const running = start(id).catch((err: unknown) => Promise.reject(worded(err)));
    if (!signal) return running;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        void remote.cancel(id);
        reject(cancelled());
      };
      signal.addEventListener('abort', onAbort, { once: true });
      running.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }
  const proxied = <P>(fn: ((p: P) => void) | undefined) => (fn ? Comlink.proxy(fn) : undefined);

  return {
    init: (options) => remote.init(options).catch((err: unknown) => Promise.reject(worded(err))),
    loadUrl: (url, options, call) =>
      cancellable(call?.signal, () => cancelledLoad(fileNameOf(url)), (id) => remote.loadUrl(url, options, { id }, proxied(call?.onProgress))),
    loadBytes: (fileName, bytes, options, call) =>
      cancellable(call?.signal, () => cancelledLoad(fileName), (id) =>
        remote.loadBytes(fileName, Comlink.transfer(bytes, [bytes.buffer as ArrayBuffer]), options, { id }, proxied(call?.onProgress)),
      ),
    loadFile: (file, options, call) =>
      cancellable(call?.signal, () => cancelledLoad(file.name), (id) => remote.loadFile(file, options, { id }, proxied(call?.onProgress))),
    query<R extends EngineRequest>(request: R, call?: SignalOptions<QueryProgress>): Promise<ResultOf<R>> {
      // Comlink drops query's type parameter (EngineWire); the worker answers R with ResultOf<R>.
      return cancellable(call?.signal, () => cancelledRequest(request.type), (id) =>
        remote.query(request, { id }, proxied(call?.onProgress)) as Promise<ResultOf<R>>,
      );
    },
  };
}
