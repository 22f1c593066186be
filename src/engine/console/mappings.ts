// How a console result can go on the map, read from its columns and a sample of its
// values: longitude/latitude columns (by the one list of coordinate names in
// column-roles.ts), WKT text, WKB blobs, H3 cell ids, or a key whose values are found
// in a loaded polygon dataset's column of the same name.
import { isValidCell } from 'h3-js';
import type { DuckDBConnection } from '../duckdb-types';
import type { ColumnInfo, ConsoleMapping, DatasetInfo } from '../protocol';
import { joinMatchSql, sampleValuesSql } from '../sql';
import { coordinateColumns } from '../column-roles';
import { WKT_PREFIX } from '../ingest/wkt';

/** Values looked at per column. */
const SAMPLE = 50;
/** Rows of the result whose keys are matched against a polygon dataset. */
const JOIN_SAMPLE_ROWS = 1000;
/** Share of those keys that must be found for a join to be offered. */
const JOIN_MIN_SHARE = 0.8;

const INTEGER = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/;

function sample(conn: DuckDBConnection, table: string, column: string, asText: boolean): unknown[] {
  const r = conn.query(sampleValuesSql(table, column, SAMPLE, asText));
  const v = r.getChild('v')!;
  return Array.from({ length: r.numRows }, (_, i) => v.get(i));
}

/** Whether bytes start like WKB: a byte order mark and a known geometry type (ISO or EWKB flags). */
export function looksLikeWkb(b: Uint8Array): boolean {
  if (b.length < 5 || b[0] > 1) return false;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const code = view.getUint32(1, b[0] === 1) & 0x0fffffff;
  const type = code % 1000;
  return type >= 1 && type <= 7 && Math.floor(code / 1000) <= 3;
}

/** An H3 id as h3-js writes it (hex text), from text or an integer's decimal text; null when it is neither. */
export function h3Text(value: string): string | null {
  const v = value.trim().toLowerCase();
  if (isValidCell(v)) return v;
  if (/^[0-9]+$/.test(v)) {
    const hex = BigInt(v).toString(16);
    return isValidCell(hex) ? hex : null;
  }
  return null;
}

const all = <T>(xs: unknown[], test: (x: T) => boolean) => xs.length > 0 && xs.every((x) => test(x as T));

/** The ways the result in `table` (its `columns`) can be added to the map, best first. */
export function resultMappings(conn: DuckDBConnection, table: string, columns: ColumnInfo[], datasets: DatasetInfo[]): ConsoleMapping[] {
  const out: ConsoleMapping[] = [];
  const pair = coordinateColumns(columns);
  if (pair) out.push({ kind: 'lonlat', ...pair });
  for (const c of columns) {
    if (c.kind === 'string' && all<string>(sample(conn, table, c.name, true), (v) => WKT_PREFIX.test(v))) out.push({ kind: 'wkt', column: c.name });
    if (c.kind === 'binary' && all<Uint8Array>(sample(conn, table, c.name, false), looksLikeWkb)) out.push({ kind: 'wkb', column: c.name });
  }
  for (const c of columns) {
    if ((c.kind === 'string' || INTEGER.test(c.type)) && all<string>(sample(conn, table, c.name, true), (v) => h3Text(v) !== null)) {
      out.push({ kind: 'h3', column: c.name });
    }
  }
  const polygons = datasets.filter((d) => d.geometry.kind === 'polygon' || d.geometry.hasPolygons);
  for (const c of columns) {
    if (c.kind !== 'string' && !INTEGER.test(c.type)) continue;
    for (const d of polygons) {
      const key = d.columns.find((k) => !k.internal && k.name.toLowerCase() === c.name.toLowerCase() && (k.kind === 'string' || INTEGER.test(k.type)));
      if (!key) continue;
      const m = conn.query(joinMatchSql(table, c.name, d.id, key.name, JOIN_SAMPLE_ROWS)).toArray()[0].toJSON() as { n: number; matched: number };
      if (m.n > 0 && m.matched >= JOIN_MIN_SHARE * m.n) out.push({ kind: 'join', column: c.name, dataset: d.id, key: key.name });
    }
  }
  return out;
}
