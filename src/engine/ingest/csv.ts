// CSV/TSV → DuckDB with DuckDB's own reader (core, works offline): it sniffs the
// delimiter (comma, tab, semicolon, pipe), header and column types. The bytes are
// registered as a virtual file. Checks that DuckDB would answer obscurely (or not at
// all) are done first: empty, binary, header-only.
import type { DuckDBBindings, DuckDBConnection } from '../duckdb-types';
import { createTableAsSql, dropTableSql, readCsvSql, rowCountSql, sniffCsvSql } from '../sql';
import { message, type EngineMessage } from '../messages';
import { fail } from './errors';

let counter = 0;

export interface CsvIngest {
  rows: number;
  delimiter: string;
  header: boolean;
  warnings: EngineMessage[];
}

function isBlank(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

/** Index just past the first line break outside quotes, or -1 if the text is one line. */
function endOfFirstLine(bytes: Uint8Array): number {
  let quoted = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x22) quoted = !quoted;
    else if (b === 0x0a && !quoted) return i + 1;
  }
  return -1;
}

/** windows-1252/latin-1 text (common in older exports) re-encoded as UTF-8. */
function latin1ToUtf8(bytes: Uint8Array): Uint8Array {
  return new TextEncoder().encode(new TextDecoder('windows-1252').decode(bytes));
}

export function checkCsvBytes(fileName: string, bytes: Uint8Array): void {
  let last = bytes.length;
  while (last > 0 && isBlank(bytes[last - 1])) last--;
  if (last === 0) throw fail(fileName, 'file-empty');
  const head = bytes.subarray(0, Math.min(bytes.length, 8192));
  if (head.includes(0)) throw fail(fileName, 'csv-binary');
  const eol = endOfFirstLine(bytes.subarray(0, last));
  if (eol < 0 || eol >= last) throw fail(fileName, 'csv-no-rows');
}

export function ingestCsv(
  db: DuckDBBindings,
  conn: DuckDBConnection,
  table: string,
  fileName: string,
  bytes: Uint8Array,
  options: { delimiter?: string } = {},
): CsvIngest {
  checkCsvBytes(fileName, bytes);
  const warnings: EngineMessage[] = [];
  const virtual = `citylens_upload_${++counter}.csv`;
  const read = (data: Uint8Array, sample: number) => {
    db.registerFileBuffer(virtual, data);
    try {
      conn.query(createTableAsSql(table, readCsvSql(virtual, { sampleSize: sample, delimiter: options.delimiter })));
      const s = conn.query(sniffCsvSql(virtual, sample)).toArray()[0]?.toJSON() as
        | { d: string; h: boolean }
        | undefined;
      return { delimiter: options.delimiter ?? s?.d ?? ',', header: s?.h ?? true };
    } finally {
      db.dropFile(virtual);
    }
  };
  let sniffed: { delimiter: string; header: boolean };
  try {
    try {
      sniffed = read(bytes, 20480);
    } catch (err) {
      const msg = (err as Error).message;
      conn.query(dropTableSql(table));
      if (/unicode|utf-?8/i.test(msg)) {
        sniffed = read(latin1ToUtf8(bytes), 20480);
        warnings.push(message('csv-not-utf8'));
      } else if (/convert|cast|type/i.test(msg)) {
        // A value late in the file did not fit the type sniffed from the first rows: sniff all rows.
        sniffed = read(bytes, -1);
      } else throw err;
    }
  } catch (err) {
    conn.query(dropTableSql(table));
    const first = String((err as Error).message).split('\n')[0];
    throw fail(fileName, 'csv-unreadable', { detail: first });
  }
  const rows = Number(conn.query(rowCountSql(table)).getChildAt(0)!.get(0));
  if (rows === 0) throw fail(fileName, 'csv-no-rows');
  return { rows, ...sniffed, warnings };
}
