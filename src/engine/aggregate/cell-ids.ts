// The ids of an assignment's cells as a DuckDB table, so a method's SQL can name each
// cell the way the map does: grid and hexagon cells by column and row, H3 cells by
// their index, districts by feature number and name ("outside" has neither).
import { Int32, Table, Utf8, makeVector, vectorFromArray, type Vector } from 'apache-arrow';
import type { DuckDBConnection } from '../duckdb-types';
import type { CellKind, CellTable } from './cell-scheme';
import { CELL_COLUMN } from '../sql';
import { insertTable } from '../ingest/arrow';
import { h3At } from './h3';

/** Create `table` with one row per cell: CELL_COLUMN (0..C-1) and the id columns; answers them. */
export function cellIdsTable(
  conn: DuckDBConnection,
  table: string,
  kind: CellKind,
  cells: CellTable,
  names: readonly (string | null)[] | null,
): { table: string; columns: string[] } {
  const n = cells.count;
  const index = Int32Array.from({ length: n }, (_, c) => c);
  const columns: Record<string, Vector> = { [CELL_COLUMN]: makeVector(index) };
  if (kind === 'h3') {
    columns.h3 = vectorFromArray(Array.from({ length: n }, (_, c) => h3At(cells.h3 ?? new Uint32Array(0), c)), new Utf8());
  } else if (kind === 'grid' || kind === 'hexagon') {
    columns.col = makeVector(Int32Array.from({ length: n }, (_, c) => cells.ids[2 * c]));
    columns.row = makeVector(Int32Array.from({ length: n }, (_, c) => cells.ids[2 * c + 1]));
  } else {
    columns.feature = vectorFromArray(Array.from({ length: n }, (_, c) => (cells.ids[c] >= 0 ? cells.ids[c] : null)), new Int32());
    if (names) columns.name = vectorFromArray(Array.from({ length: n }, (_, c) => names[c] ?? null), new Utf8());
  }
  insertTable(conn, table, new Table(columns));
  return { table, columns: Object.keys(columns).filter((c) => c !== CELL_COLUMN) };
}
