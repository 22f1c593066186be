// The loaded datasets, each with its details and actions (DatasetItem). Each item carries
// data-dataset="<table id>" for tests and tools; the id never changes, the name may.
import type { DatasetInfo } from '../engine/protocol';
import { en } from '../i18n/en';
import { DatasetItem, type DatasetActions } from './DatasetItem';

export function DatasetPanel({ datasets, ...actions }: { datasets: DatasetInfo[] } & DatasetActions) {
  if (!datasets.length) return null;
  return (
    <section className="dataset-panel" aria-label={en.datasets}>
      <h2>{en.datasets}</h2>
      <ul className="datasets">
        {datasets.map((d) => (
          <DatasetItem key={d.id} dataset={d} {...actions} />
        ))}
      </ul>
    </section>
  );
}
