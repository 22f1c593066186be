// Per-feature columns of a dataset, in feature order: values for choropleths, names for
// tooltips.
import { ident, select } from './core';

function orderBy(order: string | null): string {
  return order ? `ORDER BY ${ident(order)}` : '';
}

/** A numeric column as DOUBLE, column v, ordered by the `order` column (else table order). */
export function columnValuesSql(table: string, column: string, order: string | null): string {
  return select([`${ident(column)}::DOUBLE AS v`], ident(table), orderBy(order));
}

/** A column as text, column n, ordered by the `order` column (else table order). */
export function featureNamesSql(table: string, column: string, order: string | null): string {
  return select([`${ident(column)}::VARCHAR AS n`], ident(table), orderBy(order));
}
