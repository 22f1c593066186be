// Words for a layer's statistic and measure, for legends and tooltips. What a layer is, as
// data, is the schema in src/config/layer.ts.
import type { AggregateStat } from '../engine/protocol';
import type { LayerKind } from '../config/layer';
import type { Measure } from '../config/layer-settings';

export const STAT_LABELS: Record<AggregateStat, string> = {
  count: 'Count',
  sum: 'Sum',
  mean: 'Mean',
  median: 'Median',
  min: 'Minimum',
  max: 'Maximum',
  p90: '90th percentile',
  distinct: 'Distinct count',
};

/** "Count", "Mean of num_bikes_available per km²", … for legends and tooltips. */
export function measureLabel(spec: { kind: LayerKind; stat?: AggregateStat; value?: string; measure?: Measure; column?: string; colorBy?: string }): string {
  if (spec.kind === 'points' && spec.colorBy) return spec.colorBy;
  if (spec.column) return spec.column;
  const base = !spec.stat || spec.stat === 'count' ? 'Rows' : `${STAT_LABELS[spec.stat]} of ${spec.value ?? '?'}`;
  if (spec.measure === 'perKm2') return `${base} per km²`;
  if (spec.measure === 'per1000') return `${base} per 1,000 residents`;
  return base;
}
