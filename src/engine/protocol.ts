// The one contract between the main thread and the engine worker. Both sides import
// these types; the worker implements EngineApi (src/engine/worker.ts) and the UI calls
// it through Comlink (src/ui/engine-client.ts). Large results are typed arrays that
// the worker transfers, never arrays of per-row objects.

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
  /** Set for 'line' and 'mixed' data with lines: fetch them with lines(id). */
  hasLines?: boolean;
  /** Set for 'polygon' and 'mixed' data with polygons: fetch them with polygons(id). */
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

export type BBox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

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
  warnings: string[];
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

/**
 * Point positions for deck.gl binary attributes: lon/lat offsets (float32) from
 * `origin`, used with COORDINATE_SYSTEM.LNGLAT_OFFSETS so float32 keeps sub-metre
 * precision anywhere on Earth.
 */
export interface PointPositions {
  table: string;
  count: number;
  origin: [number, number];
  offsets: Float32Array;
  /** The query that produced the positions, for display. */
  sql: string;
}

export interface EngineInit {
  /** Absolute URL of the app's base (where vendor/ and data/ live). */
  baseUrl: string;
}

export interface EngineStatus {
  duckdbVersion: string;
  bundle: string;
  initMs: number;
}

export interface EngineApi {
  init(options: EngineInit): Promise<EngineStatus>;
  /** Fetch and load a dataset from a URL (absolute, resolved by the caller). */
  loadUrl(url: string, options: LoadOptions, onProgress?: (p: LoadProgress) => void): Promise<DatasetInfo>;
  /** Load a dataset from bytes the user picked or dropped. */
  loadBytes(fileName: string, bytes: Uint8Array, options: LoadOptions): Promise<DatasetInfo>;
  /** Load a file the user picked or dropped; the worker reads it, not the main thread. */
  loadFile(file: File, options: LoadOptions, onProgress?: (p: LoadProgress) => void): Promise<DatasetInfo>;
  /**
   * Stop the load started with LoadOptions.loadId: it rejects with an Error named
   * AbortError ("<file>: loading cancelled") and leaves no table behind.
   */
  cancelLoad(loadId: string): Promise<void>;
  listDatasets(): Promise<DatasetInfo[]>;
  removeDataset(id: string): Promise<void>;
  /** Change a dataset's display name; its id (the table name) stays. */
  renameDataset(id: string, name: string): Promise<DatasetInfo>;
  pointPositions(id: string): Promise<PointPositions>;
  /** A polygon dataset triangulated for drawing (see PolygonMesh). */
  polygonMesh(id: string): Promise<PolygonMesh>;
  /** H3 cells ([low, high] pairs, as in AggregateResult.h3) triangulated for drawing. */
  h3Mesh(cells: Uint32Array): Promise<PolygonMesh>;
  /** A numeric column's values in feature order (NaN for null). */
  columnValues(id: string, column: string): Promise<Float64Array>;
  /** Each feature's name, from the dataset's best name column. */
  featureNames(id: string): Promise<string[]>;
  /** The polygons of a polygon (or mixed) dataset, feature i = row i; null when it has none. */
  polygons(id: string): Promise<PolygonShapes | null>;
  /** The lines of a line (or mixed) dataset, feature i = row i; null when it has none. */
  lines(id: string): Promise<LineShapes | null>;
  /** Aggregate a point dataset into grid/hexagon/H3 cells or districts (typed arrays, transferred). */
  aggregate(request: AggregateRequest): Promise<AggregateResult>;
  /** Time bins (hour/day/week/month) or profiles (hour of day, day of week) of a dataset. */
  timeBins(request: TimeBinsRequest): Promise<TimeBinsResult>;
  /** Names of the methods this worker implements, so callers (the benchmark) can probe features. */
  capabilities(): Promise<string[]>;
  /** Memory held by DuckDB and the worker's wasm modules, for the performance panel and the benchmark. */
  memory(): Promise<EngineMemory>;
}

/** Engine memory, in bytes. DuckDB's numbers come from duckdb_memory() and PRAGMA database_size. */
export interface EngineMemory {
  /** Sum of duckdb_memory().memory_usage_bytes. */
  duckdbBytes: number;
  /** memory_usage_bytes per duckdb_memory() tag (BASE_TABLE, HASH_TABLE, …), non-zero ones only. */
  duckdbByTag: Record<string, number>;
  /** PRAGMA database_size's memory_usage and memory_limit, as DuckDB prints them (e.g. "256.0 MiB"). */
  databaseSize: { memoryUsage: string; memoryLimit: string } | null;
  /** Size of parquet-wasm's linear memory (it grows and never shrinks). */
  parquetWasmBytes: number | null;
}

/**
 * Polygon features as flat typed arrays, the layout deck.gl's binary SolidPolygonLayer
 * and PathLayer take and the point-in-polygon index reads. A feature is one or more
 * polygons (MultiPolygon); a polygon is an outer ring followed by its holes.
 * Feature i is row i of the dataset's table (column "__fid" = i).
 */
export interface PolygonShapes {
  featureCount: number;
  /** Interleaved lon,lat in WGS84 of every ring vertex, rings closed. */
  coords: Float64Array;
  /** Vertex index where each ring starts; length = rings + 1. */
  ringOffsets: Uint32Array;
  /** Ring index where each polygon starts; length = polygons + 1. */
  polygonRingOffsets: Uint32Array;
  /** Polygon index where each feature starts; length = featureCount + 1. */
  featurePolygonOffsets: Uint32Array;
}

// ---- Spatial aggregation (src/engine/aggregate/) ----

/**
 * How points are grouped. Grid and hexagon sizes are metres in a local projection
 * centred on the dataset (so 500 m is 500 m in any city); `sizeM` of a hexagon is its
 * radius, centre to corner, as in deck.gl's HexagonLayer.
 */
export type AggregateBy =
  | { kind: 'grid'; sizeM: number }
  | { kind: 'hex'; sizeM: number }
  | { kind: 'h3'; resolution: number }
  | {
      kind: 'districts';
      /** Id of a loaded polygon dataset. */
      polygons: string;
      /** Column of the polygon dataset that names each district; default: a column called "name". */
      nameColumn?: string;
      /** Residents per district, for rates per 1,000; default: a numeric column called "population". */
      populationColumn?: string;
    };

export type AggregateStat = 'count' | 'sum' | 'mean' | 'median' | 'min' | 'max' | 'p90' | 'distinct';

export type AggregateFilter =
  /** Inclusive bounds unless said otherwise; either bound may be left out. */
  | { kind: 'range'; column: string; min?: number; max?: number; minExclusive?: boolean; maxExclusive?: boolean }
  /** Rows whose value is (or, with `not`, is not) one of `values`. */
  | { kind: 'in'; column: string; values: (string | number | boolean)[]; not?: boolean }
  /** The map's viewport: [minLon, minLat, maxLon, maxLat] on the point coordinates. */
  | { kind: 'bbox'; bbox: BBox };

/**
 * A time window on a timestamp/date column: `from` inclusive, `to` exclusive, as ISO
 * text ("2024-03-15", "2024-03-15T08:00") or epoch milliseconds. A text column needs
 * `format` (DuckDB strptime, e.g. "%m/%d/%Y %I:%M:%S %p").
 */
export interface TimeWindow {
  column: string;
  from?: string | number;
  to?: string | number;
  format?: string;
}

export interface AggregateRequest {
  dataset: string;
  by: AggregateBy;
  /** Default 'count'. Every other statistic needs `value`. */
  stat?: AggregateStat;
  /** Numeric column the statistic is computed on (any column for 'distinct'). */
  value?: string;
  filters?: AggregateFilter[];
  time?: TimeWindow;
  /** Privacy threshold k: cells with fewer contributing rows are suppressed. Default 5; 0 = off. */
  minCount?: number;
}

export interface AggregateResult {
  dataset: string;
  by: AggregateBy;
  stat: AggregateStat;
  value: string | null;
  minCount: number;
  /** Number of cells (districts: every district, then one "outside" entry). */
  length: number;
  /**
   * Cell ids. grid/hex: column,row integer pairs (length 2n) in the local projection;
   * districts: the polygon dataset's feature index (length n), -1 = outside every polygon;
   * h3: unused (empty), see `h3`.
   */
  ids: Int32Array;
  /** H3 only: each cell's index as [lower 32 bits, upper 32 bits] (h3-js splitLongToH3Index). */
  h3: Uint32Array | null;
  /** District names (districts only; "outside" for the last entry). */
  names: string[] | null;
  /** Cell centres, lon,lat pairs (grid, hex, h3); null for districts. */
  centers: Float64Array | null;
  /** Contributing rows per cell; NaN where suppressed. */
  counts: Float64Array;
  /** The statistic per cell; NaN where suppressed or undefined (e.g. the mean of no values). */
  values: Float64Array;
  /** 1 where the cell has fewer than `minCount` rows: counts and values are withheld. */
  suppressed: Uint8Array;
  /** Cell area in km² (NaN for "outside"). */
  areasKm2: Float64Array;
  /** The statistic per km² for count/sum/distinct, else the row count per km². */
  perKm2: Float64Array;
  /** Same base per 1,000 residents, where the district data has a population column. */
  per1000: Float64Array | null;
  /** Rows aggregated (after filters) over all cells, suppressed ones included. */
  rows: number;
  suppressedCells: number;
  /** For grid/hex: the projection, so cell outlines can be drawn (aggregate/grid.ts, hexagon.ts). */
  projection: { origin: [number, number]; metresPerDegree: [number, number] } | null;
  /** The SQL that produced the numbers and how cells were assigned, for display. */
  sql: string;
  method: string;
  /** Whether the point→cell assignment came from the cache (h3, districts). */
  assignment: 'sql' | 'computed' | 'cached';
  timings: { assignMs: number; queryMs: number; totalMs: number };
}

export type TimeBin = 'hour' | 'day' | 'week' | 'month' | 'hour-of-day' | 'day-of-week';

export interface TimeBinsRequest {
  dataset: string;
  /** Timestamp/date column (or text with `format`). */
  column: string;
  format?: string;
  bin: TimeBin;
  stat?: AggregateStat;
  value?: string;
  filters?: AggregateFilter[];
  time?: TimeWindow;
  minCount?: number;
}

export interface TimeBinsResult {
  bin: TimeBin;
  /** Bin start in epoch ms (UTC wall clock of the column), or hour 0–23, or ISO day 1 (Mon)–7 (Sun). */
  keys: Float64Array;
  counts: Float64Array;
  values: Float64Array;
  suppressed: Uint8Array;
  rows: number;
  sql: string;
}

/**
 * Line features as flat typed arrays, the layout deck.gl's binary PathLayer takes.
 * A feature is one or more paths (MultiLineString). Feature i is row i ("__fid" = i).
 */
export interface LineShapes {
  featureCount: number;
  /** Interleaved lon,lat in WGS84 of every path vertex. */
  coords: Float64Array;
  /** Vertex index where each path starts; length = paths + 1. */
  pathOffsets: Uint32Array;
  /** Path index where each feature starts; length = featureCount + 1. */
  featurePathOffsets: Uint32Array;
}

/**
 * A polygon dataset ready for deck.gl's SolidPolygonLayer/PathLayer as binary data
 * (see src/engine/mesh.ts): the triangulation is done in the worker.
 */
export interface PolygonMesh {
  featureCount: number;
  coords: Float64Array;
  /** Vertex index where each polygon (outer ring + holes) starts; length polygons + 1. */
  polygonStarts: Uint32Array;
  /** 0 at the last vertex of each ring, 1 elsewhere. */
  vertexValid: Uint16Array;
  /** earcut triangle vertex indexes into coords. */
  triangles: Uint32Array;
  polygonFeature: Uint32Array;
  vertexFeature: Uint32Array;
  /** Vertex index where each ring starts; length rings + 1 (for outlines). */
  ringStarts: Uint32Array;
}
