// H3 cells with h3-js (DuckDB's h3 extension cannot be loaded offline). Positions are
// assigned once per distinct position; cells are numbered densely so SQL groups by a
// small integer and the H3 indexes stay in JS.
import { cellArea, cellToBoundary, cellToLatLng, h3IndexToSplitLong, latLngToCell, splitLongToH3Index } from 'h3-js';
import type { CellAssignment } from './assignment';

export function checkH3Resolution(res: number): void {
  if (!Number.isInteger(res) || res < 0 || res > 15) throw new Error(`H3 resolution must be an integer 0–15, got ${res}`);
}

export function assignH3(lons: Float64Array, lats: Float64Array, res: number): CellAssignment {
  checkH3Resolution(res);
  const n = lons.length;
  const cell = new Int32Array(n);
  const keys: string[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const h = latLngToCell(lats[i], lons[i], res);
    let k = seen.get(h);
    if (k === undefined) {
      k = keys.length;
      keys.push(h);
      seen.set(h, k);
    }
    cell[i] = k;
  }
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

export function h3Center(h: string): [number, number] {
  const [lat, lon] = cellToLatLng(h);
  return [lon, lat];
}

export function h3AreaKm2(h: string): number {
  return cellArea(h, 'km2');
}

/** Closed outline, lon/lat (GeoJSON order). */
export function h3CellRing(h: string): [number, number][] {
  return cellToBoundary(h, true) as [number, number][];
}
