// Time playback and drill-down (issue 12): the fixed colour domain of a playback, computed
// over every window before the first frame, and one cell's statistic per bin against the
// city's, with its hour-of-day × day-of-week grid. Part of the engine contract (protocol/index.ts).
import type { ColourScaleOptions, ScaleParts } from '../../scales/colour';
import type { AggregateBins, CalendarBin } from './aggregate';
import type { CellsLayerQuery } from './layer';

/** One frame's window: from ≤ t < to, epoch milliseconds (instants; the layer's `time.zone` is the display zone). */
export interface PlaybackWindow {
  from: number;
  to: number;
}

/** Which of a cell layer's numbers its colours come from (LayerSpec.measure). */
export type PlaybackMeasure = 'value' | 'perKm2' | 'per1000';

export interface PlaybackDomainRequest {
  /** The layer as it is drawn now; its `time` gives the column, zone and rhythm filters (its from/to are replaced by each window). */
  layer: CellsLayerQuery;
  /** Every frame of the playback, in order. */
  windows: PlaybackWindow[];
  measure: PlaybackMeasure;
  /** The layer's scale settings; the scale is classed over the values of every window pooled. */
  scale: ColourScaleOptions;
}

export interface PlaybackDomain {
  /** One scale for every frame: its classes and labels never change during the playback. */
  scale: ScaleParts;
  /** Windows reduced. */
  windows: number;
  /** Finite, unsuppressed values pooled over all windows (what the classes were computed over). */
  values: number;
  /** Whether the windows were summed from the time cube rather than rescanned. */
  fromCube: boolean;
  sql: string;
}

/**
 * One cell or district: its id words as in AggregateResult — grid/hexagon [column, row],
 * H3 [lower 32 bits, upper 32 bits], districts [feature index] (-1 = outside every district).
 */
export type CellKey = number[];

/** A statistic per bin (NaN = suppressed or no rows). */
export interface BinSeries {
  counts: Float64Array;
  values: Float64Array;
  suppressed: Uint8Array;
}

export interface CellSeriesRequest {
  /** The layer as it is drawn now (statistic, filters, rhythm filters, zone); its window bounds the series. */
  layer: CellsLayerQuery;
  cell: CellKey;
  bin: CalendarBin;
}

export interface CellSeries {
  bin: CalendarBin;
  zone: string;
  /** Each bin's start instant (epoch ms) and its display-zone UTC offset there (ms): the same bins for the cell and the city. */
  starts: AggregateBins['starts'];
  offsets: AggregateBins['offsets'];
  /** The cell's statistic per bin, k-suppressed as the map is. */
  cell: BinSeries;
  /** The same statistic over every row of the layer (the whole city) per bin. */
  city: BinSeries;
  /** The cell's statistic per hour of day × ISO weekday: entry (weekday − 1) · 24 + hour, 168 entries. */
  grid: BinSeries;
  sql: string;
}
