// The i18n module's public API: messages (t, useT, engineText), the locale, and formatting.
export { t, activeTranslator, type MessageArgsOf } from './t';
export { useT } from './use-t';
export { engineText, engineKey, failureText } from './engine-text';
export { createTranslator, type Translator, type MessageValues } from './translator';
export { CATALOGUES, type Catalogue, type MessageKey } from './catalogue';
export { chooseLocale, matchLocale, type LocaleSources } from './choose-locale';
export { LOCALES, LOCALE_NAMES, getLocale, setLocale, subscribeLocale, intlLocale, isLocale, type Locale } from './locale';
export { formatBytes, formatDate, formatDateTime, formatFixed, formatInteger, formatList, formatNumber, formatPercent, formatSignedPercent, yesNo } from './format';
