// The statistic of a cell as a DuckDB aggregate. Values are cast to DOUBLE first so
// small integer and DECIMAL columns sum without overflow and every statistic comes back
// as a double; medians and percentiles are DuckDB's quantile_cont (linear interpolation).
import type { AggregateStat, ColumnInfo } from '../protocol';
import { ident } from './core';

/** The aggregate expression of a statistic over the value expression `v` (a column of the subquery). */
export function statExpr(stat: AggregateStat, v: string | null): string {
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
    case 'share':
      // The value is the 1/0/NULL indicator of shareIndicator: its mean is the share.
      return `avg(${v})`;
  }
}

/** The value expression a statistic reads: numeric columns as DOUBLE, any column raw for distinct. */
export function valueExpr(stat: AggregateStat, col: ColumnInfo | null): string | null {
  if (!col) return null;
  return stat === 'distinct' ? ident(col.name) : `CAST(${ident(col.name)} AS DOUBLE)`;
}

/**
 * A share's per-row indicator: 1.0 where the row matches `condition` (SQL on `column`),
 * 0.0 where it does not, NULL where the column is NULL, so those rows leave the denominator.
 */
export function shareIndicator(column: string, condition: string): string {
  return `CASE WHEN ${ident(column)} IS NULL THEN NULL WHEN ${condition} THEN 1.0 ELSE 0.0 END`;
}
