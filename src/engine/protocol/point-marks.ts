// What a point layer draws: part of the engine contract (protocol/index.ts).
import type { ColourScaleOptions, ScaleParts } from '../../scales/colour';

/** A point layer's marks, optionally coloured and sized by columns. */
export interface PointMarksRequest {
  dataset: string;
  /** Colour each point by this column (numeric: classed by `scale`; other: by category). */
  colour?: { column: string; scale: ColourScaleOptions };
  /** Size each point by this numeric column (area proportional to the value). */
  sizeBy?: string;
}

/**
 * Point marks for deck.gl binary attributes. Rows with the same float32 position, colour
 * value and size value are one mark; `counts` says how many rows each mark stands for.
 * Positions are lon/lat offsets (float32) from `origin`, used with
 * COORDINATE_SYSTEM.LNGLAT_OFFSETS so float32 keeps sub-metre precision anywhere.
 */
export interface PointMarks {
  table: string;
  /** Rows drawn (those with valid coordinates): the sum of counts. */
  rows: number;
  /** Distinct marks. */
  marks: number;
  origin: [number, number];
  /** [dx, dy] per mark. */
  offsets: Float32Array;
  /** Rows per mark (float32 for the GPU: exact up to 16,777,216). */
  counts: Float32Array;
  /** RGBA per mark; null when not coloured by a column. */
  colours: Uint8Array | null;
  /** The scale the colours came from (classes over rows, not marks), for the legend. */
  scale: ScaleParts | null;
  /** Radius in pixels per mark; null when not sized by a column. */
  radii: Float32Array | null;
  /** The queries that produced the marks, for display. */
  sql: string;
}
