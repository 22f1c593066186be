// The statistics a cell can report, and which of them the typed-array kernels reduce
// (reduce.ts); the SQL expressions are in sql/stats.ts.
import type { AggregateStat, ColumnInfo } from '../protocol';

/** Every statistic, in the order the CLI lists them. */
export const STATS: readonly AggregateStat[] = ['count', 'sum', 'mean', 'median', 'min', 'max', 'p90', 'distinct'];

/** Whether `s` names a statistic. */
export function isStat(s: string): s is AggregateStat {
  return (STATS as readonly string[]).includes(s);
}

/** Check the statistic/value pair against the dataset's columns; returns the value column or null. */
export function checkStat(stat: AggregateStat, value: string | undefined, columns: ColumnInfo[]): ColumnInfo | null {
  if (!isStat(stat)) throw new Error(`unknown statistic "${stat}" (expected ${STATS.join(', ')})`);
  if (stat === 'count') {
    if (value === undefined) return null;
  } else if (value === undefined) {
    throw new Error(`the statistic "${stat}" needs a value column`);
  }
  const col = columns.find((c) => c.name === value);
  if (!col) throw new Error(`no column named "${value}"`);
  if (stat !== 'distinct' && stat !== 'count' && col.kind !== 'number') {
    throw new Error(`the statistic "${stat}" needs a numeric column; "${value}" is ${col.type}`);
  }
  return col;
}

/** Whether a statistic adds up over space, so "per km²" and "per 1,000 residents" mean something. */
export function isAdditive(stat: AggregateStat): boolean {
  return stat === 'count' || stat === 'sum' || stat === 'distinct';
}

/** Statistics a typed-array kernel reduces exactly as DuckDB does; the others (quantiles, distinct) run in SQL. */
export type KernelStat = 'count' | 'sum' | 'mean' | 'min' | 'max';

/** Whether the typed-array kernels reduce this statistic. */
export function isKernelStat(stat: AggregateStat): stat is KernelStat {
  return stat === 'count' || stat === 'sum' || stat === 'mean' || stat === 'min' || stat === 'max';
}
