// What can be done with a result: download every row as CSV or Parquet, and add it to the
// map in one of the ways the engine found (coordinates, WKT/WKB, H3 ids, a join key).
import { useId, useState } from 'react';
import { useT } from '../../i18n';
import type { ConsoleMapping, DatasetInfo } from '../../engine/protocol';

/** A mapping in words. */
export function mappingLabel(m: ConsoleMapping, t: ReturnType<typeof useT>, datasets: DatasetInfo[]): string {
  switch (m.kind) {
    case 'lonlat':
      return t('console.mapping.lonlat', { lon: m.lon, lat: m.lat });
    case 'wkt':
      return t('console.mapping.wkt', { column: m.column });
    case 'wkb':
      return t('console.mapping.wkb', { column: m.column });
    case 'h3':
      return t('console.mapping.h3', { column: m.column });
    case 'join':
      return t('console.mapping.join', { column: m.column, key: m.key, dataset: datasets.find((d) => d.id === m.dataset)?.name ?? m.dataset });
  }
}

interface Props {
  mappings: ConsoleMapping[];
  datasets: DatasetInfo[];
  busy: boolean;
  onExport: (format: 'csv' | 'parquet') => void;
  onAdd: (mapping: ConsoleMapping) => void;
}

export function ResultActions({ mappings, datasets, busy, onExport, onAdd }: Props) {
  const t = useT();
  const id = useId();
  const [choice, setChoice] = useState(0);
  const mapping = mappings[Math.min(choice, mappings.length - 1)];
  return (
    <div className="console-actions">
      <button type="button" disabled={busy} onClick={() => onExport('csv')}>{t('console.downloadCsv')}</button>
      <button type="button" disabled={busy} onClick={() => onExport('parquet')}>{t('console.downloadParquet')}</button>
      {mapping && (
        <span className="console-add">
          {mappings.length > 1 ? (
            <>
              <label htmlFor={`${id}-as`}>{t('console.addAs')}</label>
              <select id={`${id}-as`} value={choice} onChange={(e) => setChoice(Number(e.target.value))}>
                {mappings.map((m, i) => <option key={i} value={i}>{mappingLabel(m, t, datasets)}</option>)}
              </select>
            </>
          ) : (
            <span className="console-note">{mappingLabel(mapping, t, datasets)}</span>
          )}
          <button type="button" disabled={busy} onClick={() => onAdd(mapping)}>{t('console.addToMap')}</button>
        </span>
      )}
    </div>
  );
}
