// Hotspot (Getis-Ord Gi*) and before/after comparison requests and results (issue 11),
// computed in the worker over an aggregate: part of the engine contract (protocol/index.ts).
// Per-cell arrays are indexed like the `cells` aggregate they come with (outside included).
import type { AggregateFilter, AggregateRequest, AggregateResult, TimeBin, TimeWindow } from './aggregate';
import type { EngineMessage } from '../messages';

/**
 * Who neighbours whom: `ring` (cells within k steps: Chebyshev for grid, hex distance for
 * hexagon and H3), `knn` (k nearest other observations by great-circle distance between
 * centres), `band` (every other observation within that many metres), `queen`/`rook`
 * (districts sharing a point / at least 1 m of boundary, with a 0.5 m tolerance).
 */
export type NeighbourRule =
  | { kind: 'ring'; k: number }
  | { kind: 'knn'; k: number }
  | { kind: 'band'; metres: number }
  | { kind: 'queen' | 'rook'; toleranceM?: number; minSharedM?: number };

/** What the analysed value is divided by: nothing (the statistic), km², or 1,000 residents. */
export type RateBase = 'none' | 'km2' | 'residents';

/** Gi* over the cells or districts of an aggregate. */
export interface HotspotRequest extends AggregateRequest {
  /** Default ring:1 for cells, queen for districts. */
  neighbours?: NeighbourRule;
  /** Default 'none'. */
  rate?: RateBase;
  /** Add the empty cells whose centre lies inside the points' convex hull, as zeros (count and sum only). */
  includeEmpty?: boolean;
  /** Benjamini–Hochberg correction; default true. */
  fdr?: boolean;
  /** Conditional permutations for a pseudo-p (p_perm); default 0 = none. */
  permutations?: number;
  /** Seed of the permutations; default 12345. */
  seed?: number;
}

/** Gi* per cell or district. Privacy: suppressed cells carry NaN in x, z, p and p_perm. */
export interface HotspotResult {
  /** The aggregate (suppression applied), empty cells added when asked for. */
  cells: AggregateResult;
  /** The analysed value of each cell (statistic or rate); NaN where not an observation or suppressed. */
  x: Float64Array;
  z: Float64Array;
  p: Float64Array;
  /** Folded conditional-permutation pseudo-p; null without permutations. */
  pPerm: Float64Array | null;
  /** Index into HOTSPOT_CLASSES (src/engine/stats/classes.ts) per cell. */
  classes: Uint8Array;
  /** Observations n (with neighbours or not; suppressed ones included). */
  observations: number;
  /** Observations with a p-value: the family FDR corrects over. */
  tested: number;
  /** Observations with no neighbours. */
  isolated: number;
  /** Districts left out because the statistic has no value there (no rows). */
  leftOut: number;
  /** Empty cells added as zeros. */
  added: number;
  mean: number;
  sd: number;
  neighbours: NeighbourRule;
  rate: RateBase;
  fdr: boolean;
  permutations: number;
  seed: number;
  /** Neighbour links (directed) over the observations. */
  links: number;
  /** Warnings to show with the map (few observations, degenerate cases, …). */
  warnings: EngineMessage[];
  /** The statistic's definition and parameters, worded by the catalogue. */
  method: EngineMessage;
  /** The SQL that made the values. */
  sql: string;
  timings: { aggregateMs: number; neighboursMs: number; statsMs: number; totalMs: number };
}

/** A half-open window [from, to) of ISO text or epoch ms. */
export interface Period {
  from: string | number;
  to: string | number;
}

/** One value per unit (e.g. per station and day) before testing: the statistic over the unit's rows. */
export interface CompareUnit {
  column: string;
  bin?: Exclude<TimeBin, 'hour-of-day' | 'day-of-week'>;
}

/** Before/after per cell or district, with a test per cell. */
export interface CompareRequest {
  dataset: string;
  by: AggregateRequest['by'];
  /** count (rate-ratio test), mean (Welch), share (two proportions); others are reported untested. */
  stat?: AggregateRequest['stat'];
  value?: string;
  /** For stat 'share': the condition a row must match. */
  share?: AggregateFilter;
  filters?: AggregateFilter[];
  /**
   * The time column (text needs `format`), the display zone and the rhythm filters: with
   * hours or days only those rows count, and so do only those hours of each window's length.
   */
  time: Pick<TimeWindow, 'column' | 'format' | 'zone' | 'hours' | 'days'>;
  before: Period;
  after: Period;
  unit?: CompareUnit;
  minCount?: number;
  fdr?: boolean;
}

/** Which test a comparison ran. */
export type CompareTest = 'rate-ratio' | 'welch' | 'two-proportion' | 'welch-units' | 'none';

/** Before/after per cell (indexed like `cells`). Suppressed: fewer than k rows in either window. */
export interface CompareResult {
  /** Geometry and ids; counts = rows in both windows; values = change. */
  cells: AggregateResult;
  countBefore: Float64Array;
  countAfter: Float64Array;
  before: Float64Array;
  after: Float64Array;
  change: Float64Array;
  percentChange: Float64Array;
  p: Float64Array;
  /** Index into CHANGE_CLASSES (src/engine/stats/classes.ts) per cell. */
  classes: Uint8Array;
  test: CompareTest;
  /** Counts over unequal windows are reported per day. */
  perDay: boolean;
  /** Window lengths used, in days, clipped to the time column's range. */
  days: { before: number; after: number };
  unit: CompareUnit | null;
  tested: number;
  fdr: boolean;
  /** Rows over distinct positions, to warn that repeated readings are treated as independent. */
  rowsPerPosition: number;
  warnings: EngineMessage[];
  method: EngineMessage;
  sql: string;
  timings: { totalMs: number };
}
