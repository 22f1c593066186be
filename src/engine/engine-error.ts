// An engine failure as a code with parameters, like its warnings and methods (messages.ts):
// the engine throws no English. The code's words live in the catalogues (`engine.<code>`).
// Its `message` is worded by whoever registered a wording: the CLI and the Node tests word
// it in English; in the browser the worker has none, and the main thread words the code in
// the reader's language when the error crosses the boundary (src/ui/engine-client.ts).
import type { EngineMessage, MessageParams } from './messages';

type Wording = (f: EngineFailure) => string;
let wording: Wording | null = null;

/** Register how EngineError messages read on this thread (null: the bare code). */
export function setEngineWording(w: Wording | null): void {
  wording = w;
}

/** A failure as data: its code, parameters, and what it concerns (a dataset or file name, said before it). */
export interface EngineFailure extends EngineMessage {
  subject?: string;
}

export class EngineError extends Error implements EngineFailure {
  readonly code: string;
  readonly params?: MessageParams;
  readonly subject?: string;

  constructor(code: string, params?: MessageParams, options?: { cause?: unknown; subject?: string }) {
    // No text to the base class: `message` is the getter below, worded when read.
    super(undefined, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'EngineError';
    this.code = code;
    if (params) this.params = params;
    if (options?.subject !== undefined) this.subject = options.subject;
  }

  /** The same failure, said of `subject` ("<dataset>: …"); a failure with a subject keeps its own. */
  about(subject: string): EngineError {
    return this.subject !== undefined ? this : new EngineError(this.code, this.params, { cause: this.cause, subject });
  }

  override get message(): string {
    return wording ? wording(this) : this.code;
  }
}

/** The engine failure a thrown value carries (an EngineError, or one rebuilt from the worker's wire), else null. */
export function engineFailure(err: unknown): EngineFailure | null {
  if (err instanceof EngineError) return err;
  const e = err as { code?: unknown; params?: unknown; subject?: unknown } | null;
  if (e && typeof e === 'object' && typeof e.code === 'string' && (err as Error).name === 'EngineError') {
    return {
      code: e.code,
      ...(e.params && typeof e.params === 'object' ? { params: e.params as MessageParams } : {}),
      ...(typeof e.subject === 'string' ? { subject: e.subject } : {}),
    };
  }
  return null;
}

/** `err` said of `subject`: an engine failure gets it as its subject; any other error is prefixed ("<subject>: <message>"). */
export function about(err: unknown, subject: string): Error {
  if (err instanceof EngineError) return err.about(subject);
  return new Error(`${subject}: ${(err as Error).message}`, { cause: err });
}
