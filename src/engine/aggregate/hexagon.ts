// Pointy-top hexagons of radius r (centre to corner) in the local projection. Hexagon
// centres are the union of two rectangular lattices, A at (i·w, j·3r) and B offset by
// (w/2, 1.5r), with w = √3·r; a point belongs to the nearer of its nearest A and B
// centres (the hexagons are exactly the Voronoi cells of the centres). That is a few
// floor() calls per row, so it runs as plain SQL.
// Ids are offset coordinates: row = y / 1.5r (even rows from A, odd from B), col along x.
import type { LocalProjection } from './projection';
import { unproject } from './projection';
import { num } from '../sql';

const SQRT3 = Math.sqrt(3);

/**
 * SQL for a row's hexagon column and row from its projected x/y in metres, as
 * successive select lists (each over the previous one's columns `__x`, `__y`, …), so
 * DuckDB computes every floor() and distance once rather than once per use.
 */
export function hexCellStages(radiusM: number, x: string, y: string): string[][] {
  const w = num(SQRT3 * radiusM);
  const h = num(3 * radiusM);
  return [
    [`${x} AS __x`, `${y} AS __y`],
    // Nearest centre in each lattice, as lattice indexes.
    [
      '__x',
      '__y',
      `floor(__x / ${w} + 0.5) AS __ai`,
      `floor(__y / ${h} + 0.5) AS __aj`,
      `floor(__x / ${w}) AS __bi`,
      `floor(__y / ${h}) AS __bj`,
    ],
    [
      '__ai', '__aj', '__bi', '__bj',
      `(__x - __ai * ${w}) * (__x - __ai * ${w}) + (__y - __aj * ${h}) * (__y - __aj * ${h}) <=` +
        ` (__x - (__bi + 0.5) * ${w}) * (__x - (__bi + 0.5) * ${w}) + (__y - (__bj + 0.5) * ${h}) * (__y - (__bj + 0.5) * ${h}) AS __in_a`,
    ],
    [
      `(CASE WHEN __in_a THEN __ai ELSE __bi END)::INTEGER AS __col`,
      `(CASE WHEN __in_a THEN 2 * __aj ELSE 2 * __bj + 1 END)::INTEGER AS __row`,
    ],
  ];
}

/** The same assignment in JS, for tests and for callers without SQL. */
export function hexCell(p: LocalProjection, radiusM: number, lon: number, lat: number): [number, number] {
  const w = SQRT3 * radiusM;
  const h = 3 * radiusM;
  const x = (lon - p.lon0) * p.kx;
  const y = (lat - p.lat0) * p.ky;
  const ai = Math.floor(x / w + 0.5);
  const aj = Math.floor(y / h + 0.5);
  const bi = Math.floor(x / w);
  const bj = Math.floor(y / h);
  const da = (x - ai * w) ** 2 + (y - aj * h) ** 2;
  const db = (x - (bi + 0.5) * w) ** 2 + (y - (bj + 0.5) * h) ** 2;
  return da <= db ? [ai, 2 * aj] : [bi, 2 * bj + 1];
}

function hexCenterXY(radiusM: number, col: number, row: number): [number, number] {
  const w = SQRT3 * radiusM;
  return [(col + (row & 1 ? 0.5 : 0)) * w, row * 1.5 * radiusM];
}

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

export function hexCellAreaKm2(radiusM: number): number {
  return ((3 * SQRT3) / 2) * radiusM * radiusM / 1e6;
}
