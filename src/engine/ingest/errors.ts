// Load errors are engine failures (src/engine/engine-error.ts): a code and parameters, worded
// from the catalogues (`engine.<code>`) so that they start with the file name and say the
// problem in plain words, in the reader's language.
import { about, EngineError } from '../engine-error';
import type { MessageParams } from '../messages';

/** A load failure whose wording names the file itself ("{file} is empty"): `file` joins the parameters. */
export function fail(fileName: string, code: string, params?: MessageParams): EngineError {
  return new EngineError(code, { ...params, file: fileName });
}

/** A load failure said of the file ("<file name>: <problem>"): the file is its subject. */
export function failOf(fileName: string, code: string, params?: MessageParams): EngineError {
  return new EngineError(code, params, { subject: fileName });
}

/** Make sure an error from anywhere in a load names the file first. */
export function withFileName(fileName: string, err: unknown): Error {
  if (err instanceof EngineError) return err.params?.file === fileName ? err : err.about(fileName);
  const message = err instanceof Error ? err.message : String(err);
  if (message.startsWith(fileName)) return err instanceof Error ? err : new Error(message);
  return about(err instanceof Error ? err : new Error(message), fileName);
}

/** Why a load cannot have the id it asked for (LoadOptions.id). */
export type DatasetIdCode = 'dataset-id-invalid' | 'dataset-id-taken';

/**
 * A load refused for its id: its code (which survives the worker boundary, so the UI words
 * it from its catalogue), said of the file, with the id as given and as JSON.
 */
export function datasetIdError(fileName: string, code: DatasetIdCode, id: string): EngineError {
  return failOf(fileName, code, { id, json: JSON.stringify(id) });
}
