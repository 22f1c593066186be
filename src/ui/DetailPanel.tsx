// The selected cell or district with all its statistics, as text.
import type { ReactNode } from 'react';
import type { PickDetail } from '../map/picking';
import { useT } from '../i18n';

export function DetailPanel({ detail, layerTitle, onClose, children }: { detail: PickDetail; layerTitle: string; onClose: () => void; children?: ReactNode }) {
  const t = useT();
  return (
    <section className="detail" aria-label={t('detail.label')} aria-live="polite">
      <header>
        <h2>{detail.title}</h2>
        <button type="button" onClick={onClose} aria-label={t('detail.close')}>✕</button>
      </header>
      <p className="detail-layer">{layerTitle}</p>
      <dl>
        {detail.rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {children}
    </section>
  );
}
