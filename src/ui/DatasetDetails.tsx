// What the engine found out about one dataset: source, licence, geometry, CRS, extent,
// time zone, memory, and its columns with their types. Values from data are React text.
import type { DatasetInfo } from '../engine/protocol';
import { en } from '../i18n/en';
import { formatBytes } from './format';
import { bboxText, columnText, crsText, geometryText, memoryText, timeText } from './dataset-text';

export function DatasetDetails({ dataset: d }: { dataset: DatasetInfo }) {
  const columns = d.columns.filter((c) => !c.internal);
  const rows: [string, string | null | undefined][] = [
    [en.source, d.source],
    [en.licence, d.licence],
    [en.file, `${d.fileName} (${d.format}, ${formatBytes(d.bytes)})`],
    [en.geometry, geometryText(d.geometry)],
    [en.crs, d.geometry.kind === 'none' ? null : crsText(d.geometry)],
    [en.extent, d.bbox ? bboxText(d.bbox) : null],
    [en.time, timeText(d)],
    [en.memory, memoryText(d)],
  ];
  return (
    <>
      <details className="dataset-details">
        <summary>{en.details}</summary>
        <dl>
          {rows
            .filter((r): r is [string, string] => Boolean(r[1]))
            .map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
        </dl>
      </details>
      <details className="dataset-columns">
        <summary>{en.columns(columns.length)}</summary>
        <ul>
          {columns.map((c) => (
            <li key={c.name} data-column={c.name}>
              <span className="column-name">{c.name}</span> <span className="column-type">{columnText(c, d.timeColumns)}</span>
            </li>
          ))}
        </ul>
      </details>
    </>
  );
}
