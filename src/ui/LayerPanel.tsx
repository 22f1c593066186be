// The layer list: add, remove, reorder, show/hide, opacity, settings, and the query
// behind each layer. The first layer in the list is drawn on top.
import { useId, useState, type ReactNode } from 'react';
import { engineText, t, useT } from '../i18n';
import type { DatasetInfo } from '../engine/protocol';
import { createLayer, updateLayer, type LayerKind, type LayerPatch, type LayerSpec } from '../config/layer';
import { kindLabel, LayerSettings } from './LayerSettings';
import type { LayerDataState } from './use-layer-data';

interface Props {
  specs: LayerSpec[];
  datasets: DatasetInfo[];
  data: Record<string, LayerDataState>;
  onChange: (specs: LayerSpec[]) => void;
  /** "Show method" for a layer (src/ui/console/MethodView.tsx). */
  method?: (spec: LayerSpec) => ReactNode;
}

const hasPolygons = (d: DatasetInfo) => d.geometry.kind === 'polygon' || d.geometry.hasPolygons;
const firstNumeric = (d: DatasetInfo) => d.columns.find((c) => c.kind === 'number' && !c.internal)?.name;

/** What a dataset can be drawn as; points go into districts only when polygons are loaded. */
function kindsFor(d: DatasetInfo | undefined, datasets: DatasetInfo[]): LayerKind[] {
  if (!d) return [];
  if (d.geometry.kind === 'point') {
    return datasets.some(hasPolygons) ? ['points', 'hexagon', 'grid', 'h3', 'districts', 'heatmap'] : ['points', 'hexagon', 'grid', 'h3', 'heatmap'];
  }
  const kinds: LayerKind[] = [];
  if (hasPolygons(d) && firstNumeric(d)) kinds.push('choropleth');
  if (hasPolygons(d)) kinds.push('outlines');
  if (d.geometry.kind === 'line' || d.geometry.hasLines) kinds.push('lines');
  return kinds;
}

function querySql(state: LayerDataState | undefined): string | null {
  const d = state?.data;
  if (!d) return null;
  if (d.kind === 'points') return `${t('layers.marksComment', { rows: d.marks.rows, marks: d.marks.marks })}\n${d.marks.sql}`;
  if (d.kind === 'lines') return null;
  const r = d.result;
  return r ? `-- ${engineText(r.method)}\n${r.sql}` : null;
}

export function LayerPanel({ specs, datasets, data, onChange, method }: Props) {
  const t = useT();
  const mappable = datasets.filter((d) => kindsFor(d, datasets).length);
  const formId = useId();
  const [addDataset, setAddDataset] = useState('');
  const [addKind, setAddKind] = useState<LayerKind>('hexagon');
  const chosen = datasets.find((d) => d.id === (addDataset || mappable[0]?.id));
  const kinds = kindsFor(chosen, datasets);
  const kind = kinds.includes(addKind) ? addKind : kinds[0];

  // Layers not changed stay the same objects, so only the changed one is drawn anew.
  const update = (id: string, patch: LayerPatch) => onChange(specs.map((s) => (s.id === id ? updateLayer(s, patch) : s)));
  const move = (i: number, by: number) => {
    const next = [...specs];
    const [s] = next.splice(i, 1);
    next.splice(i + by, 0, s);
    onChange(next);
  };

  return (
    <section className="layers" aria-labelledby="layers-heading">
      <h2 id="layers-heading">{t('layers.heading')}</h2>
      {/* role="list" stays under list-style: none (Safari drops it), for assistive technology and tests. */}
      <ol role="list" aria-label={t('layers.heading')}>
        {specs.map((spec, i) => {
          const st = data[spec.id];
          const sql = querySql(st);
          return (
            <li key={spec.id} data-layer={spec.id}>
              <div className="layer-head">
                <label>
                  <input type="checkbox" checked={spec.visible} onChange={(e) => update(spec.id, { visible: e.target.checked })} />
                  <span className="layer-title">{spec.title}</span>
                </label>
                <span className="layer-kind">{kindLabel(spec.kind)}</span>
              </div>
              <div className="layer-tools">
                <label>
                  {t('layers.opacity')}
                  <input type="range" min={0} max={1} step={0.05} value={spec.opacity}
                    onChange={(e) => update(spec.id, { opacity: Number(e.target.value) })} />
                </label>
                <button type="button" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('layers.moveUp', { title: spec.title })}>↑</button>
                <button type="button" disabled={i === specs.length - 1} onClick={() => move(i, 1)} aria-label={t('layers.moveDown', { title: spec.title })}>↓</button>
                <button type="button" onClick={() => onChange(specs.filter((s) => s.id !== spec.id))} aria-label={t('layers.remove', { title: spec.title })}>✕</button>
              </div>
              {st?.pending && <p className="layer-note">{t('layers.computing')}</p>}
              {st?.error && <p className="layer-error" role="alert">{st.error}</p>}
              <details>
                <summary>{t('layers.settings')}</summary>
                <LayerSettings spec={spec} datasets={datasets} onChange={(p) => update(spec.id, p)} />
              </details>
              {sql && (
                <details>
                  <summary>{t('layers.query')}</summary>
                  <pre className="sql">{sql}</pre>
                </details>
              )}
              {method?.(spec)}
            </li>
          );
        })}
      </ol>
      {mappable.length > 0 && (
        <form className="add-layer" onSubmit={(e) => {
          e.preventDefault();
          if (!chosen || !kind) return;
          const options = { title: t('layers.newTitle', { dataset: chosen.name, kind }), taken: specs.map((s) => s.id) };
          const districts = datasets.find(hasPolygons)?.id;
          const column = firstNumeric(chosen);
          const layer =
            kind === 'districts' ? (districts ? createLayer(kind, chosen.id, { ...options, districts }) : null)
              : kind === 'choropleth' ? (column ? createLayer(kind, chosen.id, { ...options, column }) : null)
                : createLayer(kind, chosen.id, options);
          if (layer) onChange([layer, ...specs]);
        }}>
          {/* Labels by id, not wrapping: a wrapped select's options would join its accessible name. */}
          <div className="field">
            <label htmlFor={`${formId}-data`}>{t('layers.data')}</label>
            <select id={`${formId}-data`} value={chosen?.id ?? ''} onChange={(e) => setAddDataset(e.target.value)}>
              {mappable.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${formId}-kind`}>{t('layers.as')}</label>
            <select id={`${formId}-kind`} value={kind} onChange={(e) => setAddKind(e.target.value as LayerKind)}>
              {kinds.map((k) => <option key={k} value={k}>{kindLabel(k)}</option>)}
            </select>
          </div>
          <button type="submit">{t('layers.add')}</button>
        </form>
      )}
    </section>
  );
}
