// The engine: owns DuckDB and every dataset, in the worker (or in Node for tests and
// the CLI). It has no DOM dependency; the host is injected as an EnginePlatform.
import type { DuckDBBindings, DuckDBConnection } from './duckdb-types';
import type { EnginePlatform, Parquet } from './platform';
import type {
  DatasetInfo,
  EngineStatus,
  LineShapes,
  LoadOptions,
  LoadProgress,
  PointMarks,
  PointMarksRequest,
  PolygonShapes,
} from './protocol';
import { dropTableSql, isTableId, setSql, tableNameFor, versionSql } from './sql';
import { detectFormat } from './ingest/detect';
import { ingest } from './ingest/load';
import { scratchTables } from './ingest/append-columns';
import { datasetIdError, fail, failOf, withFileName } from './ingest/errors';
import { EngineError } from './engine-error';
import { tableMemory } from './describe';
import { pointMarks } from './point-marks';
import { fileNameOf } from './file-name';
import { cancelledLoad } from './abort';

export interface EngineOptions {
  /** Files over this many bytes are refused before reading (LoadOptions.maxBytes overrides). */
  maxBytes?: number;
}

/** Default size limit: a browser tab holds the file, its Arrow form and DuckDB's copy at once. */
export const DEFAULT_MAX_BYTES = 1024 * 1024 * 1024;

/** The rejection of a cancelled load: named AbortError, like fetch's, and naming the file. */
export const cancelledError = cancelledLoad;

export class Engine {
  private db!: DuckDBBindings;
  private conn!: DuckDBConnection;
  private parquet!: Parquet;
  private readonly datasets = new Map<string, DatasetInfo>();
  private readonly shapes = new Map<string, { polygons: PolygonShapes | null; lines: LineShapes | null }>();
  private status: EngineStatus | null = null;
  /** Loads run one at a time: each picks a table name and measures memory around itself. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Loads that can be cancelled, by LoadOptions.loadId. */
  private readonly loads = new Map<string, AbortController>();

  constructor(
    private readonly platform: EnginePlatform,
    private readonly options: EngineOptions = {},
  ) {}

  async init(): Promise<EngineStatus> {
    if (this.status) return this.status;
    const t0 = performance.now();
    const [{ db, bundle }, parquet] = await Promise.all([this.platform.openDuckDB(), this.platform.loadParquet()]);
    this.db = db;
    this.parquet = parquet;
    db.open({ query: { castBigIntToDouble: true, castTimestampToDate: false } });
    this.conn = db.connect();
    // Extension downloads hang offline: fail fast instead of waiting for the network.
    this.conn.query(setSql('autoinstall_known_extensions', false));
    this.conn.query(setSql('autoload_known_extensions', false));
    const version = String(this.conn.query(versionSql()).getChildAt(0)!.get(0));
    this.status = { duckdbVersion: version, bundle, initMs: performance.now() - t0 };
    return this.status;
  }

  /** The DuckDB connection, for engine modules (aggregation) that build on loaded tables. */
  get connection(): DuckDBConnection {
    return this.conn;
  }

  /** DuckDB's bindings, for the SQL console's own connection and DuckDB's tokenizer (src/engine/console/). */
  get bindings(): DuckDBBindings {
    return this.db;
  }

  /** parquet-wasm, for the SQL console's Parquet export. */
  get parquetModule(): Parquet {
    return this.parquet;
  }

  /** Size of parquet-wasm's linear memory (it grows and never shrinks); null before init. */
  parquetWasmBytes(): number | null {
    try {
      return this.parquet.wasmMemory().buffer.byteLength;
    } catch {
      return null; // not initialised yet
    }
  }

  async loadUrl(url: string, options: LoadOptions, onProgress?: (p: LoadProgress) => void): Promise<DatasetInfo> {
    const fileName = fileNameOf(url);
    const report = (p: Omit<LoadProgress, 'fileName'>) => onProgress?.({ fileName, ...p });
    const controller = this.startLoad(options.loadId);
    try {
      let bytes: Uint8Array;
      try {
        bytes = await this.platform.fetchBytes(
          url,
          (loaded, total) => report({ phase: 'fetch', bytesLoaded: loaded, bytesTotal: total, rows: null }),
          controller.signal,
        );
      } catch (err) {
        if (controller.signal.aborted) throw cancelledError(fileName);
        throw err;
      }
      return await this.enqueue(fileName, bytes, { source: url, ...options }, onProgress, controller.signal);
    } finally {
      this.endLoad(options.loadId, controller);
    }
  }

  /**
   * Load bytes (or bytes still being read, e.g. a File: the load is cancellable from the
   * first moment, since a cancel message can arrive while the file is read).
   */
  async loadBytes(
    fileName: string,
    bytes: Uint8Array | Promise<Uint8Array>,
    options: LoadOptions,
    onProgress?: (p: LoadProgress) => void,
  ): Promise<DatasetInfo> {
    const controller = this.startLoad(options.loadId);
    try {
      const data = await bytes;
      return await this.enqueue(fileName, data, options, onProgress, controller.signal);
    } finally {
      this.endLoad(options.loadId, controller);
    }
  }

  /** Abort the load with this id, wherever it is (fetch, queue, ingest); unknown ids are ignored. */
  cancelLoad(loadId: string): void {
    this.loads.get(loadId)?.abort();
  }

  private startLoad(loadId: string | undefined): AbortController {
    const controller = new AbortController();
    if (loadId !== undefined) {
      if (this.loads.has(loadId)) throw new EngineError('load-id-running', { id: loadId });
      this.loads.set(loadId, controller);
    }
    return controller;
  }

  private endLoad(loadId: string | undefined, controller: AbortController): void {
    if (loadId !== undefined && this.loads.get(loadId) === controller) this.loads.delete(loadId);
  }

  private enqueue(
    fileName: string,
    bytes: Uint8Array,
    options: LoadOptions,
    onProgress: ((p: LoadProgress) => void) | undefined,
    signal: AbortSignal,
  ): Promise<DatasetInfo> {
    const run = this.queue.then(() => this.loadNow(fileName, bytes, options, onProgress, signal));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async loadNow(
    fileName: string,
    bytes: Uint8Array,
    options: LoadOptions,
    onProgress: ((p: LoadProgress) => void) | undefined,
    signal: AbortSignal,
  ): Promise<DatasetInfo> {
    if (signal.aborted) throw cancelledError(fileName);
    const t0 = performance.now();
    const limit = options.maxBytes ?? this.options.maxBytes ?? DEFAULT_MAX_BYTES;
    if (bytes.byteLength > limit) {
      const mb = (n: number) => n / 1024 / 1024;
      throw fail(fileName, 'file-too-large', { mb: mb(bytes.byteLength), limitMb: mb(limit) });
    }
    if (bytes.byteLength === 0) throw fail(fileName, 'file-empty');
    const format = options.format ?? detectFormat(fileName, bytes);
    if (!format) throw failOf(fileName, 'file-type-unknown');
    const table = this.tableFor(fileName, options);
    const progress = (phase: LoadProgress['phase'], rows: number | null, rowsTotal: number | null = null) =>
      onProgress?.({ fileName, phase, bytesLoaded: bytes.byteLength, bytesTotal: bytes.byteLength, rows, rowsTotal });
    // Between stages: give the worker's message loop a turn (a cancel request may be
    // waiting behind this synchronous work), then stop if it came.
    const checkpoint = async () => {
      if (options.loadId !== undefined) await new Promise((r) => setTimeout(r, 0));
      if (signal.aborted) throw cancelledError(fileName);
    };
    const memoryBefore = tableMemory(this.conn);
    let result;
    try {
      progress('decode', null);
      result = await ingest(
        { db: this.db, conn: this.conn, parquet: this.parquet },
        table,
        fileName,
        bytes,
        format,
        options,
        (rows, total) => progress('insert', rows, total ?? null),
        checkpoint,
      );
      await checkpoint();
    } catch (err) {
      // Leave nothing behind: the datasets already loaded are untouched.
      for (const t of [table, ...scratchTables(table)]) this.conn.query(dropTableSql(t));
      if (signal.aborted) throw cancelledError(fileName);
      throw withFileName(fileName, err);
    }
    const info: DatasetInfo = {
      id: table,
      name: options.name ?? fileName.replace(/\.[^.]*$/, ''),
      fileName,
      format,
      source: options.source,
      licence: options.licence,
      ...result.info,
      bytes: bytes.byteLength,
      loadMs: performance.now() - t0,
      memoryBytes: Math.max(0, tableMemory(this.conn) - memoryBefore),
    };
    this.datasets.set(table, info);
    if (result.polygons || result.lines) this.shapes.set(table, { polygons: result.polygons, lines: result.lines });
    progress('done', info.rows);
    return info;
  }

  /** The table a load writes: the id asked for (never silently another), or one derived from the name. */
  private tableFor(fileName: string, options: LoadOptions): string {
    const taken = new Set(this.datasets.keys());
    if (options.id === undefined) return tableNameFor(options.name ?? fileName, taken);
    if (!isTableId(options.id)) throw datasetIdError(fileName, 'dataset-id-invalid', options.id);
    if (taken.has(options.id)) throw datasetIdError(fileName, 'dataset-id-taken', options.id);
    return options.id;
  }

  listDatasets(): DatasetInfo[] {
    return [...this.datasets.values()];
  }

  dataset(id: string): DatasetInfo {
    const d = this.datasets.get(id);
    if (!d) throw new EngineError('dataset-unknown', { id });
    return d;
  }

  renameDataset(id: string, name: string): DatasetInfo {
    const d = this.dataset(id);
    const trimmed = name.trim();
    if (!trimmed) throw new EngineError('dataset-name-empty', undefined, { subject: d.name });
    const renamed = { ...d, name: trimmed };
    this.datasets.set(id, renamed);
    return renamed;
  }

  removeDataset(id: string): void {
    this.dataset(id);
    this.conn.query(dropTableSql(id));
    this.datasets.delete(id);
    this.shapes.delete(id);
  }

  /**
   * The polygons of a dataset, feature i = row i (column __fid = i); null when it has
   * none. The engine's own arrays: callers must not modify them (the worker sends copies).
   */
  polygons(id: string): PolygonShapes | null {
    this.dataset(id);
    return this.shapes.get(id)?.polygons ?? null;
  }

  /** The lines of a dataset, feature i = row i; null when it has none. */
  lines(id: string): LineShapes | null {
    this.dataset(id);
    return this.shapes.get(id)?.lines ?? null;
  }

  /** What a point layer draws (see point-marks.ts). */
  pointMarks(request: PointMarksRequest): PointMarks {
    return pointMarks(this.conn, this.dataset(request.dataset), request);
  }
}
