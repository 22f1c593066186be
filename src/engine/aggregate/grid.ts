// Square grid cells in the local projection: column = floor(x / size), row = floor(y / size).
import type { LocalProjection } from './projection';
import { unproject } from './projection';

/**
 * Grid column and row of each position (lon[i], lat[i]), written into `cols` and `rows`
 * (same length as the positions). Pure; the projection is x = (lon − lon0)·kx, y = (lat − lat0)·ky.
 */
export function gridCells(
  p: LocalProjection,
  sizeM: number,
  lon: Float64Array,
  lat: Float64Array,
  cols: Int32Array,
  rows: Int32Array,
): void {
  for (let i = 0; i < lon.length; i++) {
    cols[i] = Math.floor(((lon[i] - p.lon0) * p.kx) / sizeM);
    rows[i] = Math.floor(((lat[i] - p.lat0) * p.ky) / sizeM);
  }
}

/** Centre of grid cell (col, row), lon/lat. */
export function gridCenter(p: LocalProjection, sizeM: number, col: number, row: number): [number, number] {
  return unproject(p, (col + 0.5) * sizeM, (row + 0.5) * sizeM);
}

/** Closed outline of a cell, lon/lat, counter-clockwise. */
export function gridCellRing(p: LocalProjection, sizeM: number, col: number, row: number): [number, number][] {
  const x0 = col * sizeM;
  const y0 = row * sizeM;
  const x1 = x0 + sizeM;
  const y1 = y0 + sizeM;
  return [
    unproject(p, x0, y0),
    unproject(p, x1, y0),
    unproject(p, x1, y1),
    unproject(p, x0, y1),
    unproject(p, x0, y0),
  ];
}

/** Area of a grid cell in km². */
export function gridCellAreaKm2(sizeM: number): number {
  return (sizeM * sizeM) / 1e6;
}
