// H3 cells with h3-js (DuckDB's h3 extension cannot be loaded offline), once per
// distinct position; cells are numbered densely so reductions index a small integer
// and the H3 indexes stay in JS, as 32-bit word pairs (strings only where a cell is named).
import { cellToBoundary, cellToLatLng, h3IndexToSplitLong, splitLongToH3Index } from 'h3-js';
import { latLngToCells } from './h3-core';
import { EngineError } from '../engine-error';

/** Refuse resolutions other than the integers 0–15. */
export function checkH3Resolution(res: number): void {
  if (!Number.isInteger(res) || res < 0 || res > 15) throw new EngineError('h3-resolution-invalid', { value: String(res) });
}

/** Positions go through the compiled core this many at a time, into two reused word arrays. */
const CHUNK = 1 << 16;

/**
 * H3 cell of each position, numbered densely in index order, and the cells' indexes as
 * [lower, upper] 32-bit words (2C): exactly h3-js latLngToCell per position, without a
 * string per position. Index order is (upper, lower) unsigned, which is the order of the
 * hex strings of one resolution: they all have one length. Pure.
 */
export function assignH3(lons: Float64Array, lats: Float64Array, res: number): { cell: Int32Array; cells: Uint32Array } {
  checkH3Resolution(res);
  const n = lons.length;
  const cell = new Int32Array(n);
  const ids = new WordPairIds();
  const lower = new Uint32Array(Math.min(CHUNK, n));
  const upper = new Uint32Array(lower.length);
  for (let start = 0; start < n; start += CHUNK) {
    const count = latLngToCells(lats, lons, res, start, lower, upper);
    for (let k = 0; k < count; k++) cell[start + k] = ids.id(lower[k], upper[k]);
  }
  const order = ids.sorted();
  const rank = new Int32Array(order.length);
  const cells = new Uint32Array(2 * order.length);
  for (let j = 0; j < order.length; j++) {
    rank[order[j]] = j;
    cells[2 * j] = ids.lower[order[j]];
    cells[2 * j + 1] = ids.upper[order[j]];
  }
  for (let i = 0; i < n; i++) cell[i] = rank[cell[i]];
  return { cell, cells };
}

/** Odd 32-bit constants of the murmur3 finaliser, to spread the words' bits over the slots. */
const M1 = 0x85ebca6b;
const M2 = 0xc2b2ae35;

/**
 * Distinct (lower, upper) word pairs → dense ids in order of first appearance: a hash
 * table with open addressing (linear probing), kept at most half full.
 */
class WordPairIds {
  /** Words of id i at lower[i], upper[i] (the arrays are longer than `size`). */
  lower: Uint32Array = new Uint32Array(1024);
  upper: Uint32Array = new Uint32Array(1024);
  size = 0;
  /** id + 1 per slot; 0 is empty. */
  private slots = new Int32Array(2048);

  /** The id of (lo, hi), a new one if unseen. */
  id(lo: number, hi: number): number {
    const mask = this.slots.length - 1;
    for (let s = slotHash(lo, hi) & mask; ; s = (s + 1) & mask) {
      const v = this.slots[s];
      if (v === 0) return this.add(s, lo, hi);
      if (this.lower[v - 1] === lo && this.upper[v - 1] === hi) return v - 1;
    }
  }

  /** Ids ordered by (upper, lower), unsigned. */
  sorted(): Int32Array {
    const { lower, upper } = this;
    const order = new Int32Array(this.size);
    for (let i = 0; i < order.length; i++) order[i] = i;
    return order.sort((a, b) => upper[a] - upper[b] || lower[a] - lower[b]);
  }

  private add(slot: number, lo: number, hi: number): number {
    const id = this.size++;
    if (id === this.lower.length) {
      this.lower = grown(this.lower);
      this.upper = grown(this.upper);
    }
    this.lower[id] = lo;
    this.upper[id] = hi;
    this.slots[slot] = id + 1;
    if (2 * this.size > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    this.slots = new Int32Array(2 * this.slots.length);
    const mask = this.slots.length - 1;
    for (let id = 0; id < this.size; id++) {
      let s = slotHash(this.lower[id], this.upper[id]) & mask;
      while (this.slots[s] !== 0) s = (s + 1) & mask;
      this.slots[s] = id + 1;
    }
  }
}

/** A well-mixed 32-bit hash of two words (H3 indexes of one resolution share their low bits). */
function slotHash(lo: number, hi: number): number {
  let h = Math.imul(lo ^ Math.imul(hi, M2), M1);
  h ^= h >>> 16;
  h = Math.imul(h, M2);
  return h ^ (h >>> 13);
}

/** A copy of `a` twice as long. */
function grown(a: Uint32Array): Uint32Array {
  const b = new Uint32Array(2 * a.length);
  b.set(a);
  return b;
}

/** H3 indexes as [lower, upper] 32-bit halves, the form typed arrays can carry. */
export function h3SplitLongs(indexes: readonly string[]): Uint32Array {
  const out = new Uint32Array(indexes.length * 2);
  indexes.forEach((h, i) => {
    const [lo, hi] = h3IndexToSplitLong(h);
    out[2 * i] = lo;
    out[2 * i + 1] = hi;
  });
  return out;
}

/** The H3 index (hex string) of cell i of an AggregateResult's `h3` array. */
export function h3At(split: Uint32Array, i: number): string {
  return splitLongToH3Index(split[2 * i], split[2 * i + 1]);
}

/** Centre of an H3 cell, lon/lat. */
export function h3Center(h: string): [number, number] {
  const [lat, lon] = cellToLatLng(h);
  return [lon, lat];
}

/** Closed outline, lon/lat (GeoJSON order). */
export function h3CellRing(h: string): [number, number][] {
  return cellToBoundary(h, true) as [number, number][];
}
