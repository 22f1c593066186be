// The credit line of a config dataset: "Source: … · Licence: …", then its attribution, each
// a link where the config gives one. Config values are React text, never HTML.
import { Fragment } from 'react';
import { useT } from '../i18n';
import type { CreditLink, DatasetCredits as Credits } from './dataset-credits';

function CreditText({ credit }: { credit: CreditLink }) {
  // New tab: the dashboard's loaded data and map stay where they are.
  return credit.url ? <a href={credit.url} target="_blank" rel="noopener">{credit.text}</a> : <>{credit.text}</>;
}

export function DatasetCredits({ credits }: { credits: Credits }) {
  const t = useT();
  const parts: { kind: string; label: string; credit: CreditLink }[] = [];
  if (credits.source) parts.push({ kind: 'credit-source', label: t('datasets.credit.source'), credit: credits.source });
  if (credits.licence) parts.push({ kind: 'credit-licence', label: t('datasets.credit.licence'), credit: credits.licence });
  return (
    <p className="credits">
      {parts.map(({ kind, label, credit }, i) => (
        <Fragment key={kind}>
          {i > 0 && ' · '}
          <span className={kind}>
            {label}<CreditText credit={credit} />
          </span>
        </Fragment>
      ))}
      {credits.attribution.length > 0 && (
        <span className="credit-attribution">
          {parts.length > 0 && ' · '}
          {credits.attribution.map((a, i) => (
            <Fragment key={i}>
              {i > 0 && ', '}
              <CreditText credit={a} />
            </Fragment>
          ))}
        </span>
      )}
    </p>
  );
}
