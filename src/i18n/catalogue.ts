// The catalogues by locale, and the types every catalogue and call site is checked against.
// English is the source: its keys are the MessageKey type, and its messages' arguments are
// what t() requires (message-args.ts).
import { en } from './en';
import { es } from './es';
import { da } from './da';
import type { Locale } from './locale';

/** Every message id, e.g. 'layers.query'. A key missing from English is a compile error. */
export type MessageKey = keyof typeof en;

/** The English text of a message, as a literal type (what its arguments are read from). */
export type EnglishMessage<K extends MessageKey> = (typeof en)[K];

/** A complete catalogue for one language: every English key, no other. */
export type Catalogue = { readonly [K in MessageKey]: string };

/** Each locale's catalogue. */
export const CATALOGUES: Record<Locale, Catalogue> = { en, es, da };
