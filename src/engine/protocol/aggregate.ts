// Aggregation requests and results (src/engine/aggregate/): part of the engine contract
// (protocol/index.ts).
import type { BBox } from './base';
import type { EngineMessage } from '../messages';
import type { CalendarBin, HourRange } from '../time';

export type { CalendarBin, HourRange };

/**
 * How points are grouped. Grid and hexagon sizes are metres in a local projection
 * centred on the dataset (so 500 m is 500 m in any city); `sizeM` of a hexagon is its
 * radius, centre to corner, as in deck.gl's HexagonLayer.
 */
export type AggregateBy =
  | { kind: 'grid'; sizeM: number }
  | { kind: 'hexagon'; sizeM: number }
  | { kind: 'h3'; resolution: number }
  | {
      kind: 'districts';
      /** Id of a loaded polygon dataset. */
      polygons: string;
      /** Column of the polygon dataset that names each district; default: a column called "name". */
      nameColumn?: string;
      /** Residents per district, for rates per 1,000; default: a numeric column called "population". */
      populationColumn?: string;
    };

/** `share`: the fraction of rows matching the request's `share` condition (rows where its column is NULL are left out). */
export type AggregateStat = 'count' | 'sum' | 'mean' | 'median' | 'min' | 'max' | 'p90' | 'distinct' | 'share';

export type AggregateFilter =
  /** Inclusive bounds unless said otherwise; either bound may be left out. */
  | { kind: 'range'; column: string; min?: number; max?: number; minExclusive?: boolean; maxExclusive?: boolean }
  /** Rows whose value is (or, with `not`, is not) one of `values`. */
  | { kind: 'in'; column: string; values: (string | number | boolean)[]; not?: boolean }
  /** The map's viewport: [minLon, minLat, maxLon, maxLat] on the point coordinates. */
  | { kind: 'bbox'; bbox: BBox };

/**
 * A time window on a timestamp/date column: `from` inclusive, `to` exclusive, as ISO
 * text ("2024-03-15", "2024-03-15T08:00", "2024-03-15T08:00-04:00") or epoch
 * milliseconds. A text column needs `format` (DuckDB strptime, e.g. "%m/%d/%Y %I:%M:%S %p").
 * Bounds without a zone are read in the display zone; a column of unknown zone is
 * display-zone wall time (not converted), so a bound with a zone becomes display-zone
 * wall time before it is compared with it.
 */
export interface TimeWindow {
  column: string;
  from?: string | number;
  to?: string | number;
  format?: string;
  /** The display zone (IANA, or UTC): bins, hours of day and weekdays are local to it. Default UTC. */
  zone?: string;
  /** Rhythm filter: from ≤ local time < to (hours; may wrap midnight, 22–2). */
  hours?: HourRange;
  /** Rhythm filter: ISO weekdays kept, 1 = Monday … 7 = Sunday. */
  days?: number[];
}

export interface AggregateRequest {
  dataset: string;
  by: AggregateBy;
  /** Default 'count'. Every other statistic needs `value`. */
  stat?: AggregateStat;
  /** Numeric column the statistic is computed on (any column for 'distinct'). */
  value?: string;
  /** For stat 'share': the condition a row must match (a range or in filter). */
  share?: AggregateFilter;
  filters?: AggregateFilter[];
  time?: TimeWindow;
  /** Cut each cell by calendar bins of `time`'s column in its display zone: one result entry per cell and bin. */
  bin?: CalendarBin;
  /** Privacy threshold k: cells with fewer contributing rows are suppressed. Default 5; 0 = off. */
  minCount?: number;
}

/** The bins of a binned aggregate: entry i of the result is a cell in bin `index[i]`. */
export interface AggregateBins {
  bin: CalendarBin;
  /** The display zone the bins are local to. */
  zone: string;
  /** Each bin's start instant (epoch ms) and its display-zone UTC offset there (ms). */
  starts: Float64Array;
  offsets: Float64Array;
  /** Bin of each result entry. */
  index: Int32Array;
}

export interface AggregateResult {
  dataset: string;
  by: AggregateBy;
  stat: AggregateStat;
  value: string | null;
  minCount: number;
  /** Number of cells (districts: every district, then one entry for the points outside them all). */
  length: number;
  /**
   * Cell ids. grid/hexagon: column,row integer pairs (length 2n) in the local projection;
   * districts: the polygon dataset's feature index (length n), -1 = outside every polygon;
   * h3: unused (empty), see `h3`.
   */
  ids: Int32Array;
  /** H3 only: each cell's index as [lower 32 bits, upper 32 bits] (h3-js splitLongToH3Index). */
  h3: Uint32Array | null;
  /** District names (districts only); null for the last entry, outside every district. */
  names: (string | null)[] | null;
  /** Cell centres, lon,lat pairs (grid, hexagon, h3); null for districts. */
  centers: Float64Array | null;
  /** Contributing rows per cell; NaN where suppressed. */
  counts: Float64Array;
  /** The statistic per cell; NaN where suppressed or undefined (e.g. the mean of no values). */
  values: Float64Array;
  /** 1 where the cell has fewer than `minCount` rows: counts and values are withheld. */
  suppressed: Uint8Array;
  /** Cell area in km² (NaN for outside). */
  areasKm2: Float64Array;
  /** The statistic per km² for count/sum/distinct, else the row count per km². */
  perKm2: Float64Array;
  /** Same base per 1,000 residents, where the district data has a population column. */
  per1000: Float64Array | null;
  /** Rows aggregated (after filters) over all cells, suppressed ones included. */
  rows: number;
  suppressedCells: number;
  /** For grid/hexagon: the projection, so cell outlines can be drawn (aggregate/grid.ts, hexagon.ts). */
  projection: { origin: [number, number]; metresPerDegree: [number, number] } | null;
  /**
   * The SQL that produced the numbers, for display: the reduction over the cached cell
   * table, or, when typed-array kernels reduced the rows, the statements that read them.
   */
  sql: string;
  /** How cells were assigned and rows reduced, as a code with parameters (e.g. 'method-hexagon'). */
  method: EngineMessage;
  /** Whether the point→cell assignment was computed for this request or came from the cache. */
  assignment: 'computed' | 'cached';
  timings: { assignMs: number; queryMs: number; totalMs: number };
  /** Set when the request asked for a `bin`. */
  bins?: AggregateBins;
  /** Set when the window was merged from the layer's time cube (cells × local hours) rather than rescanned. */
  cube?: { bins: number; bytes: number; /** When this request built the cube: how long that took. */ buildMs: number | null };
}

export type TimeBin = 'hour' | 'day' | 'week' | 'month' | 'hour-of-day' | 'day-of-week';

export interface TimeBinsRequest {
  dataset: string;
  /** Timestamp/date column (or text with `format`). */
  column: string;
  format?: string;
  bin: TimeBin;
  stat?: AggregateStat;
  value?: string;
  share?: AggregateFilter;
  filters?: AggregateFilter[];
  time?: TimeWindow;
  minCount?: number;
  /**
   * Bin hour/day/week/month in this display zone (IANA, or UTC), as the layers do: keys are
   * then instants, days start at local midnight, and `time`'s rhythm filters apply. Without
   * it, bins are SQL over the column's own clock and only `time`'s from/to apply, as they
   * are for a dataset without point coordinates (its answer then has no offsets).
   */
  zone?: string;
}

export interface TimeBinsResult {
  bin: TimeBin;
  /** Bin start in epoch ms (UTC wall clock of the column; instants with `zone`), or hour 0–23, or ISO day 1 (Mon)–7 (Sun). */
  keys: Float64Array;
  /** With a display zone: the zone, and each bin's UTC offset there (ms). */
  zone?: string;
  offsets?: Float64Array;
  counts: Float64Array;
  values: Float64Array;
  suppressed: Uint8Array;
  rows: number;
  sql: string;
}
