// Time requests over a cell layer (issue 12): the pooled values of every window of a
// playback (one fixed colour domain for all frames), and one cell's drill-down series and
// hour-of-day × weekday grid. Part of the engine contract (protocol/index.ts). Both are
// answered from the layer's cube when its statistic is one the cube keeps.
import type { CalendarBin } from './aggregate';
import type { CellsLayerQuery } from './layer';

/** One window of a playback: from ≤ t < to, epoch ms (instants). */
export interface PlaybackWindow {
  from: number;
  to: number;
}

export interface PlaybackDomainRequest {
  /** The layer as it is drawn (its own `time` gives the column, zone and rhythm filters; its bounds are replaced per window). */
  layer: CellsLayerQuery;
  windows: PlaybackWindow[];
}

export interface PlaybackDomain {
  /** Every unsuppressed, defined cell value of the layer's measure, over all windows, window by window. */
  values: Float64Array;
  /** Number of windows pooled. */
  windows: number;
  /** Whether the cube answered (else each window was reduced from rows). */
  fromCube: boolean;
  sql: string[];
}

export interface CellSeriesRequest {
  layer: CellsLayerQuery;
  /** The cell or district, as the layer's result names it (grid/hexagon "col,row", H3 index, district feature index). */
  cell: string;
  bin: CalendarBin;
}

/** A statistic per bin, suppressed (k) bins marked; values and counts are NaN where suppressed. */
export interface BinSeries {
  values: Float64Array;
  counts: Float64Array;
  suppressed: Uint8Array;
}

export interface CellSeries {
  bin: CalendarBin;
  /** The display zone the bins and the grid are local to. */
  zone: string;
  /** Each bin's start (epoch ms) and its display-zone UTC offset (ms). */
  starts: Float64Array;
  offsets: Float64Array;
  /** The cell's series, and the city-wide one (every row the layer keeps, all cells together). */
  cell: BinSeries;
  city: BinSeries;
  /** Hour of day × ISO weekday: entry (weekday − 1) · 24 + hour, 168 entries, for the cell. */
  grid: BinSeries;
  sql: string[];
}
