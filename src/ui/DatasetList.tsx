import type { DatasetInfo } from '../engine/protocol';
import { en } from '../i18n/en';
import { formatBytes, formatInt } from './format';

// Values from data (names, sources, licences) are rendered as React text, never as HTML.
export function DatasetList({ datasets, onRemove }: { datasets: DatasetInfo[]; onRemove: (id: string) => void }) {
  if (!datasets.length) return null;
  return (
    <ul className="datasets">
      {datasets.map((d) => (
        <li key={d.id} data-dataset={d.id}>
          <strong>{d.name}</strong>
          <span className="meta">
            {formatInt(d.rows)} {en.rows} · {d.geometry.kind} · {formatBytes(d.bytes)}
          </span>
          {d.warnings.map((w) => (
            <span key={w} className="warning">
              {w}
            </span>
          ))}
          {d.licence && <span className="licence">{d.licence}</span>}
          <button type="button" onClick={() => onRemove(d.id)} aria-label={`${en.remove} ${d.name}`}>
            {en.remove}
          </button>
        </li>
      ))}
    </ul>
  );
}
