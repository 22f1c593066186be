// What the engine found out about one dataset: source, licence, geometry, CRS, extent,
// time zone, memory, and its columns with their types. Values from data are React text.
import type { DatasetInfo } from '../engine/protocol';
import { formatBytes, formatInteger, useT } from '../i18n';
import { bboxText, columnText, crsText, geometryText, memoryText, timeText } from './dataset-text';

/** `credited`: the credit line above already says source and licence. */
export function DatasetDetails({ dataset: d, credited = false }: { dataset: DatasetInfo; credited?: boolean }) {
  const t = useT();
  const columns = d.columns.filter((c) => !c.internal);
  const rows: [string, string | null | undefined][] = [
    [t('datasets.field.source'), credited ? null : d.source],
    [t('datasets.field.licence'), credited ? null : d.licence],
    [t('datasets.field.file'), t('datasets.fileFacts', { file: d.fileName, format: d.format, size: formatBytes(d.bytes) })],
    [t('datasets.field.geometry'), geometryText(d.geometry)],
    [t('datasets.field.crs'), d.geometry.kind === 'none' ? null : crsText(d.geometry)],
    [t('datasets.field.extent'), d.bbox ? bboxText(d.bbox) : null],
    [t('datasets.field.time'), timeText(d)],
    [t('datasets.field.memory'), memoryText(d)],
  ];
  return (
    <>
      <details className="dataset-details">
        <summary>{t('datasets.details')}</summary>
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
        <summary>{t('datasets.columns', { n: formatInteger(columns.length) })}</summary>
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
