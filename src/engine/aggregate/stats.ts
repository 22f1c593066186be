// The statistics a cell can report, and which of them the typed-array kernels reduce
// (reduce.ts); the SQL expressions are in sql/stats.ts.
import type { AggregateFilter, AggregateStat, ColumnInfo } from '../protocol';
import { checkFilter } from './filters';
import { EngineError } from '../engine-error';

/** Every statistic, in the order the CLI lists them. */
export const STATS: readonly AggregateStat[] = ['count', 'sum', 'mean', 'median', 'min', 'max', 'p90', 'distinct', 'share'];

/** Whether `s` names a statistic. */
export function isStat(s: string): s is AggregateStat {
  return (STATS as readonly string[]).includes(s);
}

/** Check the statistic/value pair against the dataset's columns; returns the value column or null. */
export function checkStat(stat: AggregateStat, value: string | undefined, columns: ColumnInfo[]): ColumnInfo | null {
  if (!isStat(stat)) throw new EngineError('unknown-statistic', { stat, expected: STATS.join(', ') });
  if (stat === 'count' || stat === 'share') {
    // A share reads its condition's column (checkShare), not a value column.
    if (value === undefined || stat === 'share') return null;
  } else if (value === undefined) {
    throw new EngineError('statistic-needs-value', { stat });
  }
  const col = columns.find((c) => c.name === value);
  if (!col) throw new EngineError('no-such-column', { column: value });
  if (stat !== 'distinct' && stat !== 'count' && col.kind !== 'number') {
    throw new EngineError('statistic-needs-number', { stat, column: value, type: col.type });
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

/** Check a share's condition (a range or in filter on a column); returns its column, or null when the stat is not a share. */
export function checkShare(stat: AggregateStat, share: AggregateFilter | undefined, columns: ColumnInfo[]): ColumnInfo | null {
  if (stat !== 'share') return null;
  if (!share) throw new EngineError('share-needs-condition');
  if (share.kind === 'bbox') throw new EngineError('share-condition-bbox');
  return checkFilter(share, columns);
}
