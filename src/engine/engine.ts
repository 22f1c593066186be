// The engine: owns DuckDB and every dataset, in the worker (or in Node for tests and
// the CLI). It has no DOM dependency; the host is injected as an EnginePlatform.
import type { DuckDBBindings, DuckDBConnection } from './duckdb-types';
import type { EnginePlatform, Parquet } from './platform';
import type {
  DatasetInfo,
  EngineStatus,
  GeometryInfo,
  LoadOptions,
  LoadProgress,
  PointPositions,
} from './protocol';
import { ident, num, select, tableNameFor, where } from './sql';
import { detectFormat } from './ingest/detect';
import { ingestParquet } from './ingest/parquet';
import { ingestCsv } from './ingest/csv';
import { describeColumns, findCoordinateColumns, pointExtent, validPosition } from './describe';

export class Engine {
  private db!: DuckDBBindings;
  private conn!: DuckDBConnection;
  private parquet!: Parquet;
  private readonly datasets = new Map<string, DatasetInfo>();
  private status: EngineStatus | null = null;

  constructor(private readonly platform: EnginePlatform) {}

  async init(): Promise<EngineStatus> {
    if (this.status) return this.status;
    const t0 = performance.now();
    const [{ db, bundle }, parquet] = await Promise.all([this.platform.openDuckDB(), this.platform.loadParquet()]);
    this.db = db;
    this.parquet = parquet;
    db.open({ query: { castBigIntToDouble: true, castTimestampToDate: false } });
    this.conn = db.connect();
    // Extension downloads hang offline: fail fast instead of waiting for the network.
    this.conn.query('SET autoinstall_known_extensions = false');
    this.conn.query('SET autoload_known_extensions = false');
    const version = String(this.conn.query('SELECT version() AS v').getChildAt(0)!.get(0));
    this.status = { duckdbVersion: version, bundle, initMs: performance.now() - t0 };
    return this.status;
  }

  /** The DuckDB connection, for engine modules (aggregation) that build on loaded tables. */
  get connection(): DuckDBConnection {
    return this.conn;
  }

  async loadUrl(url: string, options: LoadOptions, onProgress?: (p: LoadProgress) => void): Promise<DatasetInfo> {
    const fileName = decodeURIComponent(url.replace(/[?#].*$/, '').replace(/^.*\//, '')) || url;
    const report = (p: Omit<LoadProgress, 'fileName'>) => onProgress?.({ fileName, ...p });
    const bytes = await this.platform.fetchBytes(url, (loaded, total) =>
      report({ phase: 'fetch', bytesLoaded: loaded, bytesTotal: total, rows: null }),
    );
    return this.loadBytes(fileName, bytes, { source: url, ...options }, onProgress);
  }

  async loadBytes(
    fileName: string,
    bytes: Uint8Array,
    options: LoadOptions,
    onProgress?: (p: LoadProgress) => void,
  ): Promise<DatasetInfo> {
    const t0 = performance.now();
    const format = options.format ?? detectFormat(fileName, bytes);
    if (bytes.byteLength === 0) throw new Error(`${fileName} is empty`);
    if (!format) throw new Error(`${fileName}: unknown file type (expected Parquet, CSV, GeoJSON, TopoJSON or Arrow)`);
    const table = tableNameFor(options.name ?? fileName, new Set(this.datasets.keys()));
    const progress = (phase: LoadProgress['phase'], rows: number | null) =>
      onProgress?.({ fileName, phase, bytesLoaded: bytes.byteLength, bytesTotal: bytes.byteLength, rows });
    const warnings: string[] = [];
    let geometry: GeometryInfo = { kind: 'none', source: 'none', crs: 'EPSG:4326' };
    try {
      if (format === 'parquet') {
        const { geo } = await ingestParquet(this.parquet, this.conn, table, fileName, bytes, (rows) =>
          progress('insert', rows),
        );
        if (geo) geometry = { kind: 'none', source: 'wkb', crs: 'OGC:CRS84' };
      } else if (format === 'csv') {
        progress('insert', null);
        ingestCsv(this.db, this.conn, table, fileName, bytes);
      } else {
        throw new Error(`${fileName}: ${format} files are not supported yet`);
      }
    } catch (err) {
      this.conn.query(`DROP TABLE IF EXISTS ${ident(table)}`);
      throw err;
    }
    const columns = describeColumns(this.conn, table);
    const rows = Number(this.conn.query(`SELECT count(*)::BIGINT FROM ${ident(table)}`).getChildAt(0)!.get(0));
    let bbox = null;
    let rowsWithoutCoordinates = 0;
    const coords = findCoordinateColumns(columns);
    if (coords) {
      const extent = pointExtent(this.conn, table, coords.lon, coords.lat);
      geometry = { kind: 'point', lon: coords.lon, lat: coords.lat, source: 'columns', crs: 'EPSG:4326' };
      bbox = extent.bbox;
      rowsWithoutCoordinates = extent.invalid;
      if (extent.invalid) warnings.push(`${extent.invalid.toLocaleString('en-US')} rows without coordinates`);
    }
    const info: DatasetInfo = {
      id: table,
      name: options.name ?? fileName.replace(/\.[^.]*$/, ''),
      fileName,
      format,
      source: options.source,
      licence: options.licence,
      rows,
      columns,
      geometry,
      bbox,
      rowsWithoutCoordinates,
      bytes: bytes.byteLength,
      loadMs: performance.now() - t0,
      warnings,
    };
    this.datasets.set(table, info);
    progress('done', rows);
    return info;
  }

  listDatasets(): DatasetInfo[] {
    return [...this.datasets.values()];
  }

  dataset(id: string): DatasetInfo {
    const d = this.datasets.get(id);
    if (!d) throw new Error(`no dataset named ${id}`);
    return d;
  }

  removeDataset(id: string): void {
    this.dataset(id);
    this.conn.query(`DROP TABLE IF EXISTS ${ident(id)}`);
    this.datasets.delete(id);
  }

  pointPositions(id: string): PointPositions {
    const d = this.dataset(id);
    const { lon, lat } = d.geometry;
    if (d.geometry.kind !== 'point' || !lon || !lat) throw new Error(`${d.name} has no point coordinates`);
    const origin: [number, number] = d.bbox
      ? [(d.bbox[0] + d.bbox[2]) / 2, (d.bbox[1] + d.bbox[3]) / 2]
      : [0, 0];
    const sql = select(
      [
        `(${ident(lon)} - ${num(origin[0])})::FLOAT AS dx`,
        `(${ident(lat)} - ${num(origin[1])})::FLOAT AS dy`,
      ],
      ident(id),
      where([validPosition(lon, lat)]),
    );
    const result = this.conn.query(sql);
    const dx = result.getChild('dx')!;
    const dy = result.getChild('dy')!;
    const offsets = new Float32Array(result.numRows * 2);
    let row = 0;
    // Interleave chunk by chunk from DuckDB's result vectors: no per-row objects.
    for (let c = 0; c < dx.data.length; c++) {
      const { values: xs, offset: xo, length: n } = dx.data[c];
      const { values: ys, offset: yo } = dy.data[c];
      for (let i = 0; i < n; i++, row++) {
        offsets[2 * row] = xs[xo + i];
        offsets[2 * row + 1] = ys[yo + i];
      }
    }
    return { table: id, count: result.numRows, origin, offsets, sql };
  }
}
