// Queries a load runs on a new table: CSV reading and sniffing, joining computed
// columns back by position, sampling text, and the extent of coordinate columns.
import { ident, num, select, str } from './core';
import { positionInRange } from './position';

/** `SELECT t.*, e.* …`: the rows of `table` with the columns of `extra` beside them, row by row. */
export function positionalJoinSql(table: string, extra: string): string {
  return `SELECT t.*, e.* FROM ${ident(table)} t POSITIONAL JOIN ${ident(extra)} e`;
}

/** How DuckDB's CSV reader is told to read: rows sniffed for types (-1: all), a delimiter if known. */
export interface CsvReadOptions {
  sampleSize: number;
  delimiter?: string;
}

/** Every row of a registered CSV file, column names as written (not normalised). */
export function readCsvSql(file: string, options: CsvReadOptions): string {
  const opts = [`sample_size = ${num(options.sampleSize)}`, 'normalize_names = false'];
  if (options.delimiter) opts.push(`delim = ${str(options.delimiter)}`);
  return `SELECT * FROM read_csv(${str(file)}, ${opts.join(', ')})`;
}

/** What DuckDB's sniffer finds in a registered CSV file: delimiter d, header h. */
export function sniffCsvSql(file: string, sampleSize: number): string {
  return `SELECT Delimiter AS d, HasHeader AS h FROM sniff_csv(${str(file)}, sample_size = ${num(sampleSize)})`;
}

/** `NULLIF(trim(c), '')`: a text column's value, NULL when blank. */
export function nonBlankText(column: string): string {
  return `NULLIF(trim(${ident(column)}), '')`;
}

/** Up to `limit` trimmed non-blank values of a text column, as column v, in table order. */
export function textSampleSql(table: string, column: string, limit: number): string {
  return select([`trim(${ident(column)}) AS v`], ident(table), `WHERE ${nonBlankText(column)} IS NOT NULL`, `LIMIT ${num(limit)}`);
}

/** Every value of a column as text, column v, in table order. */
export function textValuesSql(table: string, column: string): string {
  return select([`${ident(column)}::VARCHAR AS v`], ident(table));
}

/** Every row's coordinate pair as DOUBLE, columns x and y, in table order. */
export function coordinateValuesSql(table: string, x: string, y: string): string {
  return select([`${ident(x)}::DOUBLE AS x`, `${ident(y)}::DOUBLE AS y`], ident(table));
}

/**
 * One pass over two coordinate columns: the extent of usable lon/lat positions (x0, y0,
 * x1, y1), how many rows are usable (valid) or not (invalid), and of the finite pairs
 * those outside ±180/±90 (outside) with one example (ex, ey).
 */
export function coordinateExtentSql(table: string, lon: string, lat: string): string {
  const x = ident(lon);
  const y = ident(lat);
  const ok = positionInRange(lon, lat);
  const out = `isfinite(${x}) AND isfinite(${y}) AND (abs(${x}) > 180 OR abs(${y}) > 90)`;
  return select(
    [
      `min(${x}) FILTER (WHERE ${ok})::DOUBLE AS x0`,
      `min(${y}) FILTER (WHERE ${ok})::DOUBLE AS y0`,
      `max(${x}) FILTER (WHERE ${ok})::DOUBLE AS x1`,
      `max(${y}) FILTER (WHERE ${ok})::DOUBLE AS y1`,
      `count(*) FILTER (WHERE ${ok})::DOUBLE AS valid`,
      `count(*) FILTER (WHERE NOT coalesce(${ok}, false))::DOUBLE AS invalid`,
      `count(*) FILTER (WHERE ${out})::DOUBLE AS outside`,
      `any_value(${x}) FILTER (WHERE ${out})::DOUBLE AS ex`,
      `any_value(${y}) FILTER (WHERE ${out})::DOUBLE AS ey`,
    ],
    ident(table),
  );
}
