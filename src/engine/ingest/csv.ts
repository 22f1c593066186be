// CSV/TSV → DuckDB with DuckDB's own reader (core, works offline): it sniffs the
// delimiter, header and column types. The bytes are registered as a virtual file.
import type { DuckDBBindings, DuckDBConnection } from '../duckdb-types';
import { ident, str } from '../sql';

let counter = 0;

export function ingestCsv(
  db: DuckDBBindings,
  conn: DuckDBConnection,
  table: string,
  fileName: string,
  bytes: Uint8Array,
): number {
  if (bytes.byteLength === 0) throw new Error(`${fileName} is empty`);
  const virtual = `citylens_upload_${++counter}.csv`;
  db.registerFileBuffer(virtual, bytes);
  try {
    conn.query(
      `CREATE TABLE ${ident(table)} AS SELECT * FROM read_csv(${str(virtual)}, sample_size = 20480, normalize_names = false)`,
    );
  } catch (err) {
    throw new Error(`${fileName} could not be read as CSV: ${(err as Error).message}`);
  } finally {
    db.dropFile(virtual);
  }
  return Number(conn.query(`SELECT count(*)::BIGINT FROM ${ident(table)}`).getChildAt(0)!.get(0));
}
