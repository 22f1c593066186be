// Aggregation state for one engine: validates a request, runs the SQL, and caches the
// point → cell assignment (H3, districts) per point dataset and cell scheme, so that a
// new filter, statistic or time window is one SQL query and no geometry work.
import type { DuckDBConnection } from '../duckdb-types';
import type {
  AggregateRequest,
  AggregateResult,
  AggregateStat,
  DatasetInfo,
  PolygonShapes,
  TimeBinsRequest,
  TimeBinsResult,
} from '../protocol';
import { ASSIGN_CELL, ASSIGN_LAT, ASSIGN_LON, type AssignmentEntry, type CellAssignment } from './assignment';
import { float64Column, insertColumns } from './arrow-io';
import { filtersSql } from './filters';
import { timeExpr, timeWindowSql, binSql, TIME_BINS } from './time';
import { checkStat } from './stats';
import { checkMinCount, suppress } from './privacy';
import { assignH3, checkH3Resolution } from './h3';
import { PolygonIndex } from './districts';
import {
  copyCellsSql,
  distinctPositionsQuery,
  joinCellsSql,
  rowOrderCheckSql,
  timeBinsQuery,
  type QueryParts,
} from './query';
import { ident, positionInRange } from '../sql';
import { aggregateAssigned, aggregateProjected } from './results';

/** What the aggregator needs from the engine (the Engine class provides it). */
export interface AggregateHost {
  readonly connection: DuckDBConnection;
  dataset(id: string): DatasetInfo;
  polygons?(id: string): PolygonShapes | null | Promise<PolygonShapes | null>;
}

const MAX_CACHED_ASSIGNMENTS = 8;

export class Aggregator {
  private readonly cache = new Map<string, AssignmentEntry>();
  private tableSeq = 0;
  /** Geometry passes run and cache hits, for tests and the performance panel. */
  readonly counters = { assignmentsComputed: 0, cacheHits: 0 };

  constructor(private readonly host: AggregateHost) {}

  private parts(info: DatasetInfo, req: Omit<AggregateRequest, 'by'>, needPosition: boolean): QueryParts {
    const { lon, lat } = info.geometry;
    if (needPosition && (info.geometry.kind !== 'point' || !lon || !lat)) {
      throw new Error(`${info.name} has no point coordinates to aggregate`);
    }
    if (!needPosition && req.filters?.some((f) => f.kind === 'bbox') && (!lon || !lat)) {
      throw new Error(`${info.name} has no point coordinates for a bbox filter`);
    }
    const stat: AggregateStat = req.stat ?? 'count';
    const value = checkStat(stat, req.value, info.columns);
    const conditions = [
      ...(needPosition ? [positionInRange(lon!, lat!)] : []),
      ...filtersSql(req.filters, info.columns, lon ?? '', lat ?? ''),
      ...timeWindowSql(info.columns, req.time),
    ];
    return { table: info.id, lon: lon ?? '', lat: lat ?? '', conditions, stat, value };
  }

  async aggregate(req: AggregateRequest): Promise<AggregateResult> {
    const t0 = performance.now();
    const info = this.host.dataset(req.dataset);
    const k = checkMinCount(req.minCount);
    const parts = this.parts(info, req, true);
    const conn = this.host.connection;
    const by = req.by;
    if (by.kind === 'grid' || by.kind === 'hexagon') {
      if (!(by.sizeM >= 1 && Number.isFinite(by.sizeM))) throw new Error(`cell size must be at least 1 metre, got ${by.sizeM}`);
      return aggregateProjected(conn, info, req, parts, k, t0);
    }
    let got: { entry: AssignmentEntry; cached: boolean };
    const ta = performance.now();
    if (by.kind === 'h3') {
      checkH3Resolution(by.resolution);
      got = await this.assignment(info, `h3:${by.resolution}`, null, (x, y) => assignH3(x, y, by.resolution));
    } else if (by.kind === 'districts') {
      const polyInfo = this.host.dataset(by.polygons);
      if (!this.host.polygons) throw new Error('this engine cannot read polygon datasets');
      const read = this.host.polygons.bind(this.host);
      got = await this.assignment(info, `districts:${polyInfo.id}`, polyInfo, async (x, y) => {
        const shapes: PolygonShapes | null | undefined = await read(polyInfo.id);
        if (!shapes) throw new Error(`${polyInfo.name} has no polygons to aggregate into`);
        return { ...new PolygonIndex(shapes).assign(x, y), shapes };
      });
    } else {
      throw new Error(`unknown aggregation "${(by as { kind: string }).kind}"`);
    }
    const assignMs = performance.now() - ta;
    return aggregateAssigned(conn, info, req, parts, k, got, t0, assignMs);
  }

  /** The cached assignment for a point dataset and cell scheme, computed on a miss. */
  private async assignment(
    points: DatasetInfo,
    scheme: string,
    polygons: DatasetInfo | null,
    assign: (x: Float64Array, y: Float64Array) => CellAssignment | Promise<CellAssignment>,
  ): Promise<{ entry: AssignmentEntry; cached: boolean }> {
    const key = `${points.id}\u0000${scheme}`;
    const hit = this.cache.get(key);
    // Same DatasetInfo objects = same loaded tables; a reload under the same id misses.
    if (hit && hit.points === points && hit.polygons === polygons) {
      this.counters.cacheHits++;
      this.cache.delete(key);
      this.cache.set(key, hit); // most recently used last
      return { entry: hit, cached: true };
    }
    if (hit) this.drop(key);
    const conn = this.host.connection;
    const t0 = performance.now();
    const { lon, lat } = points.geometry;
    const src = { table: points.id, lon: lon!, lat: lat! };
    const pos = conn.query(distinctPositionsQuery(src));
    const x = float64Column(pos, 'x');
    const y = float64Column(pos, 'y');
    const { cell, keys, shapes } = await assign(x, y);
    const seq = ++this.tableSeq;
    const table = `__citylens_cells_${seq}`;
    const temp = { assign: `__citylens_assign_${seq}`, joined: `__citylens_joined_${seq}` };
    try {
      insertColumns(conn, temp.assign, { [ASSIGN_LON]: x, [ASSIGN_LAT]: y, [ASSIGN_CELL]: cell });
      conn.query(joinCellsSql(src, temp.assign, temp.joined));
      const ordered = Number(conn.query(rowOrderCheckSql(temp.joined)).getChildAt(0)!.get(0)) === 0;
      conn.query(copyCellsSql(temp.joined, table, ordered));
    } finally {
      conn.query(`DROP TABLE IF EXISTS ${ident(temp.assign)}`);
      conn.query(`DROP TABLE IF EXISTS ${ident(temp.joined)}`);
    }
    this.counters.assignmentsComputed++;
    const entry: AssignmentEntry = {
      points,
      polygons,
      table,
      keys,
      shapes,
      positions: x.length,
      ms: performance.now() - t0,
    };
    this.cache.set(key, entry);
    while (this.cache.size > MAX_CACHED_ASSIGNMENTS) this.drop(this.cache.keys().next().value!);
    return { entry, cached: false };
  }

  private drop(key: string): void {
    const e = this.cache.get(key);
    if (!e) return;
    this.host.connection.query(`DROP TABLE IF EXISTS ${ident(e.table)}`);
    this.cache.delete(key);
  }

  /** Forget cached assignments of a dataset (points or polygons), e.g. when it is removed. */
  forget(datasetId: string): void {
    for (const [key, e] of [...this.cache]) {
      if (e.points.id === datasetId || e.polygons?.id === datasetId) this.drop(key);
    }
  }

  timeBins(req: TimeBinsRequest): TimeBinsResult {
    const info = this.host.dataset(req.dataset);
    const k = checkMinCount(req.minCount);
    if (!TIME_BINS.includes(req.bin)) throw new Error(`unknown time bin "${req.bin}" (expected ${TIME_BINS.join(', ')})`);
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
