// Where a config dataset comes from and under which licence, as the panel's credit line
// shows it: texts in the reader's language, each with its link where the config gives one.
// Text only: the component renders it as React text and http(s) hrefs (WebUrl checks them).
import type { Credit, DatasetEntry } from '../config/dataset-entry';
import { localText } from '../config/localized-text';

/** A credit's words and, where the config gives one, its http(s) address. */
export interface CreditLink {
  text: string;
  url?: string;
}

/** A dataset's source, licence and attribution lines. */
export interface DatasetCredits {
  source?: CreditLink;
  licence?: CreditLink;
  attribution: CreditLink[];
}

const isWebUrl = (url: string | undefined): url is string => url !== undefined && /^https?:\/\//i.test(url);

function link(text: string | undefined, url: string | undefined): CreditLink | undefined {
  if (!text) return undefined;
  return isWebUrl(url) ? { text, url } : { text };
}

function creditLink(credit: Credit | undefined, language: string, languages: readonly string[]): CreditLink | undefined {
  if (credit === undefined) return undefined;
  if (typeof credit === 'string') return link(credit, undefined);
  return link(localText(credit.name, language, languages), credit.url);
}

/** A config dataset's credits in `language`; null when the config gives none. */
export function datasetCredits(d: DatasetEntry, language: string, languages: readonly string[]): DatasetCredits | null {
  const credits: DatasetCredits = {
    source: creditLink(d.source, language, languages),
    licence: creditLink(d.licence, language, languages),
    attribution: (d.attribution ?? []).flatMap((a) => link(localText(a.text, language, languages), a.url) ?? []),
  };
  return credits.source || credits.licence || credits.attribution.length ? credits : null;
}

/** Credits by dataset id, for the config's datasets that give any. */
export function creditsById(datasets: readonly DatasetEntry[], language: string, languages: readonly string[]): Map<string, DatasetCredits> {
  const out = new Map<string, DatasetCredits>();
  for (const d of datasets) {
    const c = datasetCredits(d, language, languages);
    if (c) out.set(d.id, c);
  }
  return out;
}
