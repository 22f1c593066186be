// Square grid cells in the local projection: column = floor(x / size), row = floor(y / size).
// The kernel is SQL (one GROUP BY); centres and outlines are computed here for drawing.
import type { LocalProjection } from './projection';
import { unproject } from './projection';
import { num } from '../sql';

/** SQL for a row's grid column and row from its projected x/y in metres (see hexCellStages). */
export function gridCellStages(sizeM: number, x: string, y: string): string[][] {
  return [[`floor(${x} / ${num(sizeM)})::INTEGER AS __col`, `floor(${y} / ${num(sizeM)})::INTEGER AS __row`]];
}

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

export function gridCellAreaKm2(sizeM: number): number {
  return (sizeM * sizeM) / 1e6;
}
