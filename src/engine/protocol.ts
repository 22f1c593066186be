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
}

export type DataFormat = 'parquet' | 'csv' | 'geojson' | 'topojson' | 'arrow';

export interface LoadOptions {
  /** Display name; defaults to the file name. */
  name?: string;
  source?: string;
  licence?: string;
  format?: DataFormat;
}

export interface LoadProgress {
  fileName: string;
  phase: 'fetch' | 'decode' | 'insert' | 'index' | 'done';
  bytesLoaded: number;
  bytesTotal: number | null;
  rows: number | null;
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
  loadFile(file: File, options: LoadOptions): Promise<DatasetInfo>;
  listDatasets(): Promise<DatasetInfo[]>;
  removeDataset(id: string): Promise<void>;
  pointPositions(id: string): Promise<PointPositions>;
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
