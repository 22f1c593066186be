// The two windows of a before/after comparison: on the column's own clock in SQL, or, with
// a display zone or rhythm filters, decided per row in JS (src/engine/time) as a positional
// table, with each window's length counting only the hours the filters keep.
import type { DuckDBConnection } from '../duckdb-types';
import type { CompareRequest, DatasetInfo } from '../protocol';
import type { CompareCells } from './compare-cells';
import type { RowStore } from './row-store';
import { TIME_BIN_COLUMN, epochMsLiteral, type CompareWindows } from '../sql';
import { filteredMs } from '../time';
import { compareWindows } from './compare-cells';
import { insertColumns } from './arrow-io';
import { readTimeRows } from './time-rows';
import { EngineError } from '../engine-error';

/** Windows as the comparison query takes them; `table` (when set) is the caller's to drop. */
export interface ComparisonWindows {
  ms: CompareCells['windowsMs'];
  windows: CompareWindows;
  sql: string[];
  table: string | undefined;
  filteredDays: CompareCells['filteredDays'];
}

/** Windows on the column's own clock, in SQL (no display zone, no rhythm filters). */
export function plainWindows(req: CompareRequest, t: string): ComparisonWindows {
  const w = compareWindows(req, t);
  return { ms: w.ms, windows: w.sql, sql: [], table: undefined, filteredDays: undefined };
}

/** Windows in the display zone with rhythm filters: each row's window (0, 1, −1) in the new table `table`. */
export function zonedWindows(conn: DuckDBConnection, info: DatasetInfo, req: CompareRequest, t: string, store: RowStore, table: string): ComparisonWindows {
  if (!req.before || !req.after) throw new EngineError('compare-needs-windows');
  const read = (p: CompareRequest['before']) => readTimeRows(info, { ...req.time, from: p.from, to: p.to }, undefined, store);
  const b = read(req.before), a = read(req.after);
  const [wb, wa] = [b.rows.windowMs, a.rows.windowMs];
  if (wb[0] < wa[1] && wa[0] < wb[1]) throw new EngineError('compare-windows-overlap');
  const w = new Int32Array(b.rows.keep.length);
  for (let i = 0; i < w.length; i++) w[i] = b.rows.keep[i] ? 0 : a.rows.keep[i] ? 1 : -1;
  insertColumns(conn, table, { [TIME_BIN_COLUMN]: w });
  const z = b.rows.display;
  const days = (x: [number, number]) => filteredMs(x[0], x[1], z, req.time.hours, req.time.days) / 86_400_000;
  const lit = ([x, y]: [number, number]): [string, string] => [epochMsLiteral(x), epochMsLiteral(y)];
  return { ms: { before: wb, after: wa }, windows: { t, before: lit(wb), after: lit(wa) }, sql: [b.sql], table, filteredDays: { before: days(wb), after: days(wa) } };
}
