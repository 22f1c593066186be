// Neighbour lists cached per cell scheme and observation set, as the point → cell
// assignment is: a new statistic or a second hotspot layer over the same cells reuses
// the list; a filter that changes which cells hold rows makes a new one.
import type { AggregateResult, NeighbourRule } from '../protocol';
import type { NeighbourList } from '../aggregate/neighbours';

const MAX_LISTS = 8;

/** FNV-1a over 32-bit words, for a cheap identity of a set of cell ids. */
function hashWords(h: number, words: Int32Array | Uint32Array): number {
  for (let i = 0; i < words.length; i++) {
    h ^= words[i];
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/** The identity of a result's cells: scheme, projection, and every id. */
export function cellsKey(r: AggregateResult, rule: NeighbourRule, among?: Uint8Array): string {
  let h = hashWords(2166136261, r.ids);
  if (r.h3) h = hashWords(h, r.h3);
  if (among) h = hashWords(h, Int32Array.from(among));
  return JSON.stringify([r.dataset, r.by, r.projection, r.length, h, rule]);
}

/** A small LRU of neighbour lists. */
export class NeighbourCache {
  private readonly lists = new Map<string, NeighbourList>();
  /** Lists built and reused, for tests and the method text. */
  readonly counters = { built: 0, reused: 0 };

  /** The list for these cells and rule (among the observations flagged in `among`, if given), built by `make` on a miss. */
  get(r: AggregateResult, rule: NeighbourRule, make: () => NeighbourList, among?: Uint8Array): NeighbourList {
    const key = cellsKey(r, rule, among);
    const hit = this.lists.get(key);
    if (hit) {
      this.counters.reused++;
      this.lists.delete(key);
      this.lists.set(key, hit);
      return hit;
    }
    const list = make();
    this.counters.built++;
    this.lists.set(key, list);
    while (this.lists.size > MAX_LISTS) this.lists.delete(this.lists.keys().next().value!);
    return list;
  }

  /** Forget every list of a dataset (points or polygons). */
  forget(datasetId: string): void {
    for (const key of [...this.lists.keys()]) {
      const [dataset, by] = JSON.parse(key) as [string, { polygons?: string }];
      if (dataset === datasetId || by.polygons === datasetId) this.lists.delete(key);
    }
  }
}
