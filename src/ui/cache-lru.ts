// A cache of at most `capacity` entries: setting one more drops the least recently used
// (a get counts as a use). A Map iterates in insertion order, so re-inserting on use
// keeps the oldest first.
import type { Cache } from './cache';

export function createLruCache<V>(capacity: number): Cache<V> {
  if (!(capacity >= 1)) throw new Error(`an LRU cache needs a capacity of at least 1, got ${capacity}`);
  const map = new Map<string, V>();
  return {
    get(key) {
      if (!map.has(key)) return undefined;
      const v = map.get(key)!;
      map.delete(key);
      map.set(key, v);
      return v;
    },
    set(key, value) {
      map.delete(key);
      map.set(key, value);
      while (map.size > capacity) map.delete(map.keys().next().value!);
    },
    delete: (key) => void map.delete(key),
    clear: () => map.clear(),
    keys: () => [...map.keys()],
  };
}
