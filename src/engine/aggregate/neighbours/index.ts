// PLACEHOLDER for the neighbours branch: the signatures the cell schemes call, so this
// branch compiles. The lead replaces this file with the real module at merge.
import type { PolygonShapes } from '../../protocol-shapes';

/** Neighbours as CSR: row i is neighbours[offsets[i]..offsets[i+1]), sorted ascending, no self. */
export interface NeighbourList {
  /** n + 1 entries. */
  offsets: Int32Array;
  /** Observation indexes 0..n-1. */
  neighbours: Int32Array;
}

/** Square-grid cells among the given ones within Chebyshev distance k. */
export function gridRing(cols: Int32Array, rows: Int32Array, k: number): NeighbourList {
  void cols; void rows; void k;
  throw new Error('neighbours: not merged yet');
}

/** Engine hexagons (odd rows shifted +½ column) among the given ones within hex distance k. */
export function hexRing(cols: Int32Array, rows: Int32Array, k: number): NeighbourList {
  void cols; void rows; void k;
  throw new Error('neighbours: not merged yet');
}

/** H3 cells among the given ones within grid distance k (h3-js gridDisk). */
export function h3Ring(cells: readonly string[], k: number): NeighbourList {
  void cells; void k;
  throw new Error('neighbours: not merged yet');
}

/** Districts that touch (queen) or share a boundary (rook), within a tolerance in metres. */
export function polygonContiguity(
  shapes: PolygonShapes,
  rule: 'queen' | 'rook',
  options?: { toleranceM?: number; minSharedM?: number },
): NeighbourList {
  void shapes; void rule; void options;
  throw new Error('neighbours: not merged yet');
}
