// A comparison's summary in words (issue 14), from the codes and numbers `publish` stored:
// the area with the largest change beyond chance, how many changed, and a fixed paragraph on
// what such numbers mean and don't mean. Words come from the catalogue, numbers from format.ts.
import type { PublishedLayer } from '../../config/published';
import { useT } from '../../i18n';
import { summaryText } from './summary-text';

export function CompareSummary({ layers }: { layers: readonly PublishedLayer[] }) {
  const t = useT();
  const with_ = layers.filter((l) => l.summary);
  if (!with_.length) return null;
  return (
    <section className="compare-summary" aria-label={t('public.compare.summaryTitle')}>
      <h3>{t('public.compare.summaryTitle')}</h3>
      {with_.map((l) => (
        <div key={l.layer} data-layer={l.layer}>
          <h4>{l.spec.title}</h4>
          {summaryText(l.summary!).map((line, i) => <p key={i}>{line}</p>)}
        </div>
      ))}
      <details className="compare-meaning">
        <summary>{t('public.compare.meaningTitle')}</summary>
        <p>{t('public.compare.meaning')}</p>
      </details>
    </section>
  );
}
