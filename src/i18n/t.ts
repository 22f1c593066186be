// t(): a message of the active locale's catalogue, its key and arguments checked at compile
// time against the English catalogue. For code outside React components; components call
// useT() (use-t.ts) so that they render again when the locale changes.
import { CATALOGUES, type EnglishMessage, type MessageKey } from './catalogue';
import { getLocale, intlLocale, type Locale } from './locale';
import type { MessageArgs } from './message-args';
import { createTranslator, type Translator } from './translator';

/** The arguments of message K, e.g. { name: string; rows: number } for 'load.loaded'. */
export type MessageArgsOf<K extends MessageKey> = MessageArgs<EnglishMessage<K>>;

/** t()'s rest parameter: nothing for a message without arguments, else its values. */
type ValuesParam<K extends MessageKey> = keyof MessageArgsOf<K> extends never ? [] : [values: MessageArgsOf<K>];

const translators = new Map<Locale, Translator>();

/** The translator of the active locale (one per locale, each caching its compiled messages). */
export function activeTranslator(): Translator {
  const locale = getLocale();
  let translator = translators.get(locale);
  if (!translator) {
    translator = createTranslator(CATALOGUES[locale], intlLocale(locale));
    translators.set(locale, translator);
  }
  return translator;
}

/** The message `key` in the active locale, e.g. t('load.loaded', { name, rows: 2520 }). */
export function t<K extends MessageKey>(key: K, ...values: ValuesParam<K>): string {
  return activeTranslator().format(key, values[0]);
}
