// One loaded dataset: its name and size at a glance, its warnings, and the actions
// rename (display name only), zoom to extent and remove.
import { useId, useState, type FormEvent } from 'react';
import type { BBox, DatasetInfo } from '../engine/protocol';
import { engineText, formatBytes, useT } from '../i18n';
import { DatasetDetails } from './DatasetDetails';
import { DatasetCredits } from './DatasetCredits';
import type { DatasetCredits as Credits } from './dataset-credits';

export interface DatasetActions {
  onRename: (id: string, name: string) => void;
  onRemove: (id: string) => void;
  onZoom: (bbox: BBox) => void;
}

/** One dataset; `credits` where the config names it (then its clean line replaces the file's notes). */
export function DatasetItem({ dataset: d, credits, onRename, onRemove, onZoom }: { dataset: DatasetInfo; credits?: Credits } & DatasetActions) {
  const t = useT();
  const [renaming, setRenaming] = useState(false);
  const inputId = useId();
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const name = String(new FormData(e.currentTarget).get('name') ?? '').trim();
    if (name && name !== d.name) onRename(d.id, name);
    setRenaming(false);
  };
  return (
    <li data-dataset={d.id}>
      {renaming ? (
        <form className="rename" onSubmit={submit}>
          <label htmlFor={inputId}>{t('datasets.renameTo', { name: d.name })}</label>
          <input id={inputId} name="name" defaultValue={d.name} autoFocus required
            onKeyDown={(e) => e.key === 'Escape' && setRenaming(false)} />
          <button type="submit">{t('common.save')}</button>
          <button type="button" onClick={() => setRenaming(false)}>{t('common.cancel')}</button>
        </form>
      ) : (
        <strong className="dataset-name">{d.name}</strong>
      )}
      <span className="meta">
        {t('datasets.meta', { rows: d.rows, kind: t(`geometry.${d.geometry.kind}`), size: formatBytes(d.bytes) })}
      </span>
      {credits ? <DatasetCredits credits={credits} /> : d.licence && <span className="licence">{d.licence}</span>}
      {d.warnings.length > 0 && (
        <ul className="warnings">
          {d.warnings.map((w) => engineText(w)).map((w) => (
            <li key={w} className="warning">{w}</li>
          ))}
        </ul>
      )}
      <DatasetDetails dataset={d} credited={Boolean(credits)} />
      <div className="dataset-actions">
        {!renaming && (
          <button type="button" onClick={() => setRenaming(true)} aria-label={t('datasets.renameLabel', { name: d.name })}>
            {t('datasets.rename')}
          </button>
        )}
        <button type="button" disabled={!d.bbox} onClick={() => d.bbox && onZoom(d.bbox)} aria-label={t('datasets.zoomToLabel', { name: d.name })}>
          {t('datasets.zoomTo')}
        </button>
        <button type="button" onClick={() => onRemove(d.id)} aria-label={t('datasets.removeLabel', { name: d.name })}>
          {t('datasets.remove')}
        </button>
      </div>
    </li>
  );
}
