// The worker's query queue: queries run one at a time, in arrival order. Between two
// queries the queue yields to the worker's message loop, so that a cancel sent meanwhile
// arrives before the next query starts, and queued work nobody waits for is dropped
// instead of computed and thrown away. A query that finds the queue idle starts at once.
import type { QueryProgress } from '../protocol';
import { abortError } from '../abort';
import { EngineError } from '../engine-error';

/** The rejection of a cancelled or superseded job. */
const cancelled = (label: string) => abortError(`${label}: cancelled`);

/** One unit of work for the queue. */
export interface QueueJob<T> {
  /** What the work is, for the AbortError's message (e.g. "aggregate request"). */
  label: string;
  /** Cancel the job by this id. */
  id?: string;
  onProgress?: (p: QueryProgress) => void;
  /** The work; `signal` aborts when the job is cancelled while it runs (check it between stages). */
  run(signal: AbortSignal): T | Promise<T>;
}

interface Entry {
  job: QueueJob<unknown>;
  controller: AbortController;
  resolve(value: unknown): void;
  reject(err: unknown): void;
}

/** The queue's handle: add a job, cancel one, count what it did. */
export interface RequestQueue {
  push<T>(job: QueueJob<T>): Promise<T>;
  /** Cancel the job with this id: a queued one is dropped, a running one's signal aborts. */
  cancel(id: string): boolean;
  /** Jobs run, and jobs dropped before running (cancelled while queued). */
  readonly counters: { run: number; dropped: number };
}

/** Give the message loop a turn: a timer task runs after the messages already waiting. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A queue that runs one job at a time; `yieldNow` is awaited between jobs. */
export function createRequestQueue(yieldNow: () => Promise<void> = nextTask): RequestQueue {
  const waiting: Entry[] = [];
  const byId = new Map<string, Entry>();
  const counters = { run: 0, dropped: 0 };
  let pumping = false;

  const drop = (e: Entry) => {
    counters.dropped++;
    if (e.job.id !== undefined) byId.delete(e.job.id);
    e.reject(cancelled(e.job.label));
  };

  async function pump() {
    pumping = true;
    try {
      // The first job starts at once; before each later one the message loop gets a turn.
      for (let first = true; waiting.length; first = false) {
        if (!first) await yieldNow();
        const e = waiting.shift();
        if (!e) break;
        e.job.onProgress?.({ phase: 'running' });
        counters.run++;
        try {
          const value = await e.job.run(e.controller.signal);
          // Cancelled while it ran: the answer is not wanted, so it is not sent.
          if (e.controller.signal.aborted) e.reject(cancelled(e.job.label));
          else e.resolve(value);
        } catch (err) {
          e.reject(e.controller.signal.aborted ? cancelled(e.job.label) : err);
        } finally {
          if (e.job.id !== undefined && byId.get(e.job.id) === e) byId.delete(e.job.id);
        }
      }
    } finally {
      pumping = false;
    }
  }

  return {
    counters,
    push<T>(job: QueueJob<T>): Promise<T> {
      if (job.id !== undefined && byId.has(job.id)) return Promise.reject(new EngineError('request-id-running', { id: String(job.id) }));
      return new Promise<T>((resolve, reject) => {
        const e: Entry = { job, controller: new AbortController(), resolve: resolve as (v: unknown) => void, reject };
        if (job.id !== undefined) byId.set(job.id, e);
        if (pumping || waiting.length) job.onProgress?.({ phase: 'queued' });
        waiting.push(e);
        if (!pumping) void pump();
      });
    },
    cancel(id) {
      const e = byId.get(id);
      if (!e) return false;
      const at = waiting.indexOf(e);
      if (at >= 0) drop(waiting.splice(at, 1)[0]);
      else e.controller.abort();
      return true;
    },
  };
}
