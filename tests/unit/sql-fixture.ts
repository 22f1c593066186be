// A documented fixture schema for checking that SQL builders bind: every builder's text
// is run through EXPLAIN against these tables (as Mosaic's sql tests validate). Extend
// the schema with the columns a builder needs; keep it small and describe each table.
import { Engine } from '../../src/engine/engine';
import { nodePlatform } from '../../src/engine/platform-node';

/**
 * - points: a point dataset as the engine stores it (lon/lat DOUBLE, a timestamp, a
 *   number, a text category, a boolean, a row id column __fid).
 * - polygons: a polygon dataset's attribute table (__fid, name, population).
 * - cells: a cached per-row cell table (__citylens_cell INTEGER).
 * - assign: a per-position assignment (__citylens_lon, __citylens_lat, __citylens_cell).
 */
export const FIXTURE_SCHEMA = [
  `CREATE TABLE points (__fid INTEGER, lon DOUBLE, lat DOUBLE, ts TIMESTAMP, day DATE, num_bikes DOUBLE, count_int INTEGER, kind VARCHAR, "odd ""name""" VARCHAR, ok BOOLEAN, raw_time VARCHAR, geom BLOB)`,
  `CREATE TABLE polygons (__fid INTEGER, name VARCHAR, population DOUBLE)`,
  `CREATE TABLE cells (__citylens_cell INTEGER)`,
  `CREATE TABLE assign (__citylens_lon DOUBLE, __citylens_lat DOUBLE, __citylens_cell INTEGER)`,
];

let ready: Promise<Engine> | null = null;

/** An engine whose connection holds the fixture schema (created once per test file). */
export function fixtureEngine(): Promise<Engine> {
  ready ??= (async () => {
    const engine = new Engine(nodePlatform);
    await engine.init();
    for (const sql of FIXTURE_SCHEMA) engine.connection.query(sql);
    return engine;
  })();
  return ready;
}

/** Throws DuckDB's own binder or parser error when `sql` does not bind against the fixture schema. */
export async function explain(sql: string): Promise<void> {
  const engine = await fixtureEngine();
  engine.connection.query(`EXPLAIN ${sql}`);
}
