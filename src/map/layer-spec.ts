// What a layer is, as data: the layer panel edits these, the dashboard turns each into
// an engine request and then into deck.gl layers. Plain JSON, so it can live in the URL
// or a dashboard config.
import type { AggregateStat } from '../engine/protocol';
import type { Classification } from '../scales/classify';
import type { SchemeName } from '../scales/colour';
import { t } from '../i18n';

/** The statistics, in the order the layer settings offer them (the engine's list). */
export { STATS } from '../engine/aggregate/stats';

export type LayerKind = 'points' | 'hexagons' | 'grid' | 'h3' | 'choropleth' | 'outlines' | 'lines' | 'heatmap';

export interface LayerSpec {
  id: string;
  kind: LayerKind;
  /** The dataset drawn (points for aggregations, polygons for outlines/choropleth of own column). */
  dataset: string;
  title: string;
  visible: boolean;
  opacity: number;
  /** Grid/hexagon cell size in metres (hexagon: centre to corner). */
  sizeM: number;
  /** H3 resolution 0–15. */
  resolution: number;
  /** For choropleth of points: the polygon dataset they are joined to. */
  districts?: string;
  /** Points: colour by this column (numeric: classed; text/boolean: categories). */
  colorBy?: string;
  /** Points: size by this numeric column (area proportional to the value). */
  sizeBy?: string;
  /** For choropleth of a polygon dataset's own numeric column. */
  column?: string;
  stat: AggregateStat;
  value?: string;
  /** What is coloured: the statistic itself, per km², or per 1,000 residents. */
  measure: 'value' | 'perKm2' | 'per1000';
  classification: Classification;
  scheme: SchemeName;
  classes: number;
  extruded: boolean;
  /** Fixed colour domain, for playback and comparisons. */
  domain?: [number, number];
}

let counter = 0;

export function newLayer(kind: LayerKind, dataset: string, title: string, extra: Partial<LayerSpec> = {}): LayerSpec {
  return {
    id: `${kind}-${++counter}`,
    kind,
    dataset,
    title,
    visible: true,
    opacity: kind === 'points' ? 0.8 : 0.75,
    sizeM: 500,
    resolution: 9,
    stat: 'count',
    measure: 'value',
    classification: 'quantile',
    scheme: 'viridis',
    classes: 6,
    extruded: false,
    ...extra,
  };
}

/** A statistic's name: "Count", "Mean", "90th percentile", … */
export function statLabel(stat: AggregateStat): string {
  return t(`stats.${stat}`);
}

/** "Count", "Mean of num_bikes_available per km²", … for legends and tooltips. */
export function measureLabel(spec: Pick<LayerSpec, 'stat' | 'value' | 'measure' | 'column' | 'colorBy' | 'kind'>): string {
  if (spec.kind === 'points' && spec.colorBy) return spec.colorBy;
  if (spec.column) return spec.column;
  if (spec.stat === 'count') {
    return spec.measure === 'perKm2' ? t('measure.rowsPerKm2') : spec.measure === 'per1000' ? t('measure.rowsPer1000') : t('measure.rows');
  }
  const of = { stat: statLabel(spec.stat), column: spec.value ?? '?' };
  return spec.measure === 'perKm2' ? t('measure.statPerKm2', of) : spec.measure === 'per1000' ? t('measure.statPer1000', of) : t('measure.stat', of);
}
