// A comparison's summary (src/config/published.ts CompareSummary) in the active locale's
// words: the catalogue's sentences with numbers formatted by format.ts, never stored English.
import type { CompareSummary as Summary } from '../../config/published';
import { formatNumber, formatPercent, t } from '../../i18n';

/** The summary's sentences, in the active locale. */
export function summaryText(s: Summary): string[] {
  if (s.significant === 0) return [t('public.compare.none', { tested: s.tested })];
  const counted = t('public.compare.significant', { significant: s.significant, tested: s.tested });
  const l = s.largest;
  // Changes from zero have no percentage: then only how many changed is said.
  if (!l) return [counted];
  return [
    t('public.compare.largest', {
      direction: l.direction,
      percent: formatPercent(Math.abs(l.percentChange) / 100, 1),
      area: l.name ?? l.id,
      before: formatNumber(l.before, { significant: 3 }),
      after: formatNumber(l.after, { significant: 3 }),
      level: formatPercent(l.level / 100),
    }),
    counted,
  ];
}

