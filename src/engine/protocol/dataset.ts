// Datasets as the engine describes them (columns, geometry, time columns, extent) and
// the options and progress of a load: part of the engine contract (protocol/index.ts).
import type { BBox } from './base';
import type { EngineMessage } from '../messages';

export type ColumnKind = 'number' | 'string' | 'boolean' | 'timestamp' | 'date' | 'binary' | 'other';

export interface ColumnInfo {
  name: string;
  /** DuckDB's type name, e.g. DOUBLE, VARCHAR, TIMESTAMP. */
  type: string;
  kind: ColumnKind;
  /** Added by the engine (__fid, __lon, __lat): hide it from column pickers. */
  internal?: boolean;
  /** Text that holds JSON (nested GeoJSON properties: objects, arrays, mixed types). */
  json?: boolean;
  /**
   * Distinct non-null values: exact for tables up to 100,000 rows (text, boolean, integer
   * columns); for larger tables only text/boolean columns, counted in the first 100,000 rows.
   */
  distinct?: number;
  /** Null values in the column. */
  nulls?: number;
  /** A text column with few distinct values, fit for grouping and colouring by category. */
  category?: boolean;
}

export type GeometryKind = 'point' | 'line' | 'polygon' | 'mixed' | 'none';

export interface GeometryInfo {
  kind: GeometryKind;
  /** For point data: the longitude/latitude (WGS84) columns of the table. */
  lon?: string;
  lat?: string;
  /** How the geometry was found, shown to the user. */
  source: 'columns' | 'wkb' | 'geojson' | 'topojson' | 'wkt' | 'none';
  /** CRS of the source coordinates before any reprojection, e.g. "EPSG:4326". */
  crs: string;
  /** True when the coordinates were reprojected into WGS84 lon/lat on load. */
  reprojected?: boolean;
  /** Where the CRS came from: the file (GeoParquet/GeoJSON crs), the load options, or the default. */
  crsSource?: 'file' | 'options' | 'default';
  /** The source column of the geometry: the WKB/WKT column, or the x/y columns before reprojection. */
  column?: string;
  sourceColumns?: [x: string, y: string];
  /** Features by what they hold (file geometries only; a GeometryCollection can count twice). */
  counts?: GeometryCounts;
  /** Set for 'line' and 'mixed' data with lines: fetch them with a 'lines' request. */
  hasLines?: boolean;
  /** Set for 'polygon' and 'mixed' data with polygons: fetch them with a 'polygons' request. */
  hasPolygons?: boolean;
}

export interface GeometryCounts {
  points: number;
  lines: number;
  polygons: number;
  /** Features with a null or empty geometry. */
  empty: number;
  /** Features dropped because a coordinate was missing, not a number or out of range. */
  invalid: number;
  /** Of those, how many had finite coordinates outside lon/lat range. */
  outOfRange: number;
  /** Features whose geometry could not be decoded at all. */
  unreadable: number;
  /** MultiPoint features with several points, placed at their first point. */
  multiPoints: number;
}

/**
 * How a timestamp column was read and which clock it is on. All timestamp columns are
 * stored as DuckDB TIMESTAMP (no time zone): `zone` says what the wall-clock values mean.
 */
export interface TimeColumnInfo {
  column: string;
  /** 'native': already a timestamp in the file; others were converted from text or numbers. */
  parsedFrom: 'native' | 'iso8601' | 'format' | 'epoch-seconds' | 'epoch-milliseconds';
  /** The strptime format used, for parsedFrom 'format'. */
  format?: string;
  /**
   * 'utc': values are UTC (the text said Z/+00:00, the file said UTC, or the column name says utc);
   * 'offset': the text carried other UTC offsets, converted to UTC on load;
   * 'local': naive local wall-clock time, in `timeZone` when known.
   */
  zone: 'utc' | 'offset' | 'local';
  /** IANA zone (or 'UTC') the values are in, when known (from LoadOptions.timeZone for local time). */
  timeZone?: string;
  /** Non-empty values that could not be read as a timestamp (stored as NULL). */
  unparsed: number;
  /** The formats that all read every value (e.g. month/day vs day/month); `format` is the one used. */
  ambiguousFormats?: string[];
  /** ISO 8601 text of the earliest and latest value (no zone suffix; see `zone`). */
  min: string | null;
  max: string | null;
}

export interface TimeRange {
  column: string;
  min: string;
  max: string;
}

export interface DatasetInfo {
  /** DuckDB table name; safe, unique, also the dataset's id. */
  id: string;
  /** Display name (file name without extension, or the catalog title). */
  name: string;
  fileName: string;
  format: DataFormat;
  source?: string;
  licence?: string;
  rows: number;
  columns: ColumnInfo[];
  geometry: GeometryInfo;
  bbox: BBox | null;
  /** Rows whose coordinates are missing or unusable: counted, never silently dropped. */
  rowsWithoutCoordinates: number;
  bytes: number;
  loadMs: number;
  /** What the load noticed (rows it could not place, text it could not read), as codes the UI words. */
  warnings: EngineMessage[];
  /** Timestamp columns, in table order, with how they were read and their zone. */
  timeColumns?: TimeColumnInfo[];
  /** The range of the first timestamp column, or null when there is none. */
  timeRange?: TimeRange | null;
  /** Extent the file declares (GeoParquet/TopoJSON/GeoJSON bbox member), before reprojection. */
  declaredBbox?: BBox | null;
  /** DuckDB memory taken by the table (bytes, measured on load). */
  memoryBytes?: number;
  /** Worker memory taken by polygon/line shapes kept outside DuckDB (bytes). */
  shapeBytes?: number;
  /** For CSV/TSV: the delimiter and whether the first line was a header. */
  csv?: { delimiter: string; header: boolean };
}

export type DataFormat = 'parquet' | 'csv' | 'geojson' | 'topojson' | 'arrow';

export interface LoadOptions {
  /**
   * The table id to use (a config's dataset id, which its layers name): lower-case letters,
   * digits and _, not starting with a digit, and not taken. A load that cannot have it
   * fails rather than take another id. Absent: an id is derived from the name or file name.
   */
  id?: string;
  /** Display name; defaults to the file name. */
  name?: string;
  source?: string;
  licence?: string;
  format?: DataFormat;
  /** CRS of the source coordinates when the file does not say (or says wrongly): 'EPSG:27700', a proj4 string or WKT. */
  crs?: string;
  /** Coordinate columns to use instead of the detected ones (in `crs`, WGS84 by default). */
  lon?: string;
  lat?: string;
  /** A column of WKT geometries (e.g. "POINT (-73.9 40.7)") to use. */
  wkt?: string;
  /** IANA time zone of naive (local) timestamps, e.g. 'America/New_York'. */
  timeZone?: string;
  /** Per column: a strptime format (e.g. '%d/%m/%Y %H:%M') to read it with, or 'text' to keep it as text. */
  timestampFormats?: Record<string, string>;
  /** CSV delimiter, when the sniffer guesses wrong. */
  delimiter?: string;
  /** Refuse files larger than this many bytes (default: the engine's limit). */
  maxBytes?: number;
  /** Load data without usable coordinates as a plain table instead of failing. */
  allowNoGeometry?: boolean;
  /** Caller-chosen id of this load, so cancelLoad(loadId) can stop it. */
  loadId?: string;
}

export interface LoadProgress {
  fileName: string;
  phase: 'fetch' | 'decode' | 'insert' | 'index' | 'done';
  bytesLoaded: number;
  bytesTotal: number | null;
  rows: number | null;
  /** Rows the file holds, when known before the insert ends (Parquet metadata). */
  rowsTotal?: number | null;
}
