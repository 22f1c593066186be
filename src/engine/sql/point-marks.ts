// A point layer's marks: rows with a usable position grouped on their float32 offset
// from an origin and on the values they are coloured and sized by.
import { ident, num, select, str, where } from './core';
import { positionInRange } from './position';

/** The most frequent values of a column (k, as text) with their rows (n), over rows with a usable position. */
export function topCategoriesSql(table: string, lon: string, lat: string, column: string, limit: number): string {
  return select(
    [`${ident(column)}::VARCHAR AS k`, 'count(*) AS n'],
    ident(table),
    where([positionInRange(lon, lat)]),
    'GROUP BY 1',
    'ORDER BY n DESC, k',
    `LIMIT ${num(limit)}`,
  );
}

/** What the marks are grouped on besides their position. */
export interface PointMarksQuery {
  table: string;
  lon: string;
  lat: string;
  /** Offsets are taken from here, so float32 stays precise. */
  origin: [number, number];
  /**
   * Colour value: a numeric column's value (NaN for NULL), or with `categories` the
   * index of the value among them (the others share index categories.length).
   */
  colour?: { column: string; categories?: readonly string[] } | null;
  /** Size value: a numeric column's value (NaN for NULL). */
  size?: string | null;
}

/** A numeric column as DOUBLE, NaN for NULL (so a NULL still groups and draws as no data). */
function numberOrNaN(column: string): string {
  return `coalesce(${ident(column)}::DOUBLE, 'NaN'::DOUBLE)`;
}

/** The index of a text value among `categories`, categories.length for any other. */
function categoryIndex(column: string, categories: readonly string[]): string {
  if (!categories.length) return '0::DOUBLE';
  const cases = categories.map((k, i) => `WHEN ${str(k)} THEN ${i}`).join(' ');
  return `(CASE ${ident(column)}::VARCHAR ${cases} ELSE ${categories.length} END)::DOUBLE`;
}

/**
 * One row per mark: offsets dx, dy, then colour_value and size_value when asked for,
 * and the rows it stands for (n), every column DOUBLE.
 */
export function pointMarksSql(q: PointMarksQuery): string {
  const columns: [string, string][] = [
    [`(${ident(q.lon)} - ${num(q.origin[0])})::FLOAT`, 'dx'],
    [`(${ident(q.lat)} - ${num(q.origin[1])})::FLOAT`, 'dy'],
  ];
  if (q.colour) {
    const { column, categories } = q.colour;
    columns.push([categories ? categoryIndex(column, categories) : numberOrNaN(column), 'colour_value']);
  }
  if (q.size) columns.push([numberOrNaN(q.size), 'size_value']);
  const inner = select(columns.map(([e, name]) => `${e} AS ${name}`), ident(q.table), where([positionInRange(q.lon, q.lat)]));
  // Grouped on the float32 offsets; read back as DOUBLE (exact).
  return select([...columns.map(([, name]) => `${name}::DOUBLE AS ${name}`), 'count(*)::DOUBLE AS n'], `(${inner})`, 'GROUP BY ALL');
}
