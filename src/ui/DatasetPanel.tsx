// The loaded datasets, each with its details and actions (DatasetItem). Each item carries
// data-dataset="<table id>" for tests and tools; the id never changes, the name may.
import type { DashboardConfig } from '../config/dashboard';
import type { DatasetInfo } from '../engine/protocol';
import { getLocale, useT } from '../i18n';
import { creditsById } from './dataset-credits';
import { DatasetItem, type DatasetActions } from './DatasetItem';

/** `config`: whose datasets give the credit lines (by id), in the reader's language. */
export function DatasetPanel({ datasets, config, ...actions }: { datasets: DatasetInfo[]; config: Pick<DashboardConfig, 'datasets' | 'languages'> | null } & DatasetActions) {
  const t = useT();
  if (!datasets.length) return null;
  const credits = creditsById(config?.datasets ?? [], getLocale(), config?.languages ?? []);
  return (
    <section className="dataset-panel" aria-label={t('datasets.heading')}>
      <h2>{t('datasets.heading')}</h2>
      <ul className="datasets">
        {datasets.map((d) => (
          <DatasetItem key={d.id} dataset={d} credits={credits.get(d.id)} {...actions} />
        ))}
      </ul>
    </section>
  );
}
