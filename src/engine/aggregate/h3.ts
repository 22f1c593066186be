// H3 cells with h3-js (DuckDB's h3 extension cannot be loaded offline), once per
// distinct position; cells are numbered densely so reductions index a small integer
// and the H3 indexes stay in JS.
import { cellArea, cellToBoundary, cellToLatLng, h3IndexToSplitLong, latLngToCell, splitLongToH3Index } from 'h3-js';

/** Refuse resolutions other than the integers 0–15. */
export function checkH3Resolution(res: number): void {
  if (!Number.isInteger(res) || res < 0 || res > 15) throw new Error(`H3 resolution must be an integer 0–15, got ${res}`);
}

/**
 * H3 cell of each position, numbered densely in index order (H3 indexes of one
 * resolution have one length, so text order is numeric order). Pure.
 */
export function assignH3(lons: Float64Array, lats: Float64Array, res: number): { cell: Int32Array; keys: string[] } {
  checkH3Resolution(res);
  const n = lons.length;
  const cell = new Int32Array(n);
  const firstSeen: string[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const h = latLngToCell(lats[i], lons[i], res);
    let k = seen.get(h);
    if (k === undefined) {
      k = firstSeen.length;
      firstSeen.push(h);
      seen.set(h, k);
    }
    cell[i] = k;
  }
  const keys = [...firstSeen].sort();
  const renumber = new Int32Array(keys.length);
  keys.forEach((h, j) => (renumber[seen.get(h)!] = j));
  for (let i = 0; i < n; i++) cell[i] = renumber[cell[i]];
  return { cell, keys };
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

/** Area of an H3 cell in km² (h3-js cellArea). */
export function h3AreaKm2(h: string): number {
  return cellArea(h, 'km2');
}

/** Closed outline, lon/lat (GeoJSON order). */
export function h3CellRing(h: string): [number, number][] {
  return cellToBoundary(h, true) as [number, number][];
}
