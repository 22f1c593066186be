// Every layer setting in one table: its default (where it has one), its valid range and what
// it means, the way deck.gl's HexagonLayer declares its props. The layer schema (layer.ts)
// builds its fields from this table and the settings panel reads the ranges from it, so a
// default or a bound has one home.
import type { AggregateStat } from '../engine/protocol';
import type { Classification } from '../scales/classify';
import type { SchemeName } from '../scales/colour';

/** What an aggregate layer colours: the statistic itself, per km², or per 1,000 residents. */
export type Measure = 'value' | 'perKm2' | 'per1000';

/** Layer settings: `value` is the default, `min`/`max` the inclusive range of numbers. */
export const LAYER_SETTINGS = {
  id: { description: 'Stable id of the layer, unique in a dashboard; derived from kind and dataset when not given.' },
  dataset: { description: 'Id of the dataset the layer draws.' },
  title: { description: 'Title shown in the layer list, the legend and the detail panel.' },
  visible: { value: true, description: 'Whether the layer is drawn.' },
  opacity: { value: 0.75, min: 0, max: 1, description: 'How opaque the layer is, from 0 (invisible) to 1.' },
  /** Points are drawn more opaque than areas: a mark is only a few pixels across. */
  pointsOpacity: { value: 0.8, min: 0, max: 1, description: 'How opaque a points layer is, from 0 (invisible) to 1.' },
  sizeM: { value: 500, min: 10, max: 50_000, description: 'Cell size in metres: a square grid cell’s side, a hexagon’s centre-to-corner distance.' },
  resolution: { value: 9, min: 0, max: 15, description: 'H3 resolution, 0 (coarsest) to 15 (finest).' },
  districts: { description: 'Id of the polygon dataset whose districts the points are counted in.' },
  column: { description: 'Numeric column of the polygon dataset that colours each polygon.' },
  colorBy: { description: 'Column that colours the points: numeric columns are classed, text and booleans are categories.' },
  sizeBy: { description: 'Numeric column that sizes the points (mark area proportional to the value).' },
  stat: { value: 'count' as AggregateStat, description: 'Statistic per cell or district.' },
  value: { description: 'Column the statistic is computed on (any column for "distinct"); not used by "count".' },
  share: { description: 'For the "share" statistic: the condition a row must match, e.g. {"kind":"in","column":"num_bikes_available","values":[0]}.' },
  analysis: { description: 'Hotspots (Gi*) or a before/after comparison of the layer’s statistic; none by default.' },
  rhythm: { description: 'Hours of the day and weekdays this layer counts, on top of its dataset’s time window, e.g. {"hours":{"from":7,"to":10},"days":[1,2,3,4,5]} for weekday mornings.' },
  measure: { value: 'value' as Measure, description: 'What is coloured: the statistic ("value"), per km² ("perKm2") or per 1,000 residents ("per1000").' },
  classification: { value: 'quantile' as Classification, description: 'How values are split into colour classes.' },
  scheme: { value: 'viridis' as SchemeName, description: 'Colour scheme.' },
  classes: { value: 6, min: 2, max: 9, description: 'Number of colour classes (not used by the linear classification).' },
  domain: { description: 'Fixed [low, high] colour range, for playback and comparisons; by default the data’s range.' },
  extruded: { value: false, description: 'Draw cells as 3D columns whose height is the value.' },
} as const;
