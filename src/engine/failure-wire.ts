// Comlink sends a thrown Error's message, name and stack; an engine failure's code,
// parameters and subject must go too, so the main thread can word it in the reader's
// language (src/ui/engine-client.ts `worded`). The worker registers this once.
import * as Comlink from 'comlink';
import { EngineError } from './engine-error';

export function sendFailuresAsCodes(): void {
  const thrown = Comlink.transferHandlers.get('throw')!;
  Comlink.transferHandlers.set('throw', {
    canHandle: thrown.canHandle,
    serialize(value: unknown) {
      const [wire, transfer] = thrown.serialize(value);
      const err = (value as { value?: unknown }).value;
      if (err instanceof EngineError) Object.assign((wire as { value: object }).value, { code: err.code, params: err.params, subject: err.subject });
      return [wire, transfer];
    },
    deserialize: thrown.deserialize,
  });
}
