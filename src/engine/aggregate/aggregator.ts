// Aggregation state for one engine: validates a request, binds its cell scheme, caches
// the point → cell assignment per point dataset and scheme key, and reduces the rows:
// in typed-array kernels when they can (reduce.ts), else in SQL over a cached per-row
// cell table. A new filter, statistic or time window does no geometry work.
import type { DuckDBConnection } from '../duckdb-types';
import type {
  AggregateRequest,
  AggregateResult,
  AggregateStat,
  CompareRequest,
  DatasetInfo,
  PolygonShapes,
  TimeBinsRequest,
  TimeBinsResult,
  TimeWindow,
} from '../protocol';
import type { BoundScheme, CellTable } from './cell-scheme';
import type { EngineMessage } from '../messages';
import { CELL_COLUMN, TIME_BIN_COLUMN, assignedCellsQuery, compareCellsQuery, dropTableQuery, positionInRange, timeBinsQuery, timeExtentQuery, type QueryParts } from '../sql';
import { compareUnit, type CompareCells, type WindowMoments } from './compare-cells';
import { float64Column, insertColumns, int32Column } from './arrow-io';
import { filterSql, filtersSql } from './filters';
import { timeExpr, timeWindowSql, binSql, TIME_BINS } from './time';
import { checkShare, checkStat } from './stats';
import { checkMinCount, suppress } from './privacy';
import { schemeOf } from './schemes';
import { RowStore } from './row-store';
import { kernelRows } from './kernel-rows';
import { reduceCells, type CellStats } from './reduce';
import { listedCells, packResult } from './results';
import { hourOfWeekBins, readTimeRows } from './time-rows';
import { wholeCityScheme } from './whole-city';
import { HOURS_OF_WEEK, type AggregateHow } from './groupings';
import { cellsByBin, rowsByBin } from './binned';
import { layerCube } from './layer-cube';
import { WindowCubes } from './window-cube';
import { plainWindows, zonedWindows } from './compare-windows';
import type { Cube } from '../cube';
import { CALENDAR_BINS, type CalendarBin } from '../time';
import { cellIdsTable } from './cell-ids';
import { EngineError } from '../engine-error';
import { TablePins } from './table-pins';

/** What the aggregator needs from the engine (the Engine class provides it). */
export interface AggregateHost {
  readonly connection: DuckDBConnection;
  dataset(id: string): DatasetInfo;
  polygons?(id: string): PolygonShapes | null | Promise<PolygonShapes | null>;
}

/** A cached assignment: each point row's cell, and the cells' geometry. */
interface AssignmentEntry {
  /** The DatasetInfo objects it was computed from; a reload under the same id is a miss. */
  points: DatasetInfo;
  polygons: DatasetInfo | null;
  cells: CellTable;
  /** Position of each row of the point table (-1 = unusable), and cell of each position. */
  rowPosition: Int32Array;
  positionCell: Int32Array;
  positions: number;
  /** The per-row cell column as a DuckDB table, made on the first SQL reduction. */
  table: string | null;
  /** The cells' ids as a DuckDB table (CELL_COLUMN plus id columns), made for a shown method. */
  ids: { table: string; columns: string[] } | null;
}

/** What a layer's method reads: the statement parts and the engine tables behind them. */
export interface MethodParts {
  parts: QueryParts;
  cellTable: string;
  idsTable: string;
  idColumns: string[];
  cells: CellTable;
  minCount: number;
  /** How the cells were assigned, as the scheme words it (reduced in SQL, as the method's statement does). */
  method: EngineMessage;
}

const MAX_CACHED_ASSIGNMENTS = 8;

/** Rows both masks keep (null = every row). */
function andMask(a: Uint8Array | null, b: Uint8Array): Uint8Array {
  if (!a) return b;
  const out = new Uint8Array(b.length);
  for (let i = 0; i < b.length; i++) out[i] = a[i] & b[i];
  return out;
}

// Table names are unique per connection, which several aggregators may share (CLI, tests).
let tableSeq = 0;

/** The aggregation requests of one engine: aggregate, timeBins, forget; caches per dataset. */
export class Aggregator {
  private readonly cache = new Map<string, AssignmentEntry>();
  private readonly rowStore: RowStore;
  /** Layers asked for window after window (a brush, a playback) are answered from cubes. */
  readonly cubes = new WindowCubes();
  /** Tables a shown method reads: never dropped while pinned (see pin). */
  private readonly pins = new TablePins((table) => this.host.connection.query(dropTableQuery(table)));
  /** Geometry passes run and cache hits, for tests and the performance panel. */
  readonly counters = { assignmentsComputed: 0, cacheHits: 0 };

  constructor(private readonly host: AggregateHost) {
    this.rowStore = new RowStore(() => host.connection);
  }

  private parts(info: DatasetInfo, req: Omit<AggregateRequest, 'by' | 'bin'>, needPosition: boolean): QueryParts {
    const { lon, lat } = info.geometry;
    if (needPosition && (info.geometry.kind !== 'point' || !lon || !lat)) {
      throw new EngineError('no-point-coordinates-to-aggregate', { dataset: info.name });
    }
    if (!needPosition && req.filters?.some((f) => f.kind === 'bbox') && (!lon || !lat)) {
      throw new EngineError('no-point-coordinates-for-bbox', { dataset: info.name });
    }
    const stat: AggregateStat = req.stat ?? 'count';
    const value = checkStat(stat, req.value, info.columns);
    const shareColumn = checkShare(stat, req.share, info.columns);
    const share = shareColumn && req.share ? { column: shareColumn.name, condition: filterSql(req.share, info.columns, lon ?? '', lat ?? '') } : null;
    const conditions = [
      ...(needPosition ? [positionInRange(lon!, lat!)] : []),
      ...filtersSql(req.filters, info.columns, lon ?? '', lat ?? ''),
      ...timeWindowSql(info.columns, req.time),
    ];
    return { table: info.id, lon: lon ?? '', lat: lat ?? '', conditions, stat, value, share };
  }

  /**
   * The request's aggregate. `how.whole`: every position in one cell (the whole city);
   * `how.hourOfWeek`: rows grouped by local hour of the week (168 bins, entry c·168 + h)
   * instead of by `req.bin` (see AggregateHow).
   */
  async aggregate(req: AggregateRequest, how: AggregateHow = {}): Promise<AggregateResult> {
    const t0 = performance.now();
    const info = this.host.dataset(req.dataset);
    const k = checkMinCount(req.minCount);
    if (req.bin !== undefined && !req.time) throw new EngineError('bin-needs-time', undefined, { subject: info.name });
    if (req.bin !== undefined && !CALENDAR_BINS.includes(req.bin)) throw new EngineError('unknown-bin', { bin: String(req.bin), expected: CALENDAR_BINS.join(', ') });
    // The time part runs per row in JS, in the display zone (src/engine/time), not in SQL.
    const parts = this.parts(info, { ...req, time: undefined }, true);
    const bound = how.whole ? wholeCityScheme() : await schemeOf(req.by).bind(req.by, info, this.host);
    const ta = performance.now();
    const { entry, cached, sql: positionsSql } = await this.assignment(info, bound);
    const assignMs = performance.now() - ta;
    const tq = performance.now();
    const positions = this.rowStore.positions(info).positions;
    // A window of a layer asked for window after window merges its time cube (window-cube.ts).
    const cubed = how.whole || how.hourOfWeek ? null : this.cubes.answer(req, info, bound.key, entry, () =>
      layerCube(info, req, { rowPosition: entry.rowPosition, positionCell: entry.positionCell, cells: entry.cells.count }, this.rowStore, positions),
    );
    if (cubed) {
      const sql = [...positionsSql, cubed.sql].join(';\n');
      const facts = { positions: entry.positions, cached, kernel: 'js' } as const;
      const timings = { t0, assignMs, queryMs: performance.now() - tq };
      const result = packResult({ req, stat: parts.stat, value: parts.value?.name ?? null, minCount: k, bound, cells: entry.cells, stats: cubed.stats, sql, method: bound.method(facts), assignment: cached ? 'cached' : 'computed', timings });
      result.cube = { bins: cubed.bins, bytes: cubed.bytes, buildMs: cubed.buildMs };
      return result;
    }
    if (how.hourOfWeek && !req.time) throw new EngineError('hours-of-week-need-time', undefined, { subject: info.name });
    const timed = req.time ? readTimeRows(info, req.time, how.hourOfWeek ? undefined : req.bin, this.rowStore) : null;
    const bins = how.hourOfWeek && timed && req.time ? hourOfWeekBins(info, req.time, this.rowStore, timed.rows.keep) : timed?.rows.bin ?? null;
    const B = how.hourOfWeek ? HOURS_OF_WEEK : timed?.rows.binStarts?.length ?? 1;
    const C = entry.cells.count * B;
    const rows = kernelRows(info, { stat: parts.stat, value: parts.value, filters: req.filters, time: undefined, share: req.share }, this.rowStore, positions);
    let stats: CellStats;
    let sql: string;
    if (rows) {
      const mask = timed ? andMask(rows.mask, timed.rows.keep) : rows.mask;
      const at = bins ? rowsByBin(entry.rowPosition, entry.positionCell, bins, B) : entry;
      stats = reduceCells({ ...rows, mask, rowPosition: at.rowPosition, positionCell: at.positionCell, cellCount: C });
      sql = [...positionsSql, ...(timed ? [timed.sql] : []), ...rows.sql].join(';\n');
    } else {
      const timeTable = timed ? this.timeTable(timed.rows.keep, bins) : undefined;
      try {
        const query = assignedCellsQuery(parts, this.cellTable(entry), timeTable);
        sql = [...(timed ? [timed.sql] : []), query].join(';\n');
        stats = this.reduceInSql(query, entry.cells.count, B, timeTable !== undefined);
      } finally {
        if (timeTable) this.host.connection.query(dropTableQuery(timeTable));
      }
    }
    const queryMs = performance.now() - tq;
    const facts = { positions: entry.positions, cached, kernel: rows ? 'js' : 'sql' } as const;
    const byBin = bins ? cellsByBin(entry.cells, bound, B) : { cells: entry.cells, bound };
    const result = packResult({
      req,
      stat: parts.stat,
      value: parts.value?.name ?? null,
      minCount: k,
      bound: byBin.bound,
      cells: byBin.cells,
      stats,
      sql,
      method: bound.method(facts),
      assignment: cached ? 'cached' : 'computed',
      timings: { t0, assignMs, queryMs },
    });
    if (bins && timed && (how.hourOfWeek || (timed.rows.binStarts && timed.rows.binOffsets))) {
      const chosen = listedCells(byBin.cells, stats.counts);
      result.bins = {
        bin: req.bin ?? 'hour',
        zone: timed.rows.display.zone,
        starts: Float64Array.from(timed.rows.binStarts ?? []),
        offsets: Float64Array.from(timed.rows.binOffsets ?? []),
        index: Int32Array.from(chosen, (c) => c % B),
      };
    }
    return result;
  }

  /**
   * The cube of a layer (cells × local hour bins of its display zone, src/engine/cube) over
   * the cached assignment: bin-aligned windows with hour and weekday filters then merge bins.
   */
  async cube(req: AggregateRequest): Promise<{ cube: Cube; cells: CellTable; bound: BoundScheme; cached: boolean; positions: number; sql: string[] }> {
    const info = this.host.dataset(req.dataset);
    this.parts(info, { ...req, time: undefined }, true);
    const bound = await schemeOf(req.by).bind(req.by, info, this.host);
    const { entry, cached, sql } = await this.assignment(info, bound);
    const positions = this.rowStore.positions(info).positions;
    const built = layerCube(info, req, { rowPosition: entry.rowPosition, positionCell: entry.positionCell, cells: entry.cells.count }, this.rowStore, positions);
    return { cube: built.cube, cells: entry.cells, bound, cached, positions: entry.positions, sql: [...sql, ...built.sql] };
  }

  /** A per-row table of the time filters' verdict and bins (TIME_BIN_COLUMN), for a POSITIONAL JOIN. */
  private timeTable(keep: Uint8Array, bins: Int32Array | null): string {
    const table = `__citylens_time_${++tableSeq}`;
    const col = bins ?? Int32Array.from(keep, (k) => (k ? 0 : -1));
    insertColumns(this.host.connection, table, { [TIME_BIN_COLUMN]: col });
    return table;
  }

  /** Per-cell count and statistic from SQL over the cell table; cells without rows get 0 and NaN. */
  private reduceInSql(sql: string, cellCount: number, B = 1, binned = false): CellStats {
    const r = this.host.connection.query(sql);
    const cell = int32Column(r, '__cell');
    const bin = binned ? int32Column(r, '__bin') : null;
    const n = float64Column(r, '__n');
    const v = float64Column(r, '__value');
    const stats = { counts: new Float64Array(cellCount * B), values: new Float64Array(cellCount * B).fill(NaN) };
    for (let i = 0; i < cell.length; i++) {
      if (cell[i] < 0) continue;
      // Without bins every kept row has bin 0, so B = 1 and the entry is the cell.
      const e = cell[i] * B + (bin ? bin[i] : 0);
      stats.counts[e] = n[i];
      stats.values[e] = v[i];
    }
    return stats;
  }

  /** The cached assignment for a point dataset and bound scheme, computed on a miss. */
  private async assignment(points: DatasetInfo, bound: BoundScheme): Promise<{ entry: AssignmentEntry; cached: boolean; sql: string[] }> {
    const key = `${points.id}\u0000${bound.key}`;
    const hit = this.cache.get(key);
    const read = this.rowStore.positions(points);
    // Same DatasetInfo objects = same loaded tables; a reload under the same id misses.
    if (hit && hit.points === points && hit.polygons === bound.polygons) {
      this.counters.cacheHits++;
      this.cache.delete(key);
      this.cache.set(key, hit); // most recently used last
      return { entry: hit, cached: true, sql: read.sql };
    }
    if (hit) this.drop(key);
    const { x, y, rowPosition } = read.positions;
    const { cell, cells } = await bound.assign(x, y);
    this.counters.assignmentsComputed++;
    const entry: AssignmentEntry = { points, polygons: bound.polygons, cells, rowPosition, positionCell: cell, positions: x.length, table: null, ids: null };
    this.cache.set(key, entry);
    while (this.cache.size > MAX_CACHED_ASSIGNMENTS) this.drop(this.cache.keys().next().value!);
    return { entry, cached: false, sql: read.sql };
  }

  /** The assignment's per-row cell column as a DuckDB table, in point-row order, for a POSITIONAL JOIN. */
  private cellTable(entry: AssignmentEntry): string {
    if (entry.table) return entry.table;
    const table = `__citylens_cells_${++tableSeq}`;
    const { rowPosition, positionCell } = entry;
    const rowCell = new Int32Array(rowPosition.length);
    for (let i = 0; i < rowPosition.length; i++) rowCell[i] = rowPosition[i] < 0 ? -1 : positionCell[rowPosition[i]];
    insertColumns(this.host.connection, table, { [CELL_COLUMN]: rowCell });
    entry.table = table;
    return table;
  }

  private drop(key: string): void {
    const e = this.cache.get(key);
    if (!e) return;
    // A table a shown method reads stays until its last holder lets go.
    for (const t of [e.table, e.ids?.table]) if (t) this.pins.drop(t);
    this.cache.delete(key);
  }

  /**
   * What a cell layer's method reads, made on demand: the per-row cell table and the
   * cell ids table of its (cached) assignment, with the request's statement parts.
   */
  async methodParts(req: AggregateRequest): Promise<MethodParts> {
    const info = this.host.dataset(req.dataset);
    const minCount = checkMinCount(req.minCount);
    const parts = this.parts(info, req, true);
    const bound = await schemeOf(req.by).bind(req.by, info, this.host);
    const { entry, cached } = await this.assignment(info, bound);
    const cellTable = this.cellTable(entry);
    entry.ids ??= cellIdsTable(this.host.connection, `__citylens_cellids_${++tableSeq}`, req.by.kind, entry.cells, bound.names);
    const method = bound.method({ positions: entry.positions, cached, kernel: 'sql' });
    return { parts, cellTable, idsTable: entry.ids.table, idColumns: entry.ids.columns, cells: entry.cells, minCount, method };
  }

  /** Pin `tables` for `holder`, replacing what it pinned; [] lets go. Answers every pinned table. */
  pin(holder: string, tables: readonly string[]): string[] {
    return this.pins.pin(holder, tables);
  }

  /**
   * Index a point dataset's distinct positions now, as part of its load: every cell scheme
   * starts from them, and the dashboard aggregates a point dataset as soon as it loads.
   * Anything wrong with the coordinates is left for the first aggregation to report.
   */
  prepare(info: DatasetInfo): void {
    if (info.geometry.kind !== 'point' || !info.geometry.lon || !info.geometry.lat || !info.bbox) return;
    try {
      this.rowStore.positions(info);
    } catch {
      // reported by the aggregation that needs the positions
    }
  }

  /** The distinct usable positions of a point dataset (x = lon, y = lat), read once and cached. */
  positionsOf(datasetId: string): { x: Float64Array; y: Float64Array } {
    const { x, y } = this.rowStore.positions(this.host.dataset(datasetId)).positions;
    return { x, y };
  }

  /** Forget cached assignments and rows of a dataset (points or polygons), e.g. when it is removed. */
  forget(datasetId: string): void {
    for (const [key, e] of [...this.cache]) {
      if (e.points.id === datasetId || e.polygons?.id === datasetId) this.drop(key);
    }
    this.cubes.forget(datasetId);
    this.rowStore.forget(datasetId);
  }

  /**
   * Per cell and window, the rows and value moments of a before/after comparison, over
   * the cached assignment (analysis/compare.ts tests and packs them).
   */
  async compareCells(req: CompareRequest): Promise<CompareCells> {
    const t0 = performance.now();
    const info = this.host.dataset(req.dataset);
    const parts = this.parts(info, { ...req, time: undefined }, true);
    const t = timeExpr(info.columns, req.time.column, req.time.format);
    const bound = await schemeOf(req.by).bind(req.by, info, this.host);
    const ta = performance.now();
    const { entry, cached, sql: positionsSql } = await this.assignment(info, bound);
    const assignMs = performance.now() - ta;
    const extentSql = timeExtentQuery(info.id, t);
    const extent = this.host.connection.query(extentSql).toArray()[0]?.toJSON() as { t0: number | null; t1: number | null } | undefined;
    const zoned = (req.time.zone !== undefined && req.time.zone !== 'UTC') || req.time.hours !== undefined || req.time.days !== undefined;
    const windows = zoned ? zonedWindows(this.host.connection, info, req, t, this.rowStore, `__citylens_time_${++tableSeq}`) : plainWindows(req, t);
    let sql: string;
    let r: ReturnType<DuckDBConnection['query']>;
    try {
      sql = compareCellsQuery(parts, this.cellTable(entry), windows.windows, compareUnit(info.columns, req.unit), windows.table);
      r = this.host.connection.query(sql);
    } finally {
      if (windows.table) this.host.connection.query(dropTableQuery(windows.table));
    }
    const C = entry.cells.count;
    const make = () => ({ rows: new Float64Array(C), n: new Float64Array(C), mean: new Float64Array(C).fill(NaN), variance: new Float64Array(C).fill(NaN), sum: new Float64Array(C), value: new Float64Array(C).fill(NaN) });
    const out: [WindowMoments, WindowMoments] = [make(), make()];
    const cell = int32Column(r, '__cell');
    const w = int32Column(r, '__w');
    const cols = { rows: float64Column(r, '__rows'), n: float64Column(r, '__n'), mean: float64Column(r, '__mean'), variance: float64Column(r, '__var'), sum: float64Column(r, '__sum'), value: float64Column(r, '__value') };
    for (let i = 0; i < cell.length; i++) {
      if (cell[i] < 0) continue;
      const m = out[w[i]];
      const c = cell[i];
      m.rows[c] = cols.rows[i];
      m.n[c] = cols.n[i];
      m.mean[c] = cols.mean[i];
      m.variance[c] = cols.variance[i];
      m.sum[c] = cols.sum[i];
      m.value[c] = cols.value[i];
    }
    return {
      stat: parts.stat,
      value: parts.value?.name ?? null,
      bound,
      cells: entry.cells,
      before: out[0],
      after: out[1],
      windowsMs: windows.ms,
      extentMs: extent && extent.t0 !== null && extent.t1 !== null ? [extent.t0, extent.t1] : null,
      filteredDays: windows.filteredDays,
      rowsPerPosition: entry.positions ? info.rows / entry.positions : NaN,
      sql: [...positionsSql, extentSql, ...windows.sql, sql].join(';\n'),
      method: bound.method({ positions: entry.positions, cached, kernel: 'sql' }),
      cached,
      assignMs,
      t0,
    };
  }

  /**
   * Time bins in a display zone, as the layers bin: the whole city as one cell, binned per
   * row in JS (rows with coordinates, as every layer counts them); bins with rows only.
   */
  async zonedTimeBins(req: TimeBinsRequest & { zone: string }): Promise<TimeBinsResult> {
    if (!CALENDAR_BINS.includes(req.bin as CalendarBin)) throw new EngineError('zoned-bin-invalid', { expected: CALENDAR_BINS.join(', '), bin: String(req.bin) });
    // Rows without point coordinates (polygons, plain tables) are binned in SQL on the column's own clock.
    const info = this.host.dataset(req.dataset);
    if (info.geometry.kind !== 'point' || !info.geometry.lon || !info.geometry.lat) return this.timeBins(req);
    const { dataset, stat, value, share, filters, minCount, zone, column, format } = req;
    const time: TimeWindow = { ...req.time, column, format, zone };
    const k = checkMinCount(minCount);
    // Unsuppressed first, so that bins without rows can be left out (as the SQL path does); then k.
    const r = await this.aggregate({ dataset, by: { kind: 'grid', sizeM: 1 }, stat, value, share, filters, minCount: 0, time, bin: req.bin as CalendarBin }, { whole: true });
    const bins = r.bins!;
    const kept = Array.from(bins.index.keys()).filter((i) => r.counts[i] > 0);
    const pick = (a: Float64Array) => Float64Array.from(kept, (i) => a[i]);
    const counts = pick(r.counts);
    const values = pick(r.values);
    const { suppressed } = suppress(k, counts, values);
    return {
      bin: req.bin,
      keys: Float64Array.from(kept, (i) => bins.starts[bins.index[i]]),
      zone: bins.zone,
      offsets: Float64Array.from(kept, (i) => bins.offsets[bins.index[i]]),
      counts,
      values,
      suppressed,
      rows: r.rows,
      sql: r.sql,
    };
  }

  timeBins(req: TimeBinsRequest): TimeBinsResult {
    const info = this.host.dataset(req.dataset);
    const k = checkMinCount(req.minCount);
    if (!TIME_BINS.includes(req.bin)) throw new EngineError('unknown-time-bin', { bin: String(req.bin), expected: TIME_BINS.join(', ') });
    const parts = this.parts(info, req, false);
    const key = binSql(req.bin, timeExpr(info.columns, req.column, req.format));
    const sql = timeBinsQuery(parts, key);
    const r = this.host.connection.query(sql);
    const keys = float64Column(r, '__key');
    const counts = float64Column(r, '__n');
    const values = float64Column(r, '__value');
    let rows = 0;
    for (const n of counts) rows += n;
    const { suppressed } = suppress(k, counts, values);
    return { bin: req.bin, keys, counts, values, suppressed, rows, sql };
  }
}
