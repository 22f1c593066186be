// What a hovered or selected cell or district says, as label/value text pairs: the
// tooltip and the detail panel render these as text, never as HTML.
import { splitLongToH3Index } from 'h3-js';
import type { LayerData } from './deck-layers';
import { measureLabel, statLabel } from './layer-labels';
import type { LayerSpec } from '../config/layer';
import { formatFixed, formatInteger, formatNumber, t } from '../i18n';

export interface PickDetail {
  title: string;
  rows: [label: string, value: string][];
  /** Cell or feature index in the layer's result. */
  index: number;
}

const show = (v: number) => (Number.isFinite(v) ? formatNumber(v, { fraction: 2 }) : t('pick.noValue'));

/** `pickIndex` is deck.gl's picked object index (a polygon for areas, a cell for cells). */
export function describePick(spec: LayerSpec, data: LayerData, pickIndex: number, minCount: number): PickDetail | null {
  if (data.kind === 'points' || data.kind === 'lines' || pickIndex < 0) return null;
  const index = data.kind === 'areas' ? data.mesh.polygonFeature[pickIndex] : pickIndex;
  const r = data.result;
  let title: string;
  if (data.kind === 'areas' && data.names) title = data.names[index] ?? t('pick.feature', { n: formatInteger(index + 1) });
  else if (r?.h3) title = t('pick.h3Cell', { id: splitLongToH3Index(r.h3[2 * index], r.h3[2 * index + 1]) });
  else if (r?.centers) title = t('pick.cellAt', { lat: formatFixed(r.centers[2 * index + 1], 4), lon: formatFixed(r.centers[2 * index], 4) });
  else title = t('pick.feature', { n: formatInteger(index + 1) });
  const rows: [string, string][] = [];
  if (!r) {
    rows.push([measureLabel(spec), show(data.kind === 'areas' && data.values ? data.values[index] : NaN)]);
    return { title, rows, index };
  }
  if (r.suppressed[index]) {
    rows.push([t('pick.suppressed'), t('pick.fewerThan', { n: minCount })]);
    return { title, rows, index };
  }
  rows.push([t('measure.rows'), show(r.counts[index])]);
  if (r.stat !== 'count') rows.push([measureLabel({ kind: spec.kind, stat: r.stat, value: r.value ?? undefined, share: 'share' in spec ? spec.share : undefined }), show(r.values[index])]);
  rows.push([r.stat === 'count' ? t('measure.rowsPerKm2') : t('pick.statPerKm2', { stat: statLabel(r.stat) }), show(r.perKm2[index])]);
  if (r.per1000) rows.push([t('pick.per1000'), show(r.per1000[index])]);
  rows.push([t('pick.area'), t('pick.areaValue', { area: show(r.areasKm2[index]) })]);
  return { title, rows, index };
}

export function pickText(d: PickDetail): string {
  return [d.title, ...d.rows.map(([label, value]) => t('pick.line', { label, value }))].join('\n');
}
