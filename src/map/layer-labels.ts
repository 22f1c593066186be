// Words for a layer's statistic and measure, for legends and tooltips. What a layer is, as
// data, is the schema in src/config/layer.ts.
import type { AggregateFilter, AggregateStat } from '../engine/protocol';
import { filterToWhere } from '../config/where';
import type { LayerKind } from '../config/layer';
import type { Measure } from '../config/layer-settings';
import { getLocale, t } from '../i18n';
import type { LayerRhythm } from '../config/layer-rhythm';

/** The statistics, in the order the layer settings offer them (the engine's list). */
export { STATS } from '../engine/aggregate/stats';

/** A statistic's name: "Count", "Mean", "90th percentile", … */
export function statLabel(stat: AggregateStat): string {
  return t(`stats.${stat}`);
}

/** "Count", "Mean of num_bikes_available per km²", … for legends and tooltips. */
export function measureLabel(spec: LabelledSpec): string {
  const label = statisticLabel(spec);
  // A layer that counts only some hours or weekdays says so: "…, weekdays 07:00–10:00".
  return spec.rhythm && (spec.rhythm.hours || spec.rhythm.days) ? t('measure.withRhythm', { measure: label, when: rhythmText(spec.rhythm) }) : label;
}

interface LabelledSpec {
  kind: LayerKind;
  stat?: AggregateStat;
  value?: string;
  share?: AggregateFilter;
  measure?: Measure;
  column?: string;
  colorBy?: string;
  rhythm?: LayerRhythm;
}

function statisticLabel(spec: LabelledSpec): string {
  if (spec.kind === 'points' && spec.colorBy) return spec.colorBy;
  if (spec.column) return spec.column;
  if (!spec.stat || spec.stat === 'count') {
    return spec.measure === 'perKm2' ? t('measure.rowsPerKm2') : spec.measure === 'per1000' ? t('measure.rowsPer1000') : t('measure.rows');
  }
  // A share has a condition, not a value column: "Share of rows where num_bikes_available=0".
  if (spec.stat === 'share' && (spec.measure ?? 'value') === 'value') return t('measure.share', { condition: conditionText(spec.share) });
  const of = { stat: statLabel(spec.stat), column: spec.value ?? '?' };
  return spec.measure === 'perKm2' ? t('measure.statPerKm2', of) : spec.measure === 'per1000' ? t('measure.statPer1000', of) : t('measure.stat', of);
}

const pad = (h: number) => `${String(Math.floor(h)).padStart(2, '0')}:${String(Math.round((h % 1) * 60)).padStart(2, '0')}`;

/** "weekdays 07:00–10:00", "Sat, Sun", "22:00–02:00": the hours and weekdays a layer counts. */
export function rhythmText(r: LayerRhythm): string {
  const parts: string[] = [];
  if (r.days && r.days.length < 7) {
    const days = [...r.days].sort((a, b) => a - b).join();
    if (days === '1,2,3,4,5') parts.push(t('measure.weekdays'));
    else if (days === '6,7') parts.push(t('measure.weekends'));
    else parts.push(r.days.map((d) => new Intl.DateTimeFormat(getLocale(), { weekday: 'short', timeZone: 'UTC' }).format(Date.UTC(2024, 0, d))).join(', '));
  }
  if (r.hours) parts.push(`${pad(r.hours.from)}–${pad(r.hours.to % 24)}`);
  return parts.join(' ');
}

/** A share's condition in the --where grammar; its column alone when it has no one-clause form. */
function conditionText(f: AggregateFilter | undefined): string {
  if (!f) return '?';
  try {
    return filterToWhere(f);
  } catch {
    return f.kind === 'bbox' ? '?' : f.column;
  }
}
