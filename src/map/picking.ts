// What a hovered or selected cell or district says, as label/value text pairs: the
// tooltip and the detail panel render these as text, never as HTML.
import { splitLongToH3Index } from 'h3-js';
import type { LayerData } from './deck-layers';
import { measureLabel, STAT_LABELS, type LayerSpec } from './layer-spec';
import { AGGREGATE_EN } from '../i18n/engine-en-aggregate';

export interface PickDetail {
  title: string;
  rows: [label: string, value: string][];
  /** Cell or feature index in the layer's result. */
  index: number;
}

const fmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const show = (v: number) => (Number.isFinite(v) ? fmt.format(v) : '—');

/** `pickIndex` is deck.gl's picked object index (a polygon for areas, a cell for cells). */
export function describePick(spec: LayerSpec, data: LayerData, pickIndex: number, minCount: number): PickDetail | null {
  if (data.kind === 'points' || data.kind === 'lines' || pickIndex < 0) return null;
  const index = data.kind === 'areas' ? data.mesh.polygonFeature[pickIndex] : pickIndex;
  const r = data.result;
  let title: string;
  if (data.kind === 'areas' && data.names) title = data.names[index] === null ? AGGREGATE_EN['district-outside']() : (data.names[index] ?? `Feature ${index + 1}`);
  else if (r?.h3) title = `H3 cell ${splitLongToH3Index(r.h3[2 * index], r.h3[2 * index + 1])}`;
  else if (r?.centers) title = `Cell at ${r.centers[2 * index + 1].toFixed(4)}, ${r.centers[2 * index].toFixed(4)}`;
  else title = `Feature ${index + 1}`;
  const rows: [string, string][] = [];
  if (!r) {
    rows.push([measureLabel(spec), show(data.kind === 'areas' && data.values ? data.values[index] : NaN)]);
    return { title, rows, index };
  }
  if (r.suppressed[index]) {
    rows.push(['Suppressed', `fewer than ${minCount} rows`]);
    return { title, rows, index };
  }
  rows.push(['Rows', show(r.counts[index])]);
  if (r.stat !== 'count') rows.push([`${STAT_LABELS[r.stat]} of ${r.value}`, show(r.values[index])]);
  rows.push([r.stat === 'count' ? 'Rows per km²' : `${STAT_LABELS[r.stat]} per km²`, show(r.perKm2[index])]);
  if (r.per1000) rows.push(['Per 1,000 residents', show(r.per1000[index])]);
  rows.push(['Area', `${show(r.areasKm2[index])} km²`]);
  return { title, rows, index };
}

export function pickText(d: PickDetail): string {
  return [d.title, ...d.rows.map(([k, v]) => `${k}: ${v}`)].join('\n');
}
