// A comparison's summary in words (issue 14), from the codes and numbers `publish` stored:
// the area with the largest change beyond chance, how many changed, and a fixed paragraph on
// what such numbers mean and don't mean. Words come from the catalogue, numbers from format.ts.
import type { CompareSummary as Summary, PublishedLayer } from '../../config/published';
import { formatNumber, formatPercent, useT } from '../../i18n';

/** The summary's sentences, in the active locale. */
export function summaryText(t: ReturnType<typeof useT>, s: Summary): string[] {
  if (!s.largest || s.significant === 0) return [t('public.compare.none', { tested: s.tested })];
  const l = s.largest;
  return [
    t('public.compare.largest', {
      direction: l.direction,
      percent: formatPercent(Math.abs(l.percentChange) / 100, 1),
      area: l.name ?? l.id,
      before: formatNumber(l.before, { significant: 3 }),
      after: formatNumber(l.after, { significant: 3 }),
      level: formatPercent(l.level / 100),
    }),
    t('public.compare.significant', { significant: s.significant, tested: s.tested }),
  ];
}

export function CompareSummary({ layers }: { layers: readonly PublishedLayer[] }) {
  const t = useT();
  const with_ = layers.filter((l) => l.summary);
  if (!with_.length) return null;
  return (
    <section className="compare-summary" aria-label={t('public.compare.summaryTitle')}>
      <h3>{t('public.compare.summaryTitle')}</h3>
      {with_.map((l) => (
        <div key={l.layer} data-layer={l.layer}>
          {with_.length > 1 && <h4>{l.spec.title}</h4>}
          {summaryText(t, l.summary!).map((line, i) => <p key={i}>{line}</p>)}
        </div>
      ))}
      <details className="compare-meaning">
        <summary>{t('public.compare.meaningTitle')}</summary>
        <p>{t('public.compare.meaning')}</p>
      </details>
    </section>
  );
}
