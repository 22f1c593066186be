// The cell-scheme contract (types only): what grid, hexagon, H3 and districts each
// provide, so the aggregator, the result packer and the exports never ask which kind
// they hold. Implementations are siblings in schemes/, listed by kind in schemes/index.ts.
//
// Vocabulary
// - row: a row of the point table, numbered 0..rows-1 in table order.
// - position: a distinct usable (lon, lat) of the point table, numbered 0..P-1 in order
//   of first appearance (positions.ts). Citi Bike's 1.8M rows are 2,202 positions.
// - cell: a scheme's unit (square, hexagon, H3 cell, district), numbered 0..C-1 by the
//   assignment in the order results list them: grid and hexagon by (column, row), H3 by
//   index, districts by feature index with "outside" last.
// - observation: a cell that a result lists: for grid, hexagon and H3 the cells holding at
//   least one row after the filters; for districts every district, then "outside".
//
// Invariants
// - The assignment is a pure function of the positions and the bound parameters, so it
//   is computed once per point dataset and scheme key and cached; a new statistic, filter
//   or time window only reduces rows (reduce.ts or SQL), never assigns again.
// - Every position has a cell (districts give points outside every polygon the last cell).
// - Cell geometry (ids, centres, areas) is computed with the assignment, per cell;
//   results gather it for their observations into fresh arrays (they are transferred).
import type { AggregateBy, AggregateResult, DatasetInfo, PolygonShapes } from '../protocol';
import type { DuckDBConnection } from '../duckdb-types';
import type { EngineMessage } from '../messages';
import type { NeighbourList } from './neighbours';
import type { NeighbourRule } from '../protocol';

/** The kinds of cell scheme, one per AggregateBy variant. */
export type CellKind = AggregateBy['kind'];

type ByKind = { [B in AggregateBy as B['kind']]: B };

/** The request parameters of one kind. */
export type ByOf<K extends CellKind> = ByKind[K];

/** What a scheme may ask of the engine while binding to a request. */
export interface SchemeHost {
  readonly connection: DuckDBConnection;
  dataset(id: string): DatasetInfo;
  polygons?(id: string): PolygonShapes | null | Promise<PolygonShapes | null>;
}

/** Per-cell geometry of an assignment, cell c at index c (pairs at 2c, 2c + 1). */
export interface CellTable {
  /** C, the number of cells. */
  count: number;
  /** Grid/hexagon: column,row pairs (2C); districts: feature index, -1 for outside (C); H3: empty. */
  ids: Int32Array;
  /** H3: each cell's index as [lower, upper] 32 bits (2C); else null. */
  h3: Uint32Array | null;
  /** Cell centres as lon,lat pairs (2C); null for districts. */
  centers: Float64Array | null;
  /** Cell areas in km² (C); NaN for outside. */
  areasKm2: Float64Array;
  /** Whether results list every cell, empty ones included (districts), or only cells with rows. */
  listsEmpty: boolean;
}

/** A scheme's answer for the positions of one point dataset. */
export interface CellAssignment {
  /** Cell number (0..C-1) of each position. */
  cell: Int32Array;
  cells: CellTable;
  /** Districts: the polygons assigned into, for outlines and neighbours. */
  shapes?: PolygonShapes;
}

/** How the statistic was computed, for the method message. */
export interface MethodFacts {
  /** Distinct positions assigned. */
  positions: number;
  /** Whether the assignment came from the cache. */
  cached: boolean;
  /** Where the rows were reduced: typed-array kernels, or SQL over the cached cell table. */
  kernel: 'js' | 'sql';
}

/** A scheme bound to one request's parameters and datasets. */
export interface BoundScheme {
  /** Cache key of the assignment within the point dataset: same key, same cells. */
  readonly key: string;
  /** The polygon dataset assigned into (its identity invalidates the cache on a reload); else null. */
  readonly polygons: DatasetInfo | null;
  /** The local projection of grid and hexagon cells; null for the others. */
  readonly projection: AggregateResult['projection'];
  /** Per-cell names (districts: the name column, null for outside); null for the others. */
  readonly names: (string | null)[] | null;
  /** Residents per cell (districts with a population column; NaN for outside); else null. */
  readonly population: Float64Array | null;
  /** Assign distinct positions (lon, lat) to cells; may be slow (H3, point-in-polygon): the aggregator caches it. */
  assign(lon: Float64Array, lat: Float64Array): CellAssignment | Promise<CellAssignment>;
  /** How the cells were made, as a code with parameters (the catalogue words it as engine.<code>). */
  method(facts: MethodFacts): EngineMessage;
}

/** One identifying column of a result's cells, for exports. */
export interface IdField {
  name: string;
  type: 'int' | 'string';
  /** The value of cell i (a result index); null when it has none. */
  value(i: number): number | string | null;
  /** A message code that words this column's nulls (districts: 'district-outside'); absent = left empty. */
  nullCode?: string;
}

/** A cell outline as GeoJSON geometry (lon/lat); null where a cell has none (outside). */
export type CellOutline =
  | { type: 'Polygon'; coordinates: [number, number][][] }
  | { type: 'MultiPolygon'; coordinates: [number, number][][][] }
  | null;

/** Who neighbours whom (issue 11): the request's rule (protocol/analysis.ts). */
export type { NeighbourRule } from '../protocol';

/** Cells a result lacks, with their geometry, pairs at 2c, 2c + 1 as in CellTable. */
export interface EmptyCells {
  count: number;
  ids: Int32Array;
  h3: Uint32Array | null;
  centers: Float64Array;
  areasKm2: Float64Array;
}

/**
 * A cell scheme. `bind` is the only step that reads data; the result-side functions read
 * an AggregateResult (and a polygon dataset's shapes), so the CLI, exports and hotspot
 * statistics work on results that crossed the worker boundary.
 */
export interface CellScheme<K extends CellKind = CellKind> {
  readonly kind: K;
  /** Check the parameters (throws, naming them) and bind them to the datasets. */
  bind(by: ByOf<K>, points: DatasetInfo, host: SchemeHost): BoundScheme | Promise<BoundScheme>;
  /** The columns that identify a result's cells in exports (grid: col,row; H3: h3; districts: fid,name). */
  idFields(r: AggregateResult): IdField[];
  /** Outline of result cell i; districts read `shapes`, the others ignore it. */
  outline(r: AggregateResult, i: number, shapes: PolygonShapes | null): CellOutline;
  /**
   * Ring or contiguity neighbours among the result's observations (districts: the districts,
   * without outside), as rows of observation indexes; throws for a rule the scheme does not
   * define. knn and band are the same for every scheme: neighbours/distance.ts over `centres`.
   */
  neighbours(r: AggregateResult, rule: NeighbourRule, shapes: PolygonShapes | null): NeighbourList;
  /**
   * The centre of each observation, lon,lat pairs in neighbour-list order, for knn and band
   * neighbours: a cell's centre; a district's area-weighted centroid.
   */
  centres(r: AggregateResult, shapes: PolygonShapes | null): Float64Array;
  /**
   * The cells the result lacks whose centre lies inside `ring` (lon,lat pairs of a convex
   * polygon), for hotspots' include-empty; throws past `limit` cells. Absent for districts,
   * whose results list every district already.
   */
  emptyCellsInside?(r: AggregateResult, ring: Float64Array, limit: number): EmptyCells;
}
