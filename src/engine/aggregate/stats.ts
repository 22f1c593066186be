// SQL for the statistics of a cell. Values are cast to DOUBLE first so small integer
// and DECIMAL columns sum without overflow and every statistic comes back as a double;
// medians and percentiles are DuckDB's quantile_cont (linear interpolation).
import type { AggregateStat, ColumnInfo } from '../protocol';
import { ident } from '../sql';

export const STATS: readonly AggregateStat[] = ['count', 'sum', 'mean', 'median', 'min', 'max', 'p90', 'distinct'];

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

/** The aggregate expression of a statistic over the value expression `v` (a column of the subquery). */
export function statSql(stat: AggregateStat, v: string | null): string {
  switch (stat) {
    case 'count':
      return 'count(*)::DOUBLE';
    case 'distinct':
      return `count(DISTINCT ${v})::DOUBLE`;
    case 'sum':
      return `sum(${v})`;
    case 'mean':
      return `avg(${v})`;
    case 'median':
      return `quantile_cont(${v}, 0.5)`;
    case 'p90':
      return `quantile_cont(${v}, 0.9)`;
    case 'min':
      return `min(${v})`;
    case 'max':
      return `max(${v})`;
  }
}

/** The value expression selected into the subquery: numeric columns as DOUBLE, others raw (distinct). */
export function valueSql(stat: AggregateStat, col: ColumnInfo | null): string | null {
  if (!col) return null;
  return stat === 'distinct' ? ident(col.name) : `CAST(${ident(col.name)} AS DOUBLE)`;
}

/** Whether a statistic adds up over space, so "per km²" and "per 1,000 residents" mean something. */
export function isAdditive(stat: AggregateStat): boolean {
  return stat === 'count' || stat === 'sum' || stat === 'distinct';
}
