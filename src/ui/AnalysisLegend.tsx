// The legend of a hotspot or comparison layer: its classes in words, the parameters used,
// what the map means in plain language, the warnings, a one-sentence summary, and the
// ranked table of significant areas (the map's text alternative). Values are text.
import type { AggregateResult, LayerAnalysisResult } from '../engine/protocol';
import { CHANGE_CLASSES, HOTSPOT_CLASSES, type ChangeClass, type HotspotClass } from '../engine/stats/classes';
import { cellIds } from '../engine/export/tables';
import { classColour, changeScale } from '../scales/significance';
import type { Rgba } from '../scales/colour';
import type { LayerSpec } from '../config/layer';
import { measureLabel } from '../map/layer-labels';
import { ruleText } from '../engine/analysis/rule-text';
import { engineText, formatInteger, formatNumber, formatSignedPercent, useT, yesNo } from '../i18n';

const css = (c: Rgba) => `rgba(${c[0]}, ${c[1]}, ${c[2]}, ${(c[3] / 255).toFixed(2)})`;
const TOP = 10;

function Swatch({ colour }: { colour: Rgba }) {
  return <span className="swatch" style={{ background: css(colour) }} aria-hidden="true" />;
}

/** How many areas each class holds. */
function classCounts(classes: Uint8Array, size: number): number[] {
  const n = new Array<number>(size).fill(0);
  for (const c of classes) n[c]++;
  return n;
}

/** Significant areas first: hot by z (largest first), then cold by z (most negative first). */
function rankedHotspots(r: LayerAnalysisResult & { kind: 'hotspots' }): number[] {
  const h = r.result, out: number[] = [];
  for (let i = 0; i < h.classes.length; i++) if (HOTSPOT_CLASSES[h.classes[i]].startsWith('hot') || HOTSPOT_CLASSES[h.classes[i]].startsWith('cold')) out.push(i);
  return out.sort((a, b) => (h.z[a] > 0 === h.z[b] > 0 ? Math.abs(h.z[b]) - Math.abs(h.z[a]) : h.z[b] - h.z[a]));
}

/** Significant changes, largest first. */
function rankedChanges(r: LayerAnalysisResult & { kind: 'compare' }): number[] {
  const c = r.result, out: number[] = [];
  for (let i = 0; i < c.classes.length; i++) if (/^(increase|decrease)/.test(CHANGE_CLASSES[c.classes[i]])) out.push(i);
  return out.sort((a, b) => Math.abs(c.change[b]) - Math.abs(c.change[a]));
}

interface Props {
  spec: LayerSpec;
  analysis: LayerAnalysisResult;
  /** Zoom the map to result cell i. */
  onSelect?: (i: number) => void;
}

function areaName(cells: AggregateResult, ids: string[], i: number): string {
  return cells.names?.[i] ?? ids[i];
}

export function AnalysisLegend({ spec, analysis, onSelect }: Props) {
  const t = useT();
  const cells = analysis.result.cells;
  const { ids } = cellIds(cells);
  const num = (v: number) => (Number.isFinite(v) ? formatNumber(v, { significant: 3 }) : '');
  const pText = (p: number) => (Number.isFinite(p) ? (p < 0.001 ? '< 0.001' : formatNumber(p, { significant: 2 })) : '');

  if (analysis.kind === 'hotspots') {
    const h = analysis.result;
    const counts = classCounts(h.classes, HOTSPOT_CLASSES.length);
    const shown: HotspotClass[] = ['hot-99', 'hot-95', 'hot-90', 'not-significant', 'cold-90', 'cold-95', 'cold-99', 'isolated', 'suppressed'];
    const ranked = rankedHotspots(analysis);
    const hot = ranked.filter((i) => h.z[i] > 0).length;
    return (
      <figure className="legend analysis" aria-label={t('legend.label', { title: spec.title })} data-legend={spec.id} data-analysis="hotspots">
        <figcaption>{t('hotspots.title', { measure: measureLabel(spec) })}</figcaption>
        <ul>
          {shown.map((c) => (c === 'isolated' || c === 'suppressed') && counts[HOTSPOT_CLASSES.indexOf(c)] === 0 ? null : (
            <li key={c} data-class={c}>
              <Swatch colour={classColour('hotspots', c)} />
              {t(`hotspots.class.${c}`)} ({formatInteger(counts[HOTSPOT_CLASSES.indexOf(c)])})
            </li>
          ))}
        </ul>
        <p className="params">{t('hotspots.params', { neighbours: ruleText(h.neighbours), fdr: yesNo(h.fdr), n: h.observations, permutations: h.permutations })}</p>
        <p className="summary" data-summary>{t('hotspots.summary', { hot, cold: ranked.length - hot, n: h.observations, fdr: yesNo(h.fdr) })}</p>
        <p className="explain">{t('hotspots.explain')}</p>
        {h.warnings.map((w, i) => <p key={i} className="warning" role="note">{engineText(w)}</p>)}
        <RankedTable caption={t('hotspots.tableCaption', { shown: Math.min(TOP, ranked.length), n: ranked.length })}
          heads={[t('hotspots.col.area'), t('hotspots.col.value'), t('hotspots.col.z'), t('hotspots.col.p'), t('hotspots.col.class')]}
          rows={ranked.slice(0, TOP).map((i) => ({ i, cells: [areaName(cells, ids, i), num(h.x[i]), num(h.z[i]), pText(h.p[i]), t(`hotspots.class.${HOTSPOT_CLASSES[h.classes[i]]}`)] }))}
          onSelect={onSelect} />
      </figure>
    );
  }

  const c = analysis.result;
  const counts = classCounts(c.classes, CHANGE_CLASSES.length);
  const scale = changeScale(c.change);
  const ranked = rankedChanges(analysis);
  const up = ranked.filter((i) => c.change[i] > 0).length;
  const top = ranked[0];
  const shown: ChangeClass[] = ['increase-99', 'increase-95', 'increase-90', 'no-significant-change', 'decrease-90', 'decrease-95', 'decrease-99', 'no-test', 'suppressed'];
  return (
    <figure className="legend analysis" aria-label={t('legend.label', { title: spec.title })} data-legend={spec.id} data-analysis="compare">
      <figcaption>{t('compare.title', { measure: measureLabel(spec) })}</figcaption>
      <ul>
        {scale.colours.map((col, i) => (
          <li key={i} data-break={i}>
            <Swatch colour={col} />
            {i === 0
              ? t('legend.below', { value: num(scale.breaks[0]) })
              : i === scale.colours.length - 1
                ? t('legend.atLeast', { value: num(scale.breaks[i - 1]) })
                : t('legend.between', { from: num(scale.breaks[i - 1]), to: num(scale.breaks[i]) })}
          </li>
        ))}
      </ul>
      <ul className="classes">
        {shown.map((k) => counts[CHANGE_CLASSES.indexOf(k)] === 0 ? null : (
          <li key={k} data-class={k}>{t(`compare.class.${k}`)}: {formatInteger(counts[CHANGE_CLASSES.indexOf(k)])}</li>
        ))}
      </ul>
      <p className="params">{engineText(c.method)}</p>
      <p className="summary" data-summary>
        {t('compare.summary', { up, down: ranked.length - up, tested: c.tested, units: yesNo(!!c.unit), fdr: yesNo(c.fdr) })}
        {top !== undefined && <span className="largest">{t('compare.largest', { area: areaName(cells, ids, top), change: Number.isFinite(c.percentChange[top]) ? formatSignedPercent(c.percentChange[top]) : num(c.change[top]) })}</span>}
      </p>
      <p className="explain">{t('compare.explain')}</p>
      {c.warnings.map((w, i) => <p key={i} className="warning" role="note">{engineText(w)}</p>)}
      <RankedTable caption={t('compare.tableCaption', { shown: Math.min(TOP, ranked.length), n: ranked.length })}
        heads={[t('hotspots.col.area'), t('compare.col.before'), t('compare.col.after'), t('compare.col.change'), t('hotspots.col.p'), t('hotspots.col.class')]}
        rows={ranked.slice(0, TOP).map((i) => ({ i, cells: [areaName(cells, ids, i), num(c.before[i]), num(c.after[i]), Number.isFinite(c.percentChange[i]) ? formatSignedPercent(c.percentChange[i]) : num(c.change[i]), pText(c.p[i]), t(`compare.class.${CHANGE_CLASSES[c.classes[i]]}`)] }))}
        onSelect={onSelect} />
    </figure>
  );
}

function RankedTable({ caption, heads, rows, onSelect }: { caption: string; heads: string[]; rows: { i: number; cells: string[] }[]; onSelect?: (i: number) => void }) {
  if (!rows.length) return null;
  return (
    <table className="ranked">
      <caption>{caption}</caption>
      <thead><tr>{heads.map((h) => <th key={h} scope="col">{h}</th>)}</tr></thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.i} data-cell={r.i}>
            <th scope="row">{onSelect ? <button type="button" className="link" onClick={() => onSelect(r.i)}>{r.cells[0]}</button> : r.cells[0]}</th>
            {r.cells.slice(1).map((v, k) => <td key={k}>{v}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
