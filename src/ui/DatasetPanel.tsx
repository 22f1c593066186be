// The loaded datasets, each with its details and actions (DatasetItem). Each item carries
// data-dataset="<table id>" for tests and tools; the id never changes, the name may.
import type { DatasetInfo } from '../engine/protocol';
import { useT } from '../i18n';
import { DatasetItem, type DatasetActions } from './DatasetItem';

export function DatasetPanel({ datasets, ...actions }: { datasets: DatasetInfo[] } & DatasetActions) {
  const t = useT();
  if (!datasets.length) return null;
  return (
    <section className="dataset-panel" aria-label={t('datasets.heading')}>
      <h2>{t('datasets.heading')}</h2>
      <ul className="datasets">
        {datasets.map((d) => (
          <DatasetItem key={d.id} dataset={d} {...actions} />
        ))}
      </ul>
    </section>
  );
}
