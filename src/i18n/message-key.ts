// The types every catalogue and call site is checked against, read from the English
// catalogue. Apart from catalogue.ts, so a translation can be typed without importing the
// table of all catalogues (which imports it).
import type { en } from './en';

/** Every message id, e.g. 'layers.query'. A key missing from English is a compile error. */
export type MessageKey = keyof typeof en;

/** The English text of a message, as a literal type (what its arguments are read from). */
export type EnglishMessage<K extends MessageKey> = (typeof en)[K];

/** A complete catalogue for one language: every English key, no other. */
export type Catalogue = { readonly [K in MessageKey]: string };
