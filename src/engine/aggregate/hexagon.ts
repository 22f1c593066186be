// Pointy-top hexagons of radius r (centre to corner) in the local projection. Hexagon
// centres are the union of two rectangular lattices, A at (i·w, j·3r) and B offset by
// (w/2, 1.5r), with w = √3·r; a point belongs to the nearer of its nearest A and B
// centres (the hexagons are exactly the Voronoi cells of the centres): a few floor()
// calls per position.
// Ids are offset coordinates: row = y / 1.5r (even rows from A, odd from B, odd rows
// shifted +½ column), col along x.
import type { LocalProjection } from './projection';
import { unproject } from './projection';

const SQRT3 = Math.sqrt(3);

/**
 * Hexagon column and row of each position (lon[i], lat[i]), written into `cols` and
 * `rows`. Ties between the two lattices go to A. Pure.
 */
export function hexCells(
  p: LocalProjection,
  radiusM: number,
  lon: Float64Array,
  lat: Float64Array,
  cols: Int32Array,
  rows: Int32Array,
): void {
  const w = SQRT3 * radiusM;
  const h = 3 * radiusM;
  for (let i = 0; i < lon.length; i++) {
    const x = (lon[i] - p.lon0) * p.kx;
    const y = (lat[i] - p.lat0) * p.ky;
    const ai = Math.floor(x / w + 0.5);
    const aj = Math.floor(y / h + 0.5);
    const bi = Math.floor(x / w);
    const bj = Math.floor(y / h);
    const ax = x - ai * w, ay = y - aj * h;
    const bx = x - (bi + 0.5) * w, by = y - (bj + 0.5) * h;
    if (ax * ax + ay * ay <= bx * bx + by * by) {
      cols[i] = ai;
      rows[i] = 2 * aj;
    } else {
      cols[i] = bi;
      rows[i] = 2 * bj + 1;
    }
  }
}

/** The hexagon (col, row) of one point: hexCells for a single position. */
export function hexCell(p: LocalProjection, radiusM: number, lon: number, lat: number): [number, number] {
  const cols = new Int32Array(1);
  const rows = new Int32Array(1);
  hexCells(p, radiusM, Float64Array.of(lon), Float64Array.of(lat), cols, rows);
  return [cols[0], rows[0]];
}

function hexCenterXY(radiusM: number, col: number, row: number): [number, number] {
  const w = SQRT3 * radiusM;
  return [(col + (row & 1 ? 0.5 : 0)) * w, row * 1.5 * radiusM];
}

/** Centre of hexagon (col, row), lon/lat. */
export function hexCenter(p: LocalProjection, radiusM: number, col: number, row: number): [number, number] {
  const [x, y] = hexCenterXY(radiusM, col, row);
  return unproject(p, x, y);
}

/** Closed outline, lon/lat, counter-clockwise, starting at the top corner. */
export function hexCellRing(p: LocalProjection, radiusM: number, col: number, row: number): [number, number][] {
  const [cx, cy] = hexCenterXY(radiusM, col, row);
  const ring: [number, number][] = [];
  for (let k = 0; k <= 6; k++) {
    const a = ((90 + 60 * (k % 6)) * Math.PI) / 180;
    ring.push(unproject(p, cx + radiusM * Math.cos(a), cy + radiusM * Math.sin(a)));
  }
  return ring;
}

/** Area of a hexagon of radius r in km²: (3√3/2)·r². */
export function hexCellAreaKm2(radiusM: number): number {
  return ((3 * SQRT3) / 2) * radiusM * radiusM / 1e6;
}
