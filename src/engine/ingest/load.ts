// One file → one DuckDB table plus what the panel needs to know about it. Each format's
// reader puts the rows in (parquet.ts, csv.ts, arrow.ts, geojson.ts/topojson.ts via
// features.ts); then the same steps run for all: where the geometry is, which columns
// are timestamps, column statistics.
import type { DuckDBBindings, DuckDBConnection } from '../duckdb-types';
import type { Parquet } from '../platform';
import type {
  BBox,
  ColumnInfo,
  DataFormat,
  DatasetInfo,
  GeometryInfo,
  LineShapes,
  LoadOptions,
  PolygonShapes,
} from '../protocol';
import { dropColumnSql, rowCountSql } from '../sql';
import type { EngineMessage } from '../messages';
import { columnStats, describeColumns } from '../describe';
import { ingestArrow, insertTable, readArrow } from './arrow';
import { appendShapeColumns } from './append-columns';
import { declaredBBox } from './bbox';
import { locateTableGeometry, type TableGeometry } from './coordinates';
import { notLonLat, resolveCrs } from './crs';
import { about } from '../engine-error';
import { fail } from './errors';
import { LAT, LON, featuresTable, type FeatureRow } from './features';
import { decodeText, parseJsonOrLines, readGeoJson } from './geojson';
import { ingestCsv } from './csv';
import { ingestParquet } from './parquet';
import { ShapeCollector, shapeGeometry, shapeWarnings, type CollectedShapes } from './shapes';
import { addGeoJsonGeometry } from './geojson-geometry';
import { detectTimestamps } from './timestamps';
import { readTopology } from './topojson';

export interface IngestContext {
  db: DuckDBBindings;
  conn: DuckDBConnection;
  parquet: Parquet;
}

/** The DatasetInfo fields that depend on the file's content. */
export type IngestedInfo = Pick<
  DatasetInfo,
  | 'rows'
  | 'columns'
  | 'geometry'
  | 'bbox'
  | 'rowsWithoutCoordinates'
  | 'warnings'
  | 'timeColumns'
  | 'timeRange'
  | 'declaredBbox'
  | 'shapeBytes'
  | 'csv'
>;

export interface Ingested {
  info: IngestedInfo;
  polygons: PolygonShapes | null;
  lines: LineShapes | null;
}

function shapesBytes(s: CollectedShapes | null): number {
  if (!s) return 0;
  const p = s.polygons;
  const l = s.lines;
  return (
    (p ? p.coords.byteLength + p.ringOffsets.byteLength + p.polygonRingOffsets.byteLength + p.featurePolygonOffsets.byteLength : 0) +
    (l ? l.coords.byteLength + l.pathOffsets.byteLength + l.featurePathOffsets.byteLength : 0)
  );
}

/** Geometry info and checks for features collected from a file's own geometry. */
function fromShapes(
  fileName: string,
  shapes: CollectedShapes,
  source: GeometryInfo['source'],
  crsName: string,
  crsSource: 'file' | 'options' | 'default',
  crsKnown: boolean,
  reprojected: boolean,
  options: LoadOptions,
): TableGeometry {
  const c = shapes.counts;
  const placed = shapes.featureCount - c.empty - c.invalid;
  if (!crsKnown && c.outOfRange > placed) throw notLonLat(fileName, { where: 'file' });
  if (placed === 0 && !options.allowNoGeometry) {
    throw fail(fileName, 'coordinates-features-unplaced', { n: shapes.featureCount, why: c.invalid ? 'invalid' : 'none' });
  }
  const without = shapes.featureCount - placed;
  const warnings = shapeWarnings(shapes, without, 'geometries-unreadable');
  return {
    geometry: {
      ...shapeGeometry(shapes),
      ...(shapes.lon ? { lon: LON, lat: LAT } : {}),
      source,
      crs: crsName,
      crsSource,
      reprojected,
    },
    bbox: shapes.bbox,
    rowsWithoutCoordinates: without,
    warnings,
    shapes,
  };
}

function ingestFeatures(
  ctx: IngestContext,
  table: string,
  fileName: string,
  features: FeatureRow[],
  geometries: unknown[],
  fileCrs: string | undefined,
  source: 'geojson' | 'topojson',
  variant: string,
  options: LoadOptions,
): { geo: TableGeometry | null; jsonColumns: string[] } {
  if (features.length === 0) throw fail(fileName, 'no-features');
  const crsText = options.crs ?? fileCrs;
  let crs;
  try {
    crs = resolveCrs(crsText);
  } catch (err) {
    throw about(err, fileName);
  }
  const collector = new ShapeCollector(crs.reproject, features.length);
  for (const g of geometries) {
    collector.beginFeature();
    addGeoJsonGeometry(collector, g);
    collector.endFeature();
  }
  const shapes = collector.finish();
  // Plain JSON records (not GeoJSON): their coordinates, if any, are in columns.
  const records = variant === 'records';
  const built = featuresTable(features, shapes);
  insertTable(ctx.conn, table, built.table);
  if (records) return { geo: null, jsonColumns: built.jsonColumns };
  const geo = fromShapes(
    fileName,
    shapes,
    source,
    crs.name,
    options.crs ? 'options' : fileCrs ? 'file' : 'default',
    Boolean(crsText),
    Boolean(crs.reproject),
    options,
  );
  return { geo, jsonColumns: built.jsonColumns };
}

export async function ingest(
  ctx: IngestContext,
  table: string,
  fileName: string,
  bytes: Uint8Array,
  format: DataFormat,
  options: LoadOptions,
  onRows: (rows: number | null, total?: number) => void,
  /** Awaited between stages and Parquet row groups; throws to abort the load (cancel). */
  checkpoint: () => Promise<void> = async () => {},
): Promise<Ingested> {
  const { conn } = ctx;
  let geo: TableGeometry | null = null;
  let declaredBbox: BBox | null = null;
  let jsonColumns: string[] = [];
  let csv: DatasetInfo['csv'];
  const warnings: EngineMessage[] = [];
  if (format === 'parquet') {
    const pq = await ingestParquet(ctx.parquet, conn, table, fileName, bytes, options, onRows, checkpoint);
    if (pq.geometry) {
      const g = pq.geometry;
      declaredBbox = g.declaredBbox;
      // The WKB stays decoded in the worker (or matched the lon/lat columns): drop the blob.
      conn.query(dropColumnSql(table, g.info.column!));
      const shapes = g.shapes;
      if (shapes) {
        if (shapes.featureCount > 0 && shapes.featureCount - shapes.counts.empty - shapes.counts.invalid === 0 && !options.allowNoGeometry) {
          throw fail(fileName, 'coordinates-geometry-unplaced', { column: String(g.info.column) });
        }
        appendShapeColumns(conn, table, shapes);
        if (shapes.lon && shapes.lat) {
          g.info.lon = LON;
          g.info.lat = LAT;
        }
        geo = { geometry: g.info, bbox: g.bbox, rowsWithoutCoordinates: g.rowsWithoutCoordinates, warnings: g.warnings, shapes };
      } else {
        // Point file whose own lon/lat columns equal its geometry: extent from the columns.
        const cols = describeColumns(conn, table);
        const located = locateTableGeometry(conn, table, fileName, cols, { ...options, crs: undefined, lon: g.useColumns!.lon, lat: g.useColumns!.lat });
        geo = { ...located, geometry: { ...g.info, lon: located.geometry.lon, lat: located.geometry.lat }, warnings: [...g.warnings, ...located.warnings] };
      }
    }
  } else if (format === 'csv') {
    onRows(null);
    const r = ingestCsv(ctx.db, conn, table, fileName, bytes, { delimiter: options.delimiter });
    csv = { delimiter: r.delimiter, header: r.header };
    warnings.push(...r.warnings);
  } else if (format === 'arrow') {
    const t = readArrow(fileName, bytes);
    ingestArrow(conn, table, fileName, bytes, t);
  } else {
    const { value, lines } = parseJsonOrLines(fileName, decodeText(bytes));
    const isTopo = !lines && value !== null && typeof value === 'object' && (value as { type?: unknown }).type === 'Topology';
    if (format === 'topojson' || isTopo) {
      const t = readTopology(fileName, value);
      declaredBbox = declaredBBox(t.bbox);
      const r = ingestFeatures(ctx, table, fileName, t.features, t.geometries, undefined, 'topojson', 'Topology', options);
      geo = r.geo;
      jsonColumns = r.jsonColumns;
    } else {
      const g = readGeoJson(fileName, value, lines);
      declaredBbox = declaredBBox(g.bbox);
      const r = ingestFeatures(ctx, table, fileName, g.features, g.geometries, g.crs, 'geojson', g.variant, options);
      geo = r.geo;
      jsonColumns = r.jsonColumns;
    }
  }
  await checkpoint();
  let columns: ColumnInfo[] = describeColumns(conn, table);
  // Tables without a geometry of their own: coordinates from columns or WKT.
  geo ??= locateTableGeometry(conn, table, fileName, columns, options);
  if (geo.shapes || geo.geometry.lon === LON) columns = describeColumns(conn, table);
  await checkpoint();
  const internal = new Set(columns.filter((c) => c.internal).map((c) => c.name));
  const times = detectTimestamps(conn, table, columns, options, internal);
  if (times.timeColumns.some((t) => t.parsedFrom !== 'native') || columns.some((c) => /WITH TIME ZONE/.test(c.type))) {
    columns = describeColumns(conn, table);
  }
  for (const c of columns) if (jsonColumns.includes(c.name)) c.json = true;
  const rows = Number(conn.query(rowCountSql(table)).getChildAt(0)!.get(0));
  if (rows === 0) throw fail(fileName, 'no-rows');
  await checkpoint();
  columnStats(conn, table, columns, rows);
  const first = times.timeColumns.find((t) => t.min !== null && t.max !== null);
  return {
    info: {
      rows,
      columns,
      geometry: geo.geometry,
      bbox: geo.bbox,
      rowsWithoutCoordinates: geo.rowsWithoutCoordinates,
      warnings: [...warnings, ...geo.warnings, ...times.warnings],
      timeColumns: times.timeColumns,
      timeRange: first ? { column: first.column, min: first.min!, max: first.max! } : null,
      declaredBbox,
      shapeBytes: shapesBytes(geo.shapes),
      ...(csv ? { csv } : {}),
    },
    polygons: geo.shapes?.polygons ?? null,
    lines: geo.shapes?.lines ?? null,
  };
}
