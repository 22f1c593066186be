// Geometry that does not change with the statistic, kept in the worker so a new
// statistic, filter or time window costs no triangulation: a polygon dataset's mesh
// (once per loaded dataset) and the mesh of an H3 cell set (a few, least recently used
// dropped first). Keys name the geometry exactly, so the caller can cache it by key too.

/** The worker's geometry: get-or-build by key, forgotten per dataset on load and remove. */
export interface GeometryCache {
  /** The key of a dataset's geometry of one kind; it changes when the dataset is loaded again. */
  datasetKey(kind: 'mesh' | 'lines', dataset: string): string;
  /** The value under `key`, built (and kept) on a miss. `dataset` ties it to a dataset's lifetime. */
  get<G>(key: string, build: () => G, dataset?: string): G;
  /** The dataset was loaded or removed: drop its geometry; its keys change. */
  reset(dataset: string): void;
  /** Builds done (misses), for tests and the performance panel. */
  readonly counters: { built: number; hits: number };
}

/** At most this many geometries not tied to a dataset (H3 cell sets) are kept. */
const MAX_LOOSE = 8;

export function createGeometryCache(maxLoose = MAX_LOOSE): GeometryCache {
  const generation = new Map<string, number>();
  let nextGeneration = 0;
  const owned = new Map<string, { dataset: string; value: unknown }>();
  const loose = new Map<string, unknown>();
  const counters = { built: 0, hits: 0 };
  return {
    counters,
    datasetKey(kind, dataset) {
      return `${kind}:${dataset}:${generation.get(dataset) ?? 0}`;
    },
    get<G>(key: string, build: () => G, dataset?: string): G {
      const hit = dataset === undefined ? loose.get(key) : owned.get(key)?.value;
      if (hit !== undefined) {
        counters.hits++;
        if (dataset === undefined) {
          loose.delete(key);
          loose.set(key, hit); // most recently used last
        }
        return hit as G;
      }
      const value = build();
      counters.built++;
      if (dataset !== undefined) owned.set(key, { dataset, value });
      else {
        loose.set(key, value);
        while (loose.size > maxLoose) loose.delete(loose.keys().next().value!);
      }
      return value;
    },
    reset(dataset) {
      generation.set(dataset, ++nextGeneration);
      for (const [key, e] of owned) if (e.dataset === dataset) owned.delete(key);
    },
  };
}

/**
 * The key of the mesh of an ordered H3 cell set ([low, high] pairs): the cell count
 * and two independent 32-bit hashes (FNV-1a and a multiplicative one) of the
 * 32-bit words, so two different sets practically never share a key.
 */
export function h3CellSetKey(cells: Uint32Array): string {
  let fnv = 0x811c9dc5;
  let mul = 0x9e3779b9;
  for (let i = 0; i < cells.length; i++) {
    const w = cells[i];
    fnv = Math.imul(fnv ^ w, 0x01000193) >>> 0;
    mul = (Math.imul(mul, 31) + w + (mul >>> 15)) >>> 0;
  }
  return `h3:${cells.length / 2}:${fnv.toString(16)}${mul.toString(16).padStart(8, '0')}`;
}
