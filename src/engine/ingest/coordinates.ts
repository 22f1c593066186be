// Where a table's rows are on the map, for data whose geometry is in columns (CSV,
// Arrow, plain Parquet, JSON records): lon/lat columns by name (or named in LoadOptions),
// else a WKT column. Projected x/y are reprojected into __lon/__lat; coordinates that are
// clearly not lon/lat with no CRS known are refused, never placed wrongly.
import type { DuckDBConnection } from '../duckdb-types';
import type { BBox, ColumnInfo, GeometryInfo, LoadOptions } from '../protocol';
import { coordinateExtentSql, coordinateValuesSql, textSampleSql, textValuesSql } from '../sql';
import { coordinateColumns } from '../column-roles';
import { message, type EngineMessage } from '../messages';
import { appendColumns, appendShapeColumns } from './append-columns';
import { float64WithNulls } from './arrow';
import { about } from '../engine-error';
import { notLonLat, resolveCrs, type ResolvedCrs } from './crs';
import { fail, failOf } from './errors';
import { LAT, LON } from './features';
import { ShapeCollector, shapeGeometry, type CollectedShapes } from './shapes';
import { addGeoJsonGeometry } from './geojson-geometry';
import { WKT_PREFIX, parseWkt } from './wkt';

export interface TableGeometry {
  geometry: GeometryInfo;
  bbox: BBox | null;
  rowsWithoutCoordinates: number;
  warnings: EngineMessage[];
  shapes: CollectedShapes | null;
}

/** A text column whose values look like WKT geometries. */
function findWktColumn(conn: DuckDBConnection, table: string, columns: ColumnInfo[]): string | null {
  for (const c of columns) {
    if (c.kind !== 'string') continue;
    const sample = conn
      .query(textSampleSql(table, c.name, 50))
      .toArray()
      .map((r) => String(r.toJSON().v));
    if (sample.length && sample.filter((v) => WKT_PREFIX.test(v)).length >= 0.9 * sample.length) return c.name;
  }
  return null;
}

function column(columns: ColumnInfo[], name: string, fileName: string, what: string): ColumnInfo {
  const c = columns.find((x) => x.name === name) ?? columns.find((x) => x.name.toLowerCase() === name.toLowerCase());
  if (!c) throw fail(fileName, 'load-column-missing', { column: name, role: what });
  return c;
}

function resolve(fileName: string, crs: string | undefined): ResolvedCrs {
  try {
    return resolveCrs(crs);
  } catch (err) {
    throw about(err, fileName);
  }
}

export function locateTableGeometry(
  conn: DuckDBConnection,
  table: string,
  fileName: string,
  columns: ColumnInfo[],
  options: LoadOptions,
): TableGeometry {
  const crs = options.crs ? resolve(fileName, options.crs) : null;
  const crsName = crs?.name ?? 'EPSG:4326';
  const crsSource = options.crs ? ('options' as const) : ('default' as const);
  if (options.wkt) return fromWkt(conn, table, fileName, column(columns, options.wkt, fileName, 'WKT').name, crs, crsSource);
  let pair: { lon: string; lat: string } | null = null;
  if (options.lon || options.lat) {
    if (!options.lon || !options.lat) throw failOf(fileName, 'coordinates-one-column');
    pair = { lon: column(columns, options.lon, fileName, 'lon').name, lat: column(columns, options.lat, fileName, 'lat').name };
    for (const n of [pair.lon, pair.lat]) {
      if (columns.find((c) => c.name === n)!.kind !== 'number') throw fail(fileName, 'coordinate-not-numeric', { column: n });
    }
  } else {
    pair = coordinateColumns(columns);
  }
  if (pair) return fromColumns(conn, table, fileName, pair, crs, crsName, crsSource, options);
  const wkt = findWktColumn(conn, table, columns);
  if (wkt) return fromWkt(conn, table, fileName, wkt, crs, crsSource);
  if (options.allowNoGeometry) {
    return { geometry: { kind: 'none', source: 'none', crs: crsName }, bbox: null, rowsWithoutCoordinates: 0, warnings: [], shapes: null };
  }
  throw fail(fileName, 'coordinates-not-found');
}

interface ColumnExtent {
  bbox: BBox | null;
  valid: number;
  invalid: number;
  finite: number;
  outside: number;
  example: [number, number] | null;
}

function columnExtent(conn: DuckDBConnection, table: string, lon: string, lat: string): ColumnExtent {
  const r = conn.query(coordinateExtentSql(table, lon, lat)).toArray()[0].toJSON() as Record<string, number | null>;
  return {
    bbox: r.valid ? [r.x0!, r.y0!, r.x1!, r.y1!] : null,
    valid: Number(r.valid),
    invalid: Number(r.invalid),
    finite: Number(r.valid) + Number(r.outside),
    outside: Number(r.outside),
    example: r.ex !== null ? [r.ex, r.ey!] : null,
  };
}

function fromColumns(
  conn: DuckDBConnection,
  table: string,
  fileName: string,
  pair: { lon: string; lat: string },
  crs: ResolvedCrs | null,
  crsName: string,
  crsSource: 'options' | 'default',
  options: LoadOptions,
): TableGeometry {
  const warnings: EngineMessage[] = [];
  let lon = pair.lon;
  let lat = pair.lat;
  if (crs?.reproject) {
    const r = conn.query(coordinateValuesSql(table, pair.lon, pair.lat));
    const xs = r.getChild('x')!.toArray() as Float64Array;
    const ys = r.getChild('y')!.toArray() as Float64Array;
    const nulls = r.getChild('x')!.nullCount + r.getChild('y')!.nullCount;
    const xv = r.getChild('x')!;
    const yv = r.getChild('y')!;
    const outLon = new Float64Array(xs.length);
    const outLat = new Float64Array(xs.length);
    for (let i = 0; i < xs.length; i++) {
      const p = nulls && (xv.get(i) === null || yv.get(i) === null) ? null : crs.reproject(xs[i], ys[i]);
      outLon[i] = p ? p[0] : NaN;
      outLat[i] = p ? p[1] : NaN;
    }
    appendColumns(conn, table, { [LON]: float64WithNulls(outLon), [LAT]: float64WithNulls(outLat) });
    lon = LON;
    lat = LAT;
  }
  // One pass: the extent, and whether these are really lon/lat (most finite values
  // outside ±180/±90 means a projected CRS that nobody named).
  const extent = columnExtent(conn, table, lon, lat);
  if (!crs && extent.finite > 0 && extent.outside > extent.finite / 2) {
    throw notLonLat(fileName, { where: 'columns', lon: pair.lon, lat: pair.lat }, extent.example);
  }
  if (extent.valid === 0 && !options.allowNoGeometry) {
    throw fail(fileName, 'coordinates-none-valid', { n: extent.invalid, lon: pair.lon, lat: pair.lat });
  }
  if (extent.invalid) warnings.push(message('rows-without-coordinates', { n: extent.invalid }));
  return {
    geometry: {
      kind: 'point',
      lon,
      lat,
      source: 'columns',
      crs: crsName,
      crsSource,
      reprojected: Boolean(crs?.reproject),
      ...(crs?.reproject ? { sourceColumns: [pair.lon, pair.lat] as [string, string] } : {}),
    },
    bbox: extent.bbox,
    rowsWithoutCoordinates: extent.invalid,
    warnings,
    shapes: null,
  };
}

function fromWkt(
  conn: DuckDBConnection,
  table: string,
  fileName: string,
  col: string,
  crs: ResolvedCrs | null,
  crsSource: 'options' | 'default',
): TableGeometry {
  const values = conn.query(textValuesSql(table, col)).getChild('v')!;
  const collector = new ShapeCollector(crs?.reproject ?? null, values.length);
  for (let i = 0; i < values.length; i++) {
    collector.beginFeature();
    const text = values.get(i) as string | null;
    if (text !== null && text.trim() !== '') {
      const g = parseWkt(text);
      if (g) addGeoJsonGeometry(collector, g);
      else collector.unreadable();
    }
    collector.endFeature();
  }
  const shapes = collector.finish();
  const placed = shapes.featureCount - shapes.counts.empty - shapes.counts.invalid;
  if (!crs && shapes.counts.outOfRange > placed) {
    throw notLonLat(fileName, { where: 'wkt', column: col });
  }
  appendShapeColumns(conn, table, shapes);
  const without = shapes.featureCount - (shapes.kind === 'point' ? shapes.counts.points : placed);
  if (placed === 0) throw fail(fileName, 'coordinates-wkt-unplaced', { column: col });
  const warnings = without ? [message('rows-without-coordinates', { n: without })] : [];
  if (shapes.counts.unreadable) warnings.push(message('wkt-unreadable', { n: shapes.counts.unreadable, column: col }));
  return {
    geometry: {
      ...shapeGeometry(shapes),
      ...(shapes.lon ? { lon: LON, lat: LAT } : {}),
      source: 'wkt',
      column: col,
      crs: crs?.name ?? 'EPSG:4326',
      crsSource,
      reprojected: Boolean(crs?.reproject),
    },
    bbox: shapes.bbox,
    rowsWithoutCoordinates: without,
    warnings,
    shapes,
  };
}

