// The one shape of a cancelled call, on both sides of the worker boundary: an Error
// named AbortError, like fetch's when its signal aborts.

/** An Error named AbortError with this message. */
export function abortError(message: string): Error {
  const err = new Error(message);
  err.name = 'AbortError';
  return err;
}

/** Whether `err` is a cancelled call's rejection (ours, fetch's or a DOMException). */
export function isAbortError(err: unknown): boolean {
  return (err as Error | null)?.name === 'AbortError';
}

/** A cancelled load's rejection, naming the file ("<file>: loading cancelled"); the UI words it as cancelled, never as a failure. */
export function cancelledLoad(fileName: string): Error {
  return abortError(`${fileName}: loading cancelled`);
}

/** A cancelled query's rejection, naming its request type. */
export function cancelledRequest(type: string): Error {
  return abortError(`${type} request: cancelled`);
}
