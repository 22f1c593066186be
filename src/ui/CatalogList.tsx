// The config's catalog: the datasets not loaded yet, each with city, rows, licence and a
// Load button. A catalog entry counts as loaded when a dataset came from its file.
import type { CatalogEntry } from '../config/schema';
import type { DatasetInfo } from '../engine/protocol';
import { formatBytes, useT } from '../i18n';
import { fileNameOf } from '../engine/file-name';

export function CatalogList({
  entries,
  datasets,
  onLoad,
}: {
  entries: CatalogEntry[];
  datasets: DatasetInfo[];
  onLoad: (entry: CatalogEntry) => void;
}) {
  const t = useT();
  const loaded = new Set(datasets.map((d) => d.fileName));
  const open = entries.filter((e) => !loaded.has(fileNameOf(e.file)));
  if (!open.length) return null;
  return (
    <details className="catalog">
      <summary>{t('catalog.summary', { n: open.length })}</summary>
      <ul>
        {open.map((e) => {
          const title = e.title ?? e.id;
          const facts = [
            e.city,
            e.rows !== undefined ? t('common.rows', { n: e.rows }) : null,
            e.bytes !== undefined ? formatBytes(e.bytes) : null,
          ].filter(Boolean);
          return (
            // Ids may repeat across formats (london_boroughs .topojson/.geojson): key by file.
            <li key={e.file} data-catalog={e.id}>
              <strong>{title}</strong>
              {facts.length > 0 && <span className="meta">{facts.join(' · ')}</span>}
              {e.licence && <span className="licence">{e.licence}</span>}
              <button type="button" onClick={() => onLoad(e)} aria-label={t('catalog.loadEntry', { title })}>
                {t('common.load')}
              </button>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
