// What a loaded table holds: its columns and their kinds, where its coordinates are,
// its extent and how many rows cannot be placed on the map.
import type { DuckDBConnection } from './duckdb-types';
import type { BBox, ColumnInfo, ColumnKind } from './protocol';
import { ident, select, where } from './sql';

export function columnKind(duckType: string): ColumnKind {
  const t = duckType.toUpperCase();
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|REAL|DECIMAL)/.test(t)) return 'number';
  if (t.startsWith('TIMESTAMP')) return 'timestamp';
  if (t === 'DATE') return 'date';
  if (t === 'BOOLEAN') return 'boolean';
  if (t === 'VARCHAR') return 'string';
  if (t === 'BLOB') return 'binary';
  return 'other';
}

export function describeColumns(conn: DuckDBConnection, table: string): ColumnInfo[] {
  const rows = conn.query(`DESCRIBE ${ident(table)}`).toArray();
  return rows.map((r) => {
    const o = r.toJSON() as { column_name: string; column_type: string };
    return { name: o.column_name, type: o.column_type, kind: columnKind(o.column_type) };
  });
}

const LON_NAMES = ['lon', 'lng', 'long', 'longitude', 'x', 'lon_wgs84', 'longitude_wgs84'];
const LAT_NAMES = ['lat', 'latitude', 'y', 'lat_wgs84', 'latitude_wgs84'];

function normalise(name: string): string {
  return name.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/** The longitude/latitude columns, by common names (case-insensitive, spaces allowed). */
export function findCoordinateColumns(columns: ColumnInfo[]): { lon: string; lat: string } | null {
  const numeric = columns.filter((c) => c.kind === 'number');
  const pick = (names: string[]) => {
    for (const n of names) {
      const hit = numeric.find((c) => normalise(c.name) === n);
      if (hit) return hit.name;
    }
    return null;
  };
  const lon = pick(LON_NAMES);
  const lat = pick(LAT_NAMES);
  // x/y only pair with each other, never with lat/lon.
  if (lon && lat && (normalise(lon) === 'x') === (normalise(lat) === 'y')) return { lon, lat };
  return null;
}

/** SQL condition that is true where a row has a usable WGS84 position. */
export function validPosition(lon: string, lat: string): string {
  const x = ident(lon);
  const y = ident(lat);
  return `${x} IS NOT NULL AND ${y} IS NOT NULL AND isfinite(${x}) AND isfinite(${y}) AND ${x} BETWEEN -180 AND 180 AND ${y} BETWEEN -90 AND 90`;
}

export interface PointExtent {
  bbox: BBox | null;
  valid: number;
  invalid: number;
}

export function pointExtent(conn: DuckDBConnection, table: string, lon: string, lat: string): PointExtent {
  const ok = validPosition(lon, lat);
  const sql = select(
    [
      `min(${ident(lon)}) FILTER (WHERE ${ok})::DOUBLE AS x0`,
      `min(${ident(lat)}) FILTER (WHERE ${ok})::DOUBLE AS y0`,
      `max(${ident(lon)}) FILTER (WHERE ${ok})::DOUBLE AS x1`,
      `max(${ident(lat)}) FILTER (WHERE ${ok})::DOUBLE AS y1`,
      `count(*) FILTER (WHERE ${ok})::DOUBLE AS valid`,
      `count(*) FILTER (WHERE NOT coalesce(${ok}, false))::DOUBLE AS invalid`,
    ],
    ident(table),
    where([]),
  );
  const r = conn.query(sql).toArray()[0].toJSON() as Record<string, number | null>;
  const bbox: BBox | null = r.valid ? [r.x0!, r.y0!, r.x1!, r.y1!] : null;
  return { bbox, valid: Number(r.valid), invalid: Number(r.invalid) };
}
