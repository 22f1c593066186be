// A statement run through DuckDB's pending-query API: DuckDB works in slices (its query
// polling interval, 100 ms by default) and the worker's message loop gets a turn between
// them, so a cancel message arrives while the statement runs. The blocking build offers
// no other way in: a slice itself cannot be interrupted, and terminating the worker would
// lose every loaded dataset.
import { tableFromIPC, type Table } from 'apache-arrow';
import type { DuckDBConnection } from '../duckdb-types';
import { abortError } from '../abort';

/** Give the message loop a turn: a timer task runs after the messages already waiting. */
export const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Work done between two turns of the message loop while record batches are read. */
const BATCH_SLICE_MS = 50;

/** The rejection of a statement stopped by its signal. */
export const cancelledStatement = () => abortError('console-run request: cancelled');

/** How a pending statement is run. */
export interface PendingOptions {
  signal: AbortSignal;
  /** Awaited between slices and batches (default: one timer task). */
  yieldNow?: () => Promise<void>;
  /**
   * Called with each record batch as a decodable Arrow IPC stream (schema + batch), as
   * DuckDB streams it; the answer is then null. Without it the whole result is returned.
   */
  onBatch?: (ipc: Uint8Array) => void;
}

/**
 * Run `sql` on `conn`, polling between slices; when the signal aborts, DuckDB is told
 * to cancel and this rejects with an AbortError. DuckDB's own errors reject with its
 * message. Answers the result as one Arrow IPC stream (null with `onBatch`).
 */
export async function runPending(conn: DuckDBConnection, sql: string, options: PendingOptions): Promise<Uint8Array | null> {
  const { signal, onBatch } = options;
  const yieldNow = options.yieldNow ?? nextTask;
  if (signal.aborted) throw cancelledStatement();
  return conn.useUnsafe(async (bindings, id) => {
    const turn = async () => {
      await yieldNow();
      if (signal.aborted) {
        bindings.cancelPendingQuery(id);
        throw cancelledStatement();
      }
    };
    let header = bindings.startPendingQuery(id, sql, onBatch !== undefined);
    while (header === null) {
      await turn();
      header = bindings.pollPendingQuery(id);
    }
    // The header is the schema; the record batches follow, and an empty buffer ends them.
    const parts: Uint8Array[] = [header];
    let lastTurn = performance.now();
    for (;;) {
      const batch = bindings.fetchQueryResults(id);
      if (batch === null) {
        await turn();
        continue;
      }
      if (batch.length === 0) break;
      if (onBatch) onBatch(concat([header, batch]));
      else parts.push(batch);
      // A timer task costs up to 4 ms in a browser: batches yield every BATCH_SLICE_MS.
      if (performance.now() - lastTurn > BATCH_SLICE_MS) {
        await turn();
        lastTurn = performance.now();
      }
    }
    return onBatch ? null : concat(parts);
  });
}

/** runPending's whole result as an apache-arrow Table. */
export async function runPendingTable(conn: DuckDBConnection, sql: string, options: Omit<PendingOptions, 'onBatch'>): Promise<Table> {
  return tableFromIPC((await runPending(conn, sql, options))!);
}

/** The bytes of `parts`, one after another. */
export function concat(parts: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.byteLength;
  const out = new Uint8Array(n);
  n = 0;
  for (const p of parts) {
    out.set(p, n);
    n += p.byteLength;
  }
  return out;
}
