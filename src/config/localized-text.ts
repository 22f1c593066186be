// A text a dashboard shows, in one language or per language: "Bike stations" or
// { "en": "Bike stations", "fr": "Stations de vélos" }. The config's `languages` lists the
// languages it is written in, the first being the one shown when no other fits.
import { z } from 'zod';
import { t } from '../i18n/t';

/** A BCP 47 language tag as configs write them: `en`, `fr`, `pt-BR`, `zh-Hant`. */
export const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** A language tag. */
export const LanguageTag = z
  .string()
  .regex(LANGUAGE_TAG, { error: () => t('config.languageTag') })
  .describe('A BCP 47 language tag, such as "en", "fr" or "pt-BR".');

/** A text, or texts by language. */
export const LocalizedText = z
  .union([z.string(), z.record(LanguageTag, z.string())], {
    // A missing text is worded by validate.ts ("required, but missing").
    error: (issue) => (issue.input === undefined ? undefined : t('config.textExpected')),
  })
  .describe('A text, or texts by language such as {"en": "Bike stations", "fr": "Stations de vélos"}.');
export type LocalizedText = z.infer<typeof LocalizedText>;

/** The languages a text is given in (none for a plain string). */
export function textLanguages(text: LocalizedText): string[] {
  return typeof text === 'string' ? [] : Object.keys(text);
}

/**
 * The text in `language`, else in its base language (`pt` for `pt-BR`), else in the
 * dashboard's languages in order, else any; undefined for no text.
 */
export function localText(text: LocalizedText | undefined, language: string, languages: readonly string[] = []): string | undefined {
  if (text === undefined || typeof text === 'string') return text;
  for (const lang of [language, language.split('-')[0], ...languages]) {
    if (lang in text) return text[lang];
  }
  return Object.values(text)[0];
}
