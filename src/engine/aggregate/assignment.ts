// The contract between geometry kernels (H3, point-in-polygon) and the SQL side: each
// distinct position gets a dense cell number; the aggregator spreads it over the rows
// as a one-column DuckDB table in the point table's row order, read back with a
// POSITIONAL JOIN, so the JS work happens once per dataset and cell scheme.
import type { DatasetInfo, PolygonShapes } from '../protocol';


export interface CellAssignment {
  /** Cell number per input position; -1 = no cell (outside every polygon). */
  cell: Int32Array;
  /** H3 only: the index of each cell number. */
  keys?: string[];
  /** Districts only: the polygons the cells index. */
  shapes?: PolygonShapes;
}

/** A cached assignment: a DuckDB table of each point row's cell, in row order (query.ts joinCellsSql). */
export interface AssignmentEntry {
  /** The DatasetInfo objects it was computed from; a reload under the same id is a miss. */
  points: DatasetInfo;
  polygons: DatasetInfo | null;
  table: string;
  keys?: string[];
  shapes?: PolygonShapes;
  /** Lazily computed district areas. */
  areasKm2?: Float64Array;
  positions: number;
  ms: number;
}

/** Columns of the assignment tables; prefixed so they never clash with data columns. */
export const ASSIGN_LON = '__citylens_lon';
export const ASSIGN_LAT = '__citylens_lat';
export const ASSIGN_CELL = '__citylens_cell';
