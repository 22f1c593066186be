// The reader's language: chosen at start from `?lang=` and the browser, again once the
// dashboard config says its languages, and by hand in a native select whose options are
// each language in its own name. `<html lang>` follows the active locale.
import { useEffect, useId, useLayoutEffect } from 'react';
import { LOCALES, LOCALE_NAMES, chooseLocale, getLocale, isLocale, setLocale, useT, type Locale } from '../i18n';

/** Make `locale` active and say so to the document, for screen readers and hyphenation. */
function applyLocale(locale: Locale): void {
  setLocale(locale);
  document.documentElement.lang = locale;
}

/** Before the first render: the locale from `?lang=` and the browser (the config is not read yet). */
export function startLocale(): void {
  applyLocale(chooseLocale({ search: location.search, browserLanguages: navigator.languages }));
}

/** The language select; `languages` is the config's, once it has loaded. */
export function LanguagePicker({ languages }: { languages?: readonly string[] }) {
  const t = useT();
  const id = useId();
  const locale = getLocale();
  const configKey = languages?.join(',') ?? '';
  // Before paint, so the page does not flash the start language once the config is read.
  useLayoutEffect(() => {
    applyLocale(chooseLocale({ search: location.search, configLanguages: configKey ? configKey.split(',') : [], browserLanguages: navigator.languages }));
  }, [configKey]);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const pick = (value: string) => {
    if (!isLocale(value)) return;
    // The choice goes in the URL, so a reload or a shared link keeps it and wins over the config.
    const url = new URL(location.href);
    url.searchParams.set('lang', value);
    history.replaceState(history.state, '', url);
    applyLocale(value);
  };

  return (
    <div className="language-picker">
      <label htmlFor={`${id}-lang`}>{t('app.language')}</label>{' '}
      <select id={`${id}-lang`} value={locale} onChange={(e) => pick(e.target.value)}>
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
