// The catalogues by locale. English is the source: its keys are the MessageKey type, and its
// messages' arguments are what t() requires (message-args.ts); each other language is typed
// `Catalogue` (message-key.ts), so a missing or extra key is a compile error there.
import { en } from './en';
import { es } from './es';
import { da } from './da';
import type { Locale } from './locale';
import type { Catalogue } from './message-key';

export type { Catalogue, EnglishMessage, MessageKey } from './message-key';

/** Each locale's catalogue. */
export const CATALOGUES: Record<Locale, Catalogue> = { en, es, da };
