// The layer list: add, remove, reorder, show/hide, opacity, settings, and the query
// behind each layer. The first layer in the list is drawn on top.
import { useId, useState } from 'react';
import { en } from '../i18n/en';
import { aggregateText } from '../i18n/engine-en-aggregate';
import type { DatasetInfo } from '../engine/protocol';
import { newLayer, type LayerKind, type LayerSpec } from '../map/layer-spec';
import { KIND_LABELS, LayerSettings } from './LayerSettings';
import type { LayerDataState } from './use-layer-data';

interface Props {
  specs: LayerSpec[];
  datasets: DatasetInfo[];
  data: Record<string, LayerDataState>;
  onChange: (specs: LayerSpec[]) => void;
}

function kindsFor(d: DatasetInfo | undefined): LayerKind[] {
  if (!d) return [];
  if (d.geometry.kind === 'point') return ['points', 'hexagons', 'grid', 'h3', 'choropleth', 'heatmap'];
  const kinds: LayerKind[] = [];
  if (d.geometry.kind === 'polygon' || d.geometry.hasPolygons) kinds.push('choropleth', 'outlines');
  if (d.geometry.kind === 'line' || d.geometry.hasLines) kinds.push('lines');
  return kinds;
}

function querySql(state: LayerDataState | undefined): string | null {
  const d = state?.data;
  if (!d) return null;
  if (d.kind === 'points') return `${en.marksComment(d.marks.rows.toLocaleString('en-US'), d.marks.marks.toLocaleString('en-US'))}\n${d.marks.sql}`;
  if (d.kind === 'lines') return null;
  const r = d.result;
  return r ? `-- ${aggregateText(r.method)}\n${r.sql}` : null;
}

export function LayerPanel({ specs, datasets, data, onChange }: Props) {
  const mappable = datasets.filter((d) => kindsFor(d).length);
  const formId = useId();
  const [addDataset, setAddDataset] = useState('');
  const [addKind, setAddKind] = useState<LayerKind>('hexagons');
  const chosen = datasets.find((d) => d.id === (addDataset || mappable[0]?.id));
  const kinds = kindsFor(chosen);
  const kind = kinds.includes(addKind) ? addKind : kinds[0];

  const update = (id: string, patch: Partial<LayerSpec>) => onChange(specs.map((s) => (s.id === id ? { ...s, ...patch } : s)));
  const move = (i: number, by: number) => {
    const next = [...specs];
    const [s] = next.splice(i, 1);
    next.splice(i + by, 0, s);
    onChange(next);
  };

  return (
    <section className="layers" aria-labelledby="layers-heading">
      <h2 id="layers-heading">Layers</h2>
      <ol>
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
                <span className="layer-kind">{KIND_LABELS[spec.kind]}</span>
              </div>
              <div className="layer-tools">
                <label>
                  Opacity
                  <input type="range" min={0} max={1} step={0.05} value={spec.opacity}
                    onChange={(e) => update(spec.id, { opacity: Number(e.target.value) })} />
                </label>
                <button type="button" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move ${spec.title} up`}>↑</button>
                <button type="button" disabled={i === specs.length - 1} onClick={() => move(i, 1)} aria-label={`Move ${spec.title} down`}>↓</button>
                <button type="button" onClick={() => onChange(specs.filter((s) => s.id !== spec.id))} aria-label={`Remove layer ${spec.title}`}>✕</button>
              </div>
              {st?.pending && <p className="layer-note">Computing…</p>}
              {st?.error && <p className="layer-error" role="alert">{st.error}</p>}
              <details>
                <summary>Settings</summary>
                <LayerSettings spec={spec} datasets={datasets} onChange={(p) => update(spec.id, p)} />
              </details>
              {sql && (
                <details>
                  <summary>Query</summary>
                  <pre className="sql">{sql}</pre>
                </details>
              )}
            </li>
          );
        })}
      </ol>
      {mappable.length > 0 && (
        <form className="add-layer" onSubmit={(e) => {
          e.preventDefault();
          if (!chosen || !kind) return;
          const districts = datasets.find((d) => d.geometry.kind === 'polygon' || d.geometry.hasPolygons);
          const extra: Partial<LayerSpec> =
            kind === 'choropleth' && chosen.geometry.kind === 'point' ? { districts: districts?.id }
              : kind === 'choropleth' ? { column: chosen.columns.find((c) => c.kind === 'number' && !c.internal)?.name } : {};
          onChange([newLayer(kind, chosen.id, `${chosen.name}: ${KIND_LABELS[kind].toLowerCase()}`, extra), ...specs]);
        }}>
          {/* Labels by id, not wrapping: a wrapped select's options would join its accessible name. */}
          <div className="field">
            <label htmlFor={`${formId}-data`}>Data</label>
            <select id={`${formId}-data`} value={chosen?.id ?? ''} onChange={(e) => setAddDataset(e.target.value)}>
              {mappable.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${formId}-kind`}>As</label>
            <select id={`${formId}-kind`} value={kind} onChange={(e) => setAddKind(e.target.value as LayerKind)}>
              {kinds.map((k) => <option key={k} value={k}>{KIND_LABELS[k]}</option>)}
            </select>
          </div>
          <button type="submit">Add layer</button>
        </form>
      )}
    </section>
  );
}
