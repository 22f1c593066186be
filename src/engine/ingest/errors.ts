// Load errors start with the file name and say the problem in plain words, so the UI can
// show them as they are.

/** An Error whose message is "<file name> <problem>" (problem starts lower-case or with ':'). */
export function fail(fileName: string, problem: string): Error {
  return new Error(`${fileName}${/^[:,]/.test(problem) ? '' : ' '}${problem}`);
}

/** Make sure an error from anywhere in a load names the file first. */
export function withFileName(fileName: string, err: unknown): Error {
  const message = err instanceof Error ? err.message : String(err);
  if (message.startsWith(fileName)) return err instanceof Error ? err : new Error(message);
  return new Error(`${fileName}: ${message}`);
}

/** Why a load cannot have the id it asked for (LoadOptions.id). */
export type DatasetIdCode = 'dataset-id-invalid' | 'dataset-id-taken';

/**
 * A load refused for its id: named by its code (which survives the worker boundary, so
 * the UI words it from its catalogue), its message naming the file and the id as JSON.
 */
export function datasetIdError(fileName: string, code: DatasetIdCode, id: string): Error {
  const why = code === 'dataset-id-taken' ? 'is taken by a dataset already loaded' : 'is not a table id (lower-case letters, digits and _, not starting with a digit, at most 60 characters)';
  const err = new Error(`${fileName}: dataset id ${JSON.stringify(id)} ${why}`);
  err.name = code;
  return err;
}
