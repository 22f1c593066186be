// "Add to map": the last console result becomes a dataset like any other, loaded
// through the engine's own Parquet ingest (the column roles, geometry checks, time
// columns and statistics of every load). Coordinates and WKT go in as they are; WKB
// as GeoParquet; H3 ids and rows keyed to a polygon dataset get a WKT outline column.
import { Table, Utf8, tableFromIPC, tableToIPC, vectorFromArray } from 'apache-arrow';
import { cellToBoundary } from 'h3-js';
import type { ConsoleAddRequest, ConsoleMapping, DatasetInfo, LoadOptions, PolygonShapes } from '../protocol';
import { featureNamesSql, resultColumnsSql } from '../sql';
import { FID, uniqueNames } from '../ingest/features';
import { h3Text } from './mappings';
import { writeParquetBytes } from './export';
import { runPending } from './pending';
import { typedColumnsSql } from './typed-columns';
import type { ConsoleSession } from './session';
import { EngineError } from '../engine-error';


/** A ring or path as WKT coordinates "x y, x y, …" (JS number text: no locale). */
function wktRing(coords: ArrayLike<number>, from: number, to: number): string {
  const out: string[] = [];
  for (let v = from; v < to; v++) out.push(`${coords[2 * v]} ${coords[2 * v + 1]}`);
  return `(${out.join(', ')})`;
}

/** Feature f of polygon shapes as a WKT MULTIPOLYGON; null when it has no polygons. */
export function featureWkt(s: PolygonShapes, f: number): string | null {
  const polys: string[] = [];
  for (let p = s.featurePolygonOffsets[f]; p < s.featurePolygonOffsets[f + 1]; p++) {
    const rings: string[] = [];
    for (let r = s.polygonRingOffsets[p]; r < s.polygonRingOffsets[p + 1]; r++) rings.push(wktRing(s.coords, s.ringOffsets[r], s.ringOffsets[r + 1]));
    polys.push(`(${rings.join(', ')})`);
  }
  return polys.length ? `MULTIPOLYGON (${polys.join(', ')})` : null;
}

/** An H3 cell's outline as a WKT POLYGON (closed ring, lon lat). */
export function h3Wkt(h: string): string {
  const ring = cellToBoundary(h, true);
  return `POLYGON ((${ring.map(([lon, lat]) => `${lon} ${lat}`).join(', ')}))`;
}

/** The text of every row of one result column. */
async function textColumn(session: ConsoleSession, table: string, column: string, signal: AbortSignal): Promise<(string | null)[]> {
  const t = tableFromIPC((await runPending(session.connection(), resultColumnsSql(table, [{ name: column, text: true }]), { signal }))!);
  const v = t.getChildAt(0)!;
  return Array.from({ length: t.numRows }, (_, i) => v.get(i) as string | null);
}

/** A WKT outline per result row, from its H3 id or its key's polygon feature. */
async function outlines(session: ConsoleSession, table: string, mapping: Extract<ConsoleMapping, { kind: 'h3' | 'join' }>, signal: AbortSignal): Promise<(string | null)[]> {
  const values = await textColumn(session, table, mapping.column, signal);
  if (mapping.kind === 'h3') {
    return values.map((v) => {
      const h = v === null ? null : h3Text(v);
      return h ? h3Wkt(h) : null;
    });
  }
  const { engine } = session;
  const info = engine.dataset(mapping.dataset);
  const shapes = engine.polygons(mapping.dataset);
  if (!shapes) throw new EngineError('dataset-no-polygons', { dataset: info.name });
  const order = info.columns.some((c) => c.name === FID) ? FID : null;
  const keys = engine.connection.query(featureNamesSql(info.id, mapping.key, order)).getChild('n')!;
  const feature = new Map<string, number>();
  for (let f = 0; f < keys.length; f++) {
    const k = keys.get(f) as string | null;
    if (k !== null && !feature.has(k)) feature.set(k, f);
  }
  return values.map((v) => {
    const f = v === null ? undefined : feature.get(v);
    return f === undefined ? null : featureWkt(shapes, f);
  });
}

/** The last result as a dataset on the map. */
export async function addResult(session: ConsoleSession, request: ConsoleAddRequest, signal: AbortSignal): Promise<DatasetInfo> {
  const last = session.last;
  if (!last || !('table' in last.source)) throw new EngineError('console-nothing-to-add');
  const { table } = last.source;
  const { mapping } = request;
  const named = (c: string) => {
    if (!last.columns.some((x) => x.name === c)) throw new EngineError('console-result-no-column', { column: c });
  };
  for (const c of mapping.kind === 'lonlat' ? [mapping.lon, mapping.lat] : [mapping.column]) named(c);
  const conn = session.connection();
  const sql = typedColumnsSql(conn, table, last.columns);
  let rows: Table = tableFromIPC((await runPending(conn, sql, { signal }))!);
  const options: LoadOptions = { name: request.name, source: request.source, format: 'parquet' };
  let metadata: Map<string, string> | undefined;
  if (mapping.kind === 'lonlat') Object.assign(options, { lon: mapping.lon, lat: mapping.lat });
  else if (mapping.kind === 'wkt') options.wkt = mapping.column;
  else if (mapping.kind === 'wkb') {
    const geo = { version: '1.0.0', primary_column: mapping.column, columns: { [mapping.column]: { encoding: 'WKB', geometry_types: [] } } };
    metadata = new Map([['geo', JSON.stringify(geo)]]);
  } else {
    const [column] = uniqueNames(['outline_wkt'], last.columns.map((c) => c.name));
    rows = rows.assign(new Table({ [column]: vectorFromArray(await outlines(session, table, mapping, signal), new Utf8()) }));
    options.wkt = column;
  }
  const bytes = writeParquetBytes(session, tableToIPC(rows, 'stream'), metadata);
  return session.engine.loadBytes(`${request.name}.parquet`, bytes, options);
}
