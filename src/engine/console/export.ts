// The last console result as a file, every row: CSV written from DuckDB's own text of
// each value (so numbers and dates read the same in every locale: a point for decimals,
// ISO dates), or Parquet written by parquet-wasm from DuckDB's Arrow output (never COPY,
// which would write to a file system the browser does not have). 64-bit integers whose
// values a double cannot hold go to Parquet as text, so no digit is lost.
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import type { ConsoleExport, ConsoleExportRequest } from '../protocol';
import { textRowsSql } from '../sql';
import { concat, runPending } from './pending';
import { typedColumnsSql } from './typed-columns';
import type { ConsoleSession, LastResult } from './session';
import { EngineError } from '../engine-error';


/** A CSV field: quoted when it holds a delimiter, quote or line break (RFC 4180); NULL is empty. */
export function csvField(v: string | null): string {
  if (v === null) return '';
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** CSV lines (CRLF-ended, RFC 4180) of text columns, row by row. */
function csvLines(columns: string[], get: (c: number, row: number) => string | null, rows: number): string {
  let out = '';
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns.length; c++) out += (c ? ',' : '') + csvField(get(c, r));
    out += '\r\n';
  }
  return out;
}

/** Every row of the last result as CSV bytes (UTF-8), header first. */
async function csvBytes(session: ConsoleSession, last: LastResult, signal: AbortSignal): Promise<Uint8Array> {
  const names = last.columns.map((c) => c.name);
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [encoder.encode(csvLines(names, (c) => names[c], 1))];
  const add = (ipc: Uint8Array) => {
    const t = tableFromIPC(ipc);
    const vectors = names.map((_, i) => t.getChildAt(i)!);
    parts.push(encoder.encode(csvLines(names, (c, r) => vectors[c].get(r) as string | null, t.numRows)));
  };
  if ('ipc' in last.source) add(last.source.ipc);
  else await runPending(session.connection(), textRowsSql(last.source.table, last.rows), { signal, onBatch: add });
  return concat(parts);
}

/** Every row of the last result as Parquet bytes (zstd), through parquet-wasm. */
async function parquetBytes(session: ConsoleSession, last: LastResult, signal: AbortSignal): Promise<Uint8Array> {
  let ipc: Uint8Array;
  if ('ipc' in last.source) ipc = last.source.ipc;
  else {
    const conn = session.connection();
    const { table } = last.source;
    const sql = typedColumnsSql(conn, table, last.columns);
    // Re-encoded by apache-arrow: one stream with its end marker, as parquet-wasm reads it.
    ipc = tableToIPC(tableFromIPC((await runPending(conn, sql, { signal }))!), 'stream');
  }
  return writeParquetBytes(session, ipc);
}

/** Arrow IPC stream bytes → Parquet bytes with parquet-wasm, with optional key-value metadata (GeoParquet's "geo"). */
export function writeParquetBytes(session: ConsoleSession, ipc: Uint8Array, metadata?: Map<string, string>): Uint8Array {
  const pq = session.engine.parquetModule;
  let builder = new pq.WriterPropertiesBuilder().setCompression(pq.Compression.ZSTD);
  if (metadata) builder = builder.setKeyValueMetadata(metadata);
  return pq.writeParquet(pq.Table.fromIPCStream(ipc), builder.build());
}

/** The last result as a file; throws when there is none. */
export async function exportResult(session: ConsoleSession, request: ConsoleExportRequest, signal: AbortSignal): Promise<ConsoleExport> {
  const last = session.last;
  if (!last) throw new EngineError('console-nothing-to-export');
  const bytes = request.format === 'csv' ? await csvBytes(session, last, signal) : await parquetBytes(session, last, signal);
  return { bytes, fileName: `sql-console-${session.runs}.${request.format}`, rows: last.rows };
}
