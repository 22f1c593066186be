// Words messages from one catalogue in one locale with intl-messageformat (FormatJS),
// compiling each message once, the first time it is used. Pure: t() builds one per locale.
import { IntlMessageFormat } from 'intl-messageformat';

/** Values for a message's arguments: formatted strings, plural counts, dates. */
export type MessageValues = Record<string, string | number | Date>;

/** Messages of one catalogue, compiled lazily for one locale. */
export interface Translator {
  /** The Intl locale tag messages are formatted in (plural rules, `#`). */
  readonly locale: string;
  /** True when the catalogue has `key`. */
  has(key: string): boolean;
  /** The message `key` with `values` filled in; throws when the key is unknown or a value is missing. */
  format(key: string, values?: MessageValues): string;
}

/** A translator over `messages` (key → ICU message) for the Intl locale `locale`. */
export function createTranslator(messages: Readonly<Record<string, string>>, locale: string): Translator {
  const compiled = new Map<string, IntlMessageFormat>();
  const has = (key: string) => Object.hasOwn(messages, key);
  return {
    locale,
    has,
    format(key, values) {
      let message = compiled.get(key);
      if (!message) {
        if (!has(key)) throw new Error(`no message "${key}" in the ${locale} catalogue`);
        // ignoreTag: a `<` in a message is text (legend "< 5"), never markup.
        message = new IntlMessageFormat(messages[key], locale, undefined, { ignoreTag: true });
        compiled.set(key, message);
      }
      const out = message.format(values);
      return Array.isArray(out) ? out.join('') : String(out);
    },
  };
}
