// The bad-input corpus (tests/fixtures/bad, written by scripts/make-fixtures.ts): every
// file is refused with a message that starts with its name and says the problem in plain
// words (or, for unusable coordinates, loads with them counted), and the datasets already
// loaded stay intact.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine';
import { nodePlatform } from '../../src/engine/platform-node';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/bad');
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(dir, name)));

/** Every file in bad/ must be listed here: the message each one must give. */
const EXPECTED: Record<string, RegExp> = {
  'malformed.geojson': /^malformed\.geojson is not valid JSON \(/,
  'not-geojson.json': /^not-geojson\.json is JSON but not GeoJSON/,
  'broken-line.ndjson': /^broken-line\.ndjson is not valid newline-delimited JSON: line 2 cannot be read/,
  'not-parquet.parquet': /^not-parquet\.parquet is not a readable Parquet file/,
  'truncated.parquet': /^truncated\.parquet is not a readable Parquet file/,
  'empty.csv': /^empty\.csv is empty$/,
  'empty.geojson': /^empty\.geojson is empty$/,
  'header-only.csv': /^header-only\.csv has a header line but no data rows$/,
  'no-coordinates.csv': /^no-coordinates\.csv has no usable coordinates: no lat\/lon .* columns and no WKT geometry column were found/,
  'binary.csv': /^binary\.csv is not a text file: it contains binary data/,
  'no-geometry.geojson': /^no-geometry\.geojson has no usable coordinates: of its 2 features, none has a geometry$/,
  'no-features.geojson': /^no-features\.geojson has no features$/,
  'projected-no-crs.csv': /^projected-no-crs\.csv: the values in columns "x" and "y" are not longitude\/latitude \(for example \d+(\.\d+)?, \d+(\.\d+)?\).*give the CRS in the load options/,
  'projected-no-crs.geojson': /^projected-no-crs\.geojson: its coordinates are not longitude\/latitude .*give the CRS in the load options/,
  'unknown-crs.geojson': /^unknown-crs\.geojson: its coordinates are in EPSG:99999, which CityLens does not know offline/,
  'truncated.arrow': /^truncated\.arrow is not a readable Arrow IPC file or stream/,
  'bad-topology.topojson': /^bad-topology\.topojson is TopoJSON with no objects to load$/,
};

describe('ingest: the bad-input corpus', () => {
  const engine = new Engine(nodePlatform);
  const tables = () =>
    engine.connection
      .query(`SELECT table_name FROM duckdb_tables() ORDER BY table_name`)
      .toArray()
      .map((r) => String(r.toJSON().table_name));

  beforeAll(async () => {
    await engine.init();
    await engine.loadBytes('keep.csv', new TextEncoder().encode('name,lat,lon\nkept,1.5,2.5\n'), {});
  });

  it('has an expectation for every file in the corpus', () => {
    const files = readdirSync(dir).filter((f) => f !== 'bad-coordinates.csv').sort();
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [file, message] of Object.entries(EXPECTED)) {
    it(`${file}: refused with a plain message naming the file`, async () => {
      const before = tables();
      await expect(engine.loadBytes(file, fixture(file), {})).rejects.toThrow(message);
      // Nothing half-loaded is left, and the earlier dataset is untouched.
      expect(tables()).toEqual(before);
      expect(engine.listDatasets().map((d) => d.id)).toEqual(['keep']);
      const [row] = engine.connection.query('SELECT name, lat, lon FROM keep').toArray().map((r) => r.toJSON());
      expect(row).toEqual({ name: 'kept', lat: 1.5, lon: 2.5 });
    });
  }

  it('NaN, empty, out-of-range and infinite coordinates are counted and reported, not dropped', async () => {
    const info = await engine.loadBytes('bad-coordinates.csv', fixture('bad-coordinates.csv'), {});
    expect(info.rows).toBe(6);
    expect(info.rowsWithoutCoordinates).toBe(4);
    expect(info.warnings).toContainEqual({ code: 'rows-without-coordinates', params: { n: 4 } });
    expect(info.bbox).toEqual([-73.9, 40.7, -73.8, 40.8]);
    expect(engine.pointMarks({ dataset: info.id }).rows).toBe(2);
    engine.removeDataset(info.id);
  });

  it('refuses a file over the size limit before reading it (engine default and per load)', async () => {
    const bytes = new TextEncoder().encode('name,lat,lon\na,1,2\n');
    await expect(engine.loadBytes('big.csv', bytes, { maxBytes: 10 })).rejects.toThrow(
      /^big\.csv is too large to load here \(0 MB; the limit is 0 MB\)$/,
    );
    // The limit is checked before DuckDB is touched, so this engine need not even start.
    const small = new Engine(nodePlatform, { maxBytes: 5 * 1024 * 1024 });
    await expect(small.loadBytes('huge.csv', new Uint8Array(6 * 1024 * 1024), {})).rejects.toThrow(
      /^huge\.csv is too large to load here \(6 MB; the limit is 5 MB\)$/,
    );
    expect(engine.listDatasets().map((d) => d.id)).toEqual(['keep']);
  });

  it('load options that name missing or non-numeric columns, or an unknown CRS, are refused plainly', async () => {
    const csv = new TextEncoder().encode('name,e,n\na,530000,180000\n');
    await expect(engine.loadBytes('opts.csv', csv, { lon: 'east', lat: 'n' })).rejects.toThrow(
      /^opts\.csv has no column named "east" \(given as the lon column in the load options\)$/,
    );
    await expect(engine.loadBytes('opts.csv', csv, { lon: 'name', lat: 'n' })).rejects.toThrow(
      /^opts\.csv column "name" does not hold numbers/,
    );
    await expect(engine.loadBytes('opts.csv', csv, { lon: 'e', lat: 'n', crs: 'EPSG:1' })).rejects.toThrow(
      /^opts\.csv: its coordinates are in EPSG:1, which CityLens does not know offline/,
    );
    await expect(engine.loadBytes('opts.csv', csv, { lon: 'e', lat: 'n', crs: 'not a crs' })).rejects.toThrow(
      /^opts\.csv: its CRS "not a crs" is not an EPSG code, proj4 string or WKT/,
    );
    const ok = await engine.loadBytes('opts.csv', csv, { lon: 'e', lat: 'n', crs: 'EPSG:27700' });
    expect(ok.geometry).toMatchObject({ kind: 'point', reprojected: true });
    expect(ok.bbox![0]).toBeCloseTo(-0.128, 2);
    expect(ok.bbox![1]).toBeCloseTo(51.504, 2);
    engine.removeDataset(ok.id);
  });

  it('loads queued at the same time get distinct tables; a failing one does not disturb the others', async () => {
    const a = new TextEncoder().encode('name,lat,lon\na,1,2\n');
    const results = await Promise.allSettled([
      engine.loadBytes('same.csv', a, {}),
      engine.loadBytes('same.csv', fixture('header-only.csv'), {}),
      engine.loadBytes('same.csv', a, {}),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const ids = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.id] : []));
    expect(ids).toEqual(['same', 'same_2']);
    ids.forEach((id) => engine.removeDataset(id));
  });
});
