// What the engine tells a person is a code with parameters, never English: the UI words
// it from its catalogue (src/i18n, key `engine.<code>`), in the reader's language.

/** Parameters of an engine message: counts, column and file names, never prose. */
export type MessageParams = Record<string, string | number>;

/** A message from the engine, e.g. { code: 'rows-without-coordinates', params: { n: 62 } }. */
export interface EngineMessage {
  code: string;
  params?: MessageParams;
}

/** Build an EngineMessage; parameters are left out when there are none. */
export function message(code: string, params?: MessageParams): EngineMessage {
  return params ? { code, params } : { code };
}
