// The engine says what happened as codes with parameters (src/engine/messages.ts); the UI
// words them from the catalogue under `engine.<code>`, in the reader's language.
import type { EngineMessage } from '../engine/messages';
import type { EngineFailure } from '../engine/engine-error';
import { activeTranslator } from './t';
import type { Translator } from './translator';

/** The catalogue key that words an engine message code. */
export function engineKey(code: string): string {
  return `engine.${code}`;
}

/** An engine message in words; the code itself when the catalogue has no wording for it. */
export function engineText(m: EngineMessage, translator: Translator = activeTranslator()): string {
  const key = engineKey(m.code);
  if (!translator.has(key)) return m.code;
  try {
    return translator.format(key, m.params);
  } catch (err) {
    // A wording that names a parameter the engine did not send: show the code, not nothing.
    console.warn(`i18n: ${key}: ${(err as Error).message}`);
    return m.code;
  }
}

/** An engine failure in words, after what it concerns: "<dataset>: <what went wrong>". */
export function failureText(f: EngineFailure, translator: Translator = activeTranslator()): string {
  const text = engineText(f, translator);
  return f.subject !== undefined ? `${f.subject}: ${text}` : text;
}
