// The main thread's handle on the engine worker: the typed EngineApi over Comlink.
import * as Comlink from 'comlink';
import type { EngineApi, LoadProgress } from '../engine/protocol';

export type EngineClient = Comlink.Remote<EngineApi>;

export function startEngine(): EngineClient {
  const worker = new Worker(new URL('../engine/worker.ts', import.meta.url), { type: 'module', name: 'citylens-engine' });
  return Comlink.wrap<EngineApi>(worker);
}

/** Wrap a progress callback so the worker can call it across the boundary. */
export function progressCallback(fn: (p: LoadProgress) => void) {
  return Comlink.proxy(fn);
}
