// A cache that holds nothing: every request goes to the engine (for the benchmark, tests).
import type { Cache } from './cache';

export function createNoCache<V>(): Cache<V> {
  return {
    get: () => undefined,
    set: () => {},
    delete: () => {},
    clear: () => {},
    keys: () => [],
  };
}
