// The statements of a before/after comparison (issue 11): per cell and window, the rows,
// the values' count, mean, sample variance and sum, and the statistic; optionally over
// one value per unit (e.g. station and day) first. Read over the cached per-row cell
// table with a POSITIONAL JOIN, as aggregate.ts's reduction is.
import type { AggregateStat } from '../protocol';
import { ident, select, str, where } from './core';
import { CELL_COLUMN, TIME_BIN_COLUMN, rowValueExpr, type QueryParts } from './aggregate';
import { statExpr } from './stats';

/** Two half-open windows on the timestamp expression `t`, as SQL literals. */
export interface CompareWindows {
  t: string;
  before: [string, string];
  after: [string, string];
}

/** A unit: its column, and the bin of `t` (a date_trunc part) or null for the whole window. */
export interface CompareUnitSql {
  column: string;
  bin: string | null;
}

const inWindow = (t: string, [from, to]: [string, string]) => `${t} >= ${from} AND ${t} < ${to}`;

/** The statistic over one unit's rows: a count counts rows, every other statistic reads the values. */
function unitValue(stat: AggregateStat): string {
  return stat === 'count' ? 'count(*)::DOUBLE' : `${statExpr(stat, '__v')}::DOUBLE`;
}

/**
 * Per cell (column __cell) and window (__w: 0 before, 1 after): __rows (rows), __n (values,
 * or units), __mean, __var (var_samp), __sum and __value (the statistic; with units the mean
 * of the unit values). Rows outside both windows are left out.
 */
export function compareCellsQuery(parts: QueryParts, cellTable: string, w: CompareWindows, unit: CompareUnitSql | null, windowTable?: string): string {
  const v = rowValueExpr(parts);
  let from = `${ident(parts.table)} POSITIONAL JOIN ${ident(cellTable)}`;
  let window = `CASE WHEN ${inWindow(w.t, w.before)} THEN 0 WHEN ${inWindow(w.t, w.after)} THEN 1 END AS __w`;
  if (windowTable) {
    // Windows in the display zone with rhythm filters, decided per row in JS (src/engine/time): 0, 1 or −1.
    from += ` POSITIONAL JOIN ${ident(windowTable)}`;
    window = `CASE WHEN ${ident(TIME_BIN_COLUMN)} >= 0 THEN ${ident(TIME_BIN_COLUMN)} END AS __w`;
  }
  const cols = [`${ident(CELL_COLUMN)} AS __cell`, window, `${v ?? 'NULL::DOUBLE'} AS __v`];
  if (unit) cols.push(`${ident(unit.column)} AS __unit`, unit.bin ? `date_trunc(${str(unit.bin)}, ${w.t}) AS __bin` : 'NULL AS __bin');
  const rows = select(cols, from, where(parts.conditions));
  const tail = ['GROUP BY __cell, __w', 'ORDER BY __cell, __w'];
  if (!unit) {
    const value = parts.stat === 'count' ? 'count(*)::DOUBLE' : `${statExpr(parts.stat, '__v')}::DOUBLE`;
    const stats = [
      '__cell',
      '__w',
      'count(*)::DOUBLE AS __rows',
      'count(__v)::DOUBLE AS __n',
      'avg(__v)::DOUBLE AS __mean',
      'var_samp(__v)::DOUBLE AS __var',
      'sum(__v)::DOUBLE AS __sum',
      `${value} AS __value`,
    ];
    return [`WITH rows AS (\n${rows}\n)`, select(stats, 'rows', 'WHERE __w IS NOT NULL', ...tail)].join('\n');
  }
  const units = select(
    ['__cell', '__w', 'count(*)::DOUBLE AS __urows', `${unitValue(parts.stat)} AS __u`],
    'rows',
    'WHERE __w IS NOT NULL',
    'GROUP BY __cell, __w, __unit, __bin',
  );
  const stats = [
    '__cell',
    '__w',
    'sum(__urows)::DOUBLE AS __rows',
    'count(__u)::DOUBLE AS __n',
    'avg(__u)::DOUBLE AS __mean',
    'var_samp(__u)::DOUBLE AS __var',
    'sum(__u)::DOUBLE AS __sum',
    'avg(__u)::DOUBLE AS __value',
  ];
  return [`WITH rows AS (\n${rows}\n),`, `units AS (\n${units}\n)`, select(stats, 'units', ...tail)].join('\n');
}

/** Earliest and latest instant of the timestamp expression `t` over every row, epoch ms: columns t0, t1. */
export function timeExtentQuery(table: string, t: string): string {
  return select([`epoch_ms(min(${t}))::DOUBLE AS t0`, `epoch_ms(max(${t}))::DOUBLE AS t1`], ident(table));
}
