// An aggregate layer's analysis settings: none, hotspots (Gi*) or compare periods, with
// their parameters; and the share statistic's condition, typed in the --where grammar and
// stored structured. Native labelled controls, as in LayerSettings.
import { useState } from 'react';
import type { DatasetInfo } from '../engine/protocol';
import type { AggregateLayerSpec, LayerPatch } from '../config/layer';
import type { CompareAnalysis, HotspotAnalysis, LayerAnalysis, RowCondition } from '../config/analysis';
import { filterToWhere, parseWhere, whereToFilter } from '../config/where';
import { timeColumn } from '../engine/column-roles';
import { useT } from '../i18n';
import { NeighbourSettings } from './NeighbourSettings';

interface Props {
  spec: AggregateLayerSpec;
  dataset: DatasetInfo | undefined;
  onChange: (patch: LayerPatch) => void;
}

const DAY = 86_400_000;
const WINDOWS = ['before', 'after'] as const;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A comparison that fits the dataset: the two halves of its time range, split at a whole day. */
export function defaultCompare(dataset: DatasetInfo | undefined): CompareAnalysis | null {
  const column = dataset ? timeColumn(dataset) : null;
  const range = dataset?.timeRange?.column === column ? dataset?.timeRange : null;
  if (!column || !range) return null;
  // The range is the column's own clock as ISO-like text.
  const ms = (text: string) => Date.parse(`${text.trim().replace(' ', 'T').replace(/Z$/, '')}Z`);
  const min = ms(range.min), max = ms(range.max);
  if (!Number.isFinite(min) || !Number.isFinite(max)) return null;
  const t0 = Math.floor(min / DAY) * DAY, t1 = Math.ceil((max + 1) / DAY) * DAY;
  const mid = Math.round((t0 + t1) / 2 / DAY) * DAY;
  const half = Math.max(DAY, Math.min(mid - t0, t1 - mid));
  return { kind: 'compare', time: column, before: { from: isoDay(mid - half), to: isoDay(mid) }, after: { from: isoDay(mid), to: isoDay(mid + half) }, fdr: true };
}

function ShareCondition({ spec, dataset, onChange }: Props) {
  const t = useT();
  const [text, setText] = useState(() => (spec.share ? filterToWhere(spec.share) : ''));
  const [problem, setProblem] = useState<string | null>(null);
  const apply = (value: string) => {
    setText(value);
    try {
      const clause = parseWhere(value);
      const col = dataset?.columns.find((c) => c.name === clause.column);
      if (!col) throw new Error(t('analysis.noColumn', { column: clause.column }));
      const share: RowCondition = whereToFilter(clause, col.kind) as RowCondition;
      setProblem(null);
      onChange({ share });
    } catch (err) {
      setProblem((err as Error).message);
    }
  };
  const id = `${spec.id}-share`;
  return (
    <label htmlFor={id}>
      {t('analysis.shareWhere')}
      <input id={id} type="text" value={text} placeholder={t('analysis.shareExample')} aria-invalid={problem !== null}
        aria-describedby={problem ? `${id}-problem` : undefined} onChange={(e) => apply(e.target.value)} />
      {problem && <span id={`${id}-problem`} className="field-problem">{problem}</span>}
    </label>
  );
}

export function AnalysisSettings({ spec, dataset, onChange }: Props) {
  const t = useT();
  const a = spec.analysis;
  const id = (name: string) => `${spec.id}-analysis-${name}`;
  const districts = spec.kind === 'districts';
  const set = (analysis: LayerAnalysis | undefined) => onChange({ analysis });
  const hot = (patch: Partial<HotspotAnalysis>) => a?.kind === 'hotspots' && set({ ...a, ...patch });
  const cmp = (patch: Partial<CompareAnalysis>) => a?.kind === 'compare' && set({ ...a, ...patch });
  const compareDefault = defaultCompare(dataset);
  const times = dataset?.columns.filter((c) => c.kind === 'timestamp' || c.kind === 'date') ?? [];
  return (
    <>
      {spec.stat === 'share' && <ShareCondition spec={spec} dataset={dataset} onChange={onChange} />}
      <label htmlFor={id('kind')}>
        {t('analysis.kind')}
        <select id={id('kind')} value={a?.kind ?? ''}
          onChange={(e) => {
            const v = e.target.value;
            if (v === 'hotspots') set({ kind: 'hotspots', rate: 'none', fdr: true, includeEmpty: false, permutations: 0, seed: 12345 });
            else if (v === 'compare' && compareDefault) set(compareDefault);
            else set(undefined);
          }}>
          <option value="">{t('analysis.none')}</option>
          <option value="hotspots">{t('analysis.hotspots')}</option>
          {compareDefault && <option value="compare">{t('analysis.compare')}</option>}
        </select>
      </label>
      {a?.kind === 'hotspots' && (
        <>
          <NeighbourSettings spec={spec} rule={a.neighbours} onChange={(neighbours) => hot({ neighbours })} />
          <label>
            <input type="checkbox" checked={a.fdr} onChange={(e) => hot({ fdr: e.target.checked })} />
            {t('analysis.fdr')}
          </label>
          {!districts && (spec.stat === 'count' || spec.stat === 'sum') && (
            <label>
              <input type="checkbox" checked={a.includeEmpty} onChange={(e) => hot({ includeEmpty: e.target.checked })} />
              {t('analysis.includeEmpty')}
            </label>
          )}
          <label htmlFor={id('perm')}>
            {t('analysis.permutations')}
            <select id={id('perm')} value={a.permutations} onChange={(e) => hot({ permutations: Number(e.target.value) })}>
              {[0, 99, 999].map((n) => <option key={n} value={n}>{n === 0 ? t('analysis.permutationsNone') : n}</option>)}
            </select>
          </label>
        </>
      )}
      {a?.kind === 'compare' && (
        <fieldset className="compare-periods">
          <legend>{t('analysis.periods')}</legend>
          <label htmlFor={id('time')}>
            {t('analysis.timeColumn')}
            <select id={id('time')} value={a.time} onChange={(e) => cmp({ time: e.target.value })}>
              {times.map((c) => <option key={c.name} value={c.name}>{c.name}</option>)}
            </select>
          </label>
          {WINDOWS.map((w) => (
            <div key={w} className="period">
              <span>{w === 'before' ? t('analysis.before') : t('analysis.after')}</span>
              <label>{t('settings.from')} <input type="date" value={String(a[w].from).slice(0, 10)} onChange={(e) => e.target.value && cmp({ [w]: { ...a[w], from: e.target.value } })} /></label>
              <label>{t('settings.to')} <input type="date" value={String(a[w].to).slice(0, 10)} onChange={(e) => e.target.value && cmp({ [w]: { ...a[w], to: e.target.value } })} /></label>
            </div>
          ))}
          <label htmlFor={id('unit')}>
            {t('analysis.unit')}
            <select id={id('unit')} value={a.unit ? `${a.unit.column},${a.unit.bin ?? ''}` : ''}
              onChange={(e) => {
                const [column, bin] = e.target.value.split(',');
                cmp({ unit: column ? { column, bin: bin === 'day' || bin === 'hour' || bin === 'week' || bin === 'month' ? bin : undefined } : undefined });
              }}>
              <option value="">{t('analysis.unitNone')}</option>
              {(dataset?.columns.filter((c) => c.kind === 'string' && !c.internal) ?? []).map((c) => (
                <option key={c.name} value={`${c.name},day`}>{t('analysis.unitPerDay', { column: c.name })}</option>
              ))}
            </select>
          </label>
          <label>
            <input type="checkbox" checked={a.fdr} onChange={(e) => cmp({ fdr: e.target.checked })} />
            {t('analysis.fdr')}
          </label>
        </fieldset>
      )}
    </>
  );
}
