// The active locale: which catalogue t() words messages from, and the locale Intl formats
// numbers and dates in. A new language is a catalogue typed `Catalogue`, and an entry here
// and in catalogue.ts; choose-locale.ts picks one for the reader.

/** The languages CityLens has a complete catalogue for. */
export const LOCALES = ['en', 'es', 'da'] as const;

/** One of LOCALES. */
export type Locale = (typeof LOCALES)[number];

/** The BCP 47 tag Intl formats with for each locale ('en' formats as US English). */
const INTL_TAGS: Record<Locale, string> = { en: 'en', es: 'es', da: 'da' };

/** Each language in its own name, for the language picker: the same in every catalogue. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', es: 'Español', da: 'Dansk' };

let active: Locale = 'en';
const listeners = new Set<() => void>();

/** True when `s` names a locale we have a catalogue for. */
export function isLocale(s: string): s is Locale {
  return (LOCALES as readonly string[]).includes(s);
}

/** The active locale (default 'en'). */
export function getLocale(): Locale {
  return active;
}

/** Switch the active locale; components that called useT() render again. */
export function setLocale(locale: Locale): void {
  if (locale === active) return;
  active = locale;
  for (const listener of listeners) listener();
}

/** Be told when the locale changes; returns the unsubscribe function. */
export function subscribeLocale(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The Intl locale tag of `locale` (default: the active one). */
export function intlLocale(locale: Locale = active): string {
  return INTL_TAGS[locale];
}
