// The inputs of a before/after comparison, checked: the two windows as epoch ms and SQL
// literals, the unit, and the per-cell, per-window moments the aggregator returns.
import type { AggregateStat, ColumnInfo, CompareRequest, CompareUnit, Period } from '../protocol';
import type { EngineMessage } from '../messages';
import type { BoundScheme, CellTable } from './cell-scheme';
import { epochMsLiteral, type CompareUnitSql, type CompareWindows } from '../sql';
import { findColumn } from './filters';
import { EngineError } from '../engine-error';

/** Per cell (C entries) of one window: rows, values (or units), their mean, sample variance and sum, and the statistic. */
export interface WindowMoments {
  rows: Float64Array;
  n: Float64Array;
  mean: Float64Array;
  variance: Float64Array;
  sum: Float64Array;
  value: Float64Array;
}

/** What Aggregator.compareCells returns, per cell of the assignment. */
export interface CompareCells {
  stat: AggregateStat;
  value: string | null;
  bound: BoundScheme;
  cells: CellTable;
  before: WindowMoments;
  after: WindowMoments;
  /** [from, to) of each window, epoch ms. */
  windowsMs: { before: [number, number]; after: [number, number] };
  /** Earliest and latest instant of the time column over all rows; null when it has none. */
  extentMs: [number, number] | null;
  /** With rhythm filters: each window's length counting only the hours they keep, in days. */
  filteredDays?: { before: number; after: number };
  rowsPerPosition: number;
  sql: string;
  method: EngineMessage;
  /** Whether the point → cell assignment was reused, and how long making or finding it took. */
  cached: boolean;
  assignMs: number;
  t0: number;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?$/;

/** An instant of a window (its start or end) as epoch ms: a number, or ISO date/time text read on the column's own clock. */
export function instantMs(v: string | number, window: 'before' | 'after', edge: 'start' | 'end'): number {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new EngineError('window-instant-not-time', { window, edge, value: String(v) });
    return v;
  }
  const m = ISO.exec(v.trim());
  if (!m) throw new EngineError('window-instant-not-iso', { window, edge, value: v });
  const [, y, mo, d, h = '0', mi = '0', s = '0', ms = '0'] = m;
  const t = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, +ms.padEnd(3, '0'));
  const back = new Date(t);
  if (back.getUTCDate() !== +d || back.getUTCMonth() !== +mo - 1 || +h > 23 || +mi > 59 || +s > 59) {
    throw new EngineError('window-instant-not-real', { window, edge, value: v });
  }
  return t;
}

function period(p: Period, name: 'before' | 'after'): [number, number] {
  const from = instantMs(p.from, name, 'start');
  const to = instantMs(p.to, name, 'end');
  if (!(from < to)) throw new EngineError('compare-window-reversed', { window: name, from: String(p.from), to: String(p.to) });
  return [from, to];
}

/** Both windows checked (each non-empty, not overlapping), as ms and as SQL on `t`. */
export function compareWindows(req: Pick<CompareRequest, 'before' | 'after'>, t: string): { ms: CompareCells['windowsMs']; sql: CompareWindows } {
  if (!req.before || !req.after) throw new EngineError('compare-needs-windows');
  const before = period(req.before, 'before');
  const after = period(req.after, 'after');
  if (before[0] < after[1] && after[0] < before[1]) throw new EngineError('compare-windows-overlap');
  const lit = ([a, b]: [number, number]): [string, string] => [epochMsLiteral(a), epochMsLiteral(b)];
  return { ms: { before, after }, sql: { t, before: lit(before), after: lit(after) } };
}

const UNIT_BINS = ['hour', 'day', 'week', 'month'] as const;

/** The unit checked against the columns, as SQL parts; null when there is none. */
export function compareUnit(columns: ColumnInfo[], unit: CompareUnit | undefined): CompareUnitSql | null {
  if (!unit) return null;
  findColumn(columns, unit.column);
  if (unit.bin !== undefined && !UNIT_BINS.includes(unit.bin)) throw new EngineError('unknown-unit-bin', { bin: String(unit.bin), expected: UNIT_BINS.join(', ') });
  return { column: unit.column, bin: unit.bin ?? null };
}
