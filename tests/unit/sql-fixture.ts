// A documented fixture schema for checking that SQL builders bind: every builder's text
// is run through EXPLAIN against these tables (as Mosaic's sql tests validate). Extend
// the schema with the columns a builder needs; keep it small and describe each table.
import type { DuckDBBindings } from '../../src/engine/duckdb-types';
import { Engine } from '../../src/engine/engine';
import type { EnginePlatform } from '../../src/engine/platform';
import { nodePlatform } from '../../src/engine/platform-node';

/**
 * - points: a point dataset as the engine stores it (lon/lat DOUBLE, a timestamp, a
 *   number, a text category, a boolean, a row id column __fid).
 * - polygons: a polygon dataset's attribute table (__fid, name, population).
 * - cells: a cached per-row cell table (__citylens_cell INTEGER).
 * - assign: a per-position assignment (__citylens_lon, __citylens_lat, __citylens_cell).
 * - zoned: a TIMESTAMPTZ column, which a load converts to its UTC wall clock.
 */
export const FIXTURE_SCHEMA = [
  `CREATE TABLE points (__fid INTEGER, lon DOUBLE, lat DOUBLE, ts TIMESTAMP, day DATE, num_bikes DOUBLE, count_int INTEGER, kind VARCHAR, "odd ""name""" VARCHAR, ok BOOLEAN, raw_time VARCHAR, geom BLOB)`,
  `CREATE TABLE polygons (__fid INTEGER, name VARCHAR, population DOUBLE)`,
  `CREATE TABLE cells (__citylens_cell INTEGER)`,
  `CREATE TABLE assign (__citylens_lon DOUBLE, __citylens_lat DOUBLE, __citylens_cell INTEGER)`,
  `CREATE TABLE zoned (at_utc TIMESTAMPTZ)`,
];

/**
 * Files registered with DuckDB beside the schema, for builders that read files:
 * - fixture.csv: a two-row point CSV (lon, lat, kind), as a load registers an upload.
 */
export const FIXTURE_FILES: Record<string, string> = {
  'fixture.csv': 'lon,lat,kind\n-73.9,40.7,a\n-73.8,40.6,b\n',
};

let ready: Promise<Engine> | null = null;

/** An engine whose connection holds the fixture schema and files (created once per test file). */
export function fixtureEngine(): Promise<Engine> {
  ready ??= (async () => {
    let bindings: DuckDBBindings | null = null;
    const platform: EnginePlatform = {
      ...nodePlatform,
      async openDuckDB() {
        const opened = await nodePlatform.openDuckDB();
        bindings = opened.db;
        return opened;
      },
    };
    const engine = new Engine(platform);
    await engine.init();
    for (const sql of FIXTURE_SCHEMA) engine.connection.query(sql);
    for (const [name, text] of Object.entries(FIXTURE_FILES)) bindings!.registerFileBuffer(name, new TextEncoder().encode(text));
    return engine;
  })();
  return ready;
}

/** Throws DuckDB's own binder or parser error when `sql` does not bind against the fixture schema. */
export async function explain(sql: string): Promise<void> {
  const engine = await fixtureEngine();
  engine.connection.query(`EXPLAIN ${sql}`);
}

/**
 * Runs `sql` (after the `setup` statements, e.g. INSERTs of test rows) in a transaction
 * that is rolled back, leaving the fixture as it was. EXPLAIN of a catalog statement
 * (ALTER, DROP) only parses it; running it checks its names too. Returns the statement's
 * rows as plain objects.
 */
export async function runRolledBack(sql: string, setup: readonly string[] = []): Promise<Record<string, unknown>[]> {
  const { connection } = await fixtureEngine();
  connection.query('BEGIN TRANSACTION');
  try {
    for (const s of setup) connection.query(s);
    return connection.query(sql).toArray().map((r: { toJSON(): unknown }) => r.toJSON() as Record<string, unknown>);
  } finally {
    connection.query('ROLLBACK');
  }
}
