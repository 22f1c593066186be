// Engine failures as codes (src/engine/engine-error.ts): no English in the engine, worded
// from the catalogue by the thread that shows them, and carried across the worker boundary
// as code, parameters and subject (src/engine/failure-wire.ts) to be worded in the reader's
// language (src/ui/engine-client.ts).
import { afterEach, describe, expect, it } from 'vitest';
import * as Comlink from 'comlink';
import { about, EngineError, engineFailure, setEngineWording } from '../../src/engine/engine-error';
import { sendFailuresAsCodes } from '../../src/engine/failure-wire';
import { worded } from '../../src/ui/engine-client';
import { failureText, setLocale } from '../../src/i18n';

const params = { from: '2024-01-01', to: '2024-01-02', column: 'ts', min: '2024-03-12T22:23:50Z', max: '2024-03-23T14:49:01Z' };

afterEach(() => {
  setLocale('en');
  setEngineWording((f) => failureText(f));
});

describe('EngineError', () => {
  it('is its code until a thread words it, then reads in that thread’s catalogue', () => {
    setEngineWording(null);
    const err = new EngineError('window-outside-range', params).about('bikes');
    expect(err.message).toBe('window-outside-range');
    setEngineWording((f) => failureText(f));
    expect(err.message).toBe('bikes: the window [2024-01-01, 2024-01-02) lies outside the range of "ts" (2024-03-12T22:23:50Z to 2024-03-23T14:49:01Z)');
    setLocale('es');
    expect(err.message).toBe('bikes: la ventana [2024-01-01, 2024-01-02) queda fuera del intervalo de "ts" (2024-03-12T22:23:50Z a 2024-03-23T14:49:01Z)');
  });

  it('keeps the first subject, and prefixes a plain error', () => {
    const inner = new EngineError('window-reversed', { from: 'b', to: 'a' }).about('file.csv');
    expect(inner.about('table').subject).toBe('file.csv');
    expect(about(new Error('boom'), 'table').message).toBe('table: boom');
  });
});

describe('across the worker boundary', () => {
  it('sends code, parameters and subject, and the main thread words them in the reader’s language', () => {
    sendFailuresAsCodes();
    const handler = Comlink.transferHandlers.get('throw')!;
    setEngineWording(null); // the worker words nothing
    const [wire] = handler.serialize({ value: new EngineError('window-outside-range', params).about('bikes') });
    // A structured clone, as postMessage makes it.
    const received = structuredClone(wire);
    let thrown: unknown;
    try {
      handler.deserialize(received);
    } catch (err) {
      thrown = err;
    }
    expect(engineFailure(thrown)).toEqual({ code: 'window-outside-range', params, subject: 'bikes' });
    setLocale('da');
    const shown = worded(thrown) as Error;
    expect(shown.message).toBe('bikes: vinduet [2024-01-01, 2024-01-02) ligger uden for intervallet af "ts" (2024-03-12T22:23:50Z til 2024-03-23T14:49:01Z)');
    expect(shown.name).toBe('EngineError');
    // Anything else crosses as it did.
    const [plain] = handler.serialize({ value: new Error('disk full') });
    expect(() => handler.deserialize(structuredClone(plain))).toThrow(/^disk full$/);
    expect(worded(new Error('disk full'))).toEqual(new Error('disk full'));
  });
});
