// Which language a reader gets: the page's `?lang=`, then the dashboard config's `languages`,
// then the browser's languages, else English. Pure, so it is tested without a browser.
import { LOCALES, type Locale } from './locale';

/** What the choice is made from. */
export interface LocaleSources {
  /** The page's query string (`location.search`), where `?lang=` is read. */
  search?: string;
  /** The config's `languages`: those its texts are written in, the first its default. */
  configLanguages?: readonly string[];
  /** The browser's languages, most preferred first (`navigator.languages`). */
  browserLanguages?: readonly string[];
}

/**
 * The locale a BCP 47 tag asks for: itself, or its base language ('es-MX' → 'es',
 * 'da-DK' → 'da'), compared without case; undefined when we have no catalogue for it.
 */
export function matchLocale(tag: string): Locale | undefined {
  const lower = tag.trim().toLowerCase();
  const base = lower.split(/[-_]/)[0];
  return LOCALES.find((l) => l === lower) ?? LOCALES.find((l) => l === base);
}

/** Each tag's locale, in order, without repeats or unsupported tags. */
function locales(tags: readonly string[]): Locale[] {
  const out: Locale[] = [];
  for (const tag of tags) {
    const l = matchLocale(tag);
    if (l && !out.includes(l)) out.push(l);
  }
  return out;
}

/**
 * The reader's locale. `?lang=` wins when we have that language. Then the config: among its
 * languages the browser's preferred one, else its first; a config lists the languages a
 * dashboard is published in, so a reader is not given a language its texts lack. Only when
 * the config names none we have does the browser choose alone. English last.
 */
export function chooseLocale({ search = '', configLanguages = [], browserLanguages = [] }: LocaleSources): Locale {
  const asked = new URLSearchParams(search).get('lang');
  const fromQuery = asked === null ? undefined : matchLocale(asked);
  if (fromQuery) return fromQuery;
  const browser = locales(browserLanguages);
  const config = locales(configLanguages);
  if (config.length) return browser.find((l) => config.includes(l)) ?? config[0];
  return browser[0] ?? 'en';
}
