// A console result's rows for the table: the engine sends them as an Arrow IPC stream of
// text columns (DuckDB's own text of every value, NULL as null); this reads one cell at a
// time, so only the rows on screen are ever turned into strings.
import { tableFromIPC } from 'apache-arrow';
import type { ConsoleColumn } from '../../engine/protocol';

export interface ResultRows {
  columns: ConsoleColumn[];
  rows: number;
  /** The text of row r, column c; null for NULL. */
  cell(r: number, c: number): string | null;
}

export function resultRows(columns: ConsoleColumn[], ipc: Uint8Array): ResultRows {
  if (ipc.byteLength === 0) return { columns, rows: 0, cell: () => null };
  const table = tableFromIPC(ipc);
  const vectors = columns.map((_, c) => table.getChildAt(c));
  return {
    columns,
    rows: table.numRows,
    cell(r, c) {
      const v = vectors[c]?.get(r) as unknown;
      return v === null || v === undefined ? null : String(v);
    },
  };
}
