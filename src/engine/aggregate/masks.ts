// Row filters as typed-array predicates, with DuckDB's comparison semantics: NULL fails
// every comparison, NaN is above every number (so NaN ≥ 5 holds and NaN ≤ 5 does not).
// Each narrows a row mask in place (1 = kept), so filters compose by calling in turn.
import type { BBox } from '../protocol';

/** A numeric range, inclusive unless said otherwise; either bound may be absent. */
export interface Range {
  min?: number;
  max?: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
}

/** mask[i] = 0 where values[i] is NULL (valid[i] = 0) or outside the range. Pure over its inputs. */
export function maskRange(values: Float64Array, valid: Uint8Array | null, range: Range, mask: Uint8Array): void {
  const lo = range.min ?? -Infinity;
  const hi = range.max ?? Infinity;
  const loOpen = range.min !== undefined && range.minExclusive === true;
  const hiOpen = range.max !== undefined && range.maxExclusive === true;
  // NaN passes any lower bound and fails any upper one.
  const nanPasses = range.max === undefined;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const inside = (loOpen ? v > lo : v >= lo) && (hiOpen ? v < hi : v <= hi);
    if (!inside && !(nanPasses && v !== v)) mask[i] = 0;
  }
  if (valid !== null) for (let i = 0; i < valid.length; i++) if (!valid[i]) mask[i] = 0;
}

/** Per position: 1 where (lon, lat) lies in the bbox, edges included. */
export function positionsInBox(lon: Float64Array, lat: Float64Array, bbox: BBox): Uint8Array {
  const [x0, y0, x1, y1] = bbox;
  const out = new Uint8Array(lon.length);
  for (let i = 0; i < lon.length; i++) out[i] = lon[i] >= x0 && lon[i] <= x1 && lat[i] >= y0 && lat[i] <= y1 ? 1 : 0;
  return out;
}

/** mask[i] = 0 where row i's position fails `pass` (or the row has no position, -1). */
export function maskPositions(rowPosition: Int32Array, pass: Uint8Array, mask: Uint8Array): void {
  for (let i = 0; i < rowPosition.length; i++) {
    const p = rowPosition[i];
    if (p < 0 || !pass[p]) mask[i] = 0;
  }
}
