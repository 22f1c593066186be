// Arrow in and out of DuckDB. Everything the engine builds in JS enters DuckDB as an
// Arrow IPC stream (insertArrowTable silently creates nothing with some arrow versions),
// and .arrow/.arrows files are inserted directly after apache-arrow has validated them.
import { Float64, Table, makeData, makeVector, tableFromIPC, tableToIPC, type Vector } from 'apache-arrow';
import type { DuckDBConnection } from '../duckdb-types';
import { fail } from './errors';

/** Insert a JS-built Arrow table as a new DuckDB table. */
export function insertTable(conn: DuckDBConnection, name: string, table: Table): void {
  conn.insertArrowFromIPCStream(tableToIPC(table, 'stream'), { name, create: true });
}

/** A DOUBLE vector with NULL where the value is NaN (DuckDB keeps NaN as a number otherwise). */
export function float64WithNulls(values: Float64Array): Vector<Float64> {
  const n = values.length;
  const bitmap = new Uint8Array((n + 7) >> 3);
  let nulls = 0;
  for (let i = 0; i < n; i++) {
    if (values[i] === values[i]) bitmap[i >> 3] |= 1 << (i & 7);
    else nulls++;
  }
  return makeVector(
    makeData({ type: new Float64(), length: n, nullCount: nulls, data: values, nullBitmap: nulls ? bitmap : undefined }),
  );
}

/**
 * An Arrow file (ARROW1 magic) or stream, parsed with apache-arrow so damaged bytes are
 * refused here with a plain message instead of inside DuckDB.
 */
export function readArrow(fileName: string, bytes: Uint8Array): Table {
  let table: Table;
  try {
    table = tableFromIPC(bytes);
  } catch (err) {
    throw fail(fileName, 'arrow-unreadable', { detail: (err as Error).message });
  }
  if (table.schema.fields.length === 0) throw fail(fileName, 'arrow-no-columns');
  // A truncated stream can parse as fewer batches; the file format's footer would catch it.
  for (const f of table.schema.fields) {
    const col = table.getChild(f.name);
    if (!col) throw fail(fileName, 'arrow-column-no-data', { column: f.name });
  }
  return table;
}

/** Insert a parsed Arrow file/stream as it is (file format is rewritten as a stream). */
export function ingestArrow(conn: DuckDBConnection, tableName: string, fileName: string, bytes: Uint8Array, table: Table): void {
  const isStream = !(bytes[0] === 0x41 && bytes[1] === 0x52 && bytes[2] === 0x52 && bytes[3] === 0x4f); // "ARRO"
  const ipc = isStream ? bytes : tableToIPC(table, 'stream');
  try {
    conn.insertArrowFromIPCStream(ipc, { name: tableName, create: true });
  } catch (err) {
    throw fail(fileName, 'arrow-insert-failed', { detail: (err as Error).message });
  }
}
