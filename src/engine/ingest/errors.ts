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
