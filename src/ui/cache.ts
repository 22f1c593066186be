// One interface for the coordinator's caches (as Mosaic's util/cache.ts): a no-op
// (cache-none.ts) and a least-recently-used one (cache-lru.ts) implement it.

/** Values by string key. */
export interface Cache<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  delete(key: string): void;
  clear(): void;
  /** The keys held now. */
  keys(): string[];
}
