// Every file in ../shared/data loads with the figures its README gives: rows, geometry
// kind, bbox (4 decimals), rows without coordinates, time ranges.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine';
import { nodePlatform } from '../../src/engine/platform-node';
import type { BBox, DatasetInfo } from '../../src/engine/protocol';
import { decodeGeoParquetGeometry } from '../../src/engine/ingest/geoparquet';
import { hasSharedData, sharedFile } from '../shared-data';

function expectBbox(actual: BBox | null | undefined, expected: BBox): void {
  expect(actual).toBeTruthy();
  actual!.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 4));
}

function column(info: DatasetInfo, name: string) {
  const c = info.columns.find((x) => x.name === name);
  expect(c, `column ${name}`).toBeTruthy();
  return c!;
}

const timings: Record<string, number> = {};

describe.skipIf(!hasSharedData)('ingest: the shared datasets load with their README figures', () => {
  const engine = new Engine(nodePlatform);
  const load = async (file: string, options = {}) => {
    const info = await engine.loadUrl(sharedFile(file), options);
    timings[file] = Math.round(info.loadMs);
    return info;
  };
  const query = (sql: string) => engine.connection.query(sql).toArray().map((r) => r.toJSON());

  beforeAll(async () => {
    await engine.init();
  });

  it('Citi Bike GeoParquet: 1,798,339 points, bbox, UTC time range, WKB equals lon/lat in every row', async () => {
    const info = await load('nyc_citibike_station_status_2024-03.parquet');
    expect(info.rows).toBe(1_798_339);
    expect(info.geometry).toMatchObject({ kind: 'point', lon: 'lon', lat: 'lat', source: 'wkb', column: 'geometry' });
    expect(info.rowsWithoutCoordinates).toBe(0);
    expectBbox(info.bbox, [-74.0867, 40.63338, -73.84672, 40.8863]);
    expectBbox(info.declaredBbox, [-74.0867, 40.63338, -73.84672, 40.8863]);
    expect(info.timeRange).toEqual({ column: 'ts_utc', min: '2024-03-12T22:23:50', max: '2024-03-23T14:49:01' });
    expect(info.timeColumns!.find((t) => t.column === 'ts_utc')).toMatchObject({ parsedFrom: 'native', zone: 'utc' });
    expect(info.timeColumns!.find((t) => t.column === 'ts_local')).toMatchObject({ zone: 'local' });
    expect(info.columns.map((c) => c.name)).not.toContain('geometry');
    expect(column(info, 'station_id').distinct).toBeGreaterThan(2000);
    expect(info.memoryBytes).toBeGreaterThan(10_000_000);

    // The WKB, decoded on its own, equals the lon/lat columns DuckDB holds, row by row.
    const bytes = new Uint8Array(readFileSync(sharedFile('nyc_citibike_station_status_2024-03.parquet')));
    const shapes = await decodeGeoParquetGeometry(await nodePlatform.loadParquet(), bytes, 'citibike');
    expect(shapes.kind).toBe('point');
    expect(shapes.featureCount).toBe(1_798_339);
    const r = engine.connection.query(`SELECT lon, lat FROM "${info.id}"`);
    const lon = r.getChild('lon')!.toArray() as Float64Array;
    const lat = r.getChild('lat')!.toArray() as Float64Array;
    expect(lon.length).toBe(1_798_339);
    let mismatches = 0;
    for (let i = 0; i < lon.length; i++) if (shapes.lon![i] !== lon[i] || shapes.lat![i] !== lat[i]) mismatches++;
    expect(mismatches).toBe(0);
  });

  it('Chicago Divvy GeoParquet: 470,907 points and its local time range', async () => {
    const info = await load('chicago_divvy_station_status_2013-10.parquet');
    expect(info.rows).toBe(470_907);
    expect(info.geometry).toMatchObject({ kind: 'point', lon: 'lon', lat: 'lat' });
    expect(info.rowsWithoutCoordinates).toBe(0);
    expectBbox(info.bbox, [-87.70786, 41.78875, -87.58071, 41.97835]);
    expect(info.timeRange).toEqual({ column: 'ts_local', min: '2013-10-01T00:00:01', max: '2013-10-31T23:59:01' });
  });

  it('Divvy CSV: 106,895 rows; ISO "Z" text becomes a UTC timestamp', async () => {
    const info = await load('chicago_divvy_station_status_2013-10-01_07.csv', { timeZone: 'America/Chicago' });
    expect(info.rows).toBe(106_895);
    expect(info.geometry).toMatchObject({ kind: 'point', lon: 'lon', lat: 'lat' });
    expectBbox(info.bbox, [-87.70786, 41.78875, -87.58071, 41.97835]);
    expect(info.timeRange).toEqual({ column: 'ts_local', min: '2013-10-01T00:00:01', max: '2013-10-07T23:59:02' });
    expect(info.timeColumns!.find((t) => t.column === 'ts_local')).toMatchObject({ zone: 'local', timeZone: 'America/Chicago' });
    expect(info.timeColumns!.find((t) => t.column === 'ts_utc')).toMatchObject({ zone: 'utc', timeZone: 'UTC' });
    expect(column(info, 'ts_utc').type).toBe('TIMESTAMP');
    // ts_utc is ts_local + 5 h (CDT) in every row.
    const [d] = query(`SELECT count(*) FILTER (WHERE ts_utc - ts_local <> INTERVAL 5 HOUR)::INTEGER AS n FROM "${info.id}"`);
    expect(d.n).toBe(0);
    expect(info.csv).toEqual({ delimiter: ',', header: true });
  });

  it('NYC 311 CSV: 4,969 rows, 62 without coordinates, "Created Date" read as %m/%d/%Y %H:%M', async () => {
    const info = await load('nyc_311_animal_complaints_2025.csv');
    expect(info.rows).toBe(4_969);
    expect(info.geometry).toMatchObject({ kind: 'point', lon: 'Longitude', lat: 'Latitude', source: 'columns' });
    expect(info.rowsWithoutCoordinates).toBe(62);
    expect(info.warnings).toContainEqual({ code: 'rows-without-coordinates', params: { n: 62 } });
    expectBbox(info.bbox, [-74.25433, 40.50154, -73.70272, 40.90823]);
    expect(column(info, 'Created Date').type).toBe('TIMESTAMP');
    const created = info.timeColumns!.find((t) => t.column === 'Created Date')!;
    expect(created).toMatchObject({ parsedFrom: 'format', format: '%m/%d/%Y %H:%M', zone: 'local', unparsed: 0 });
    expect(created.ambiguousFormats).toBeUndefined();
    expect(info.timeRange).toEqual({ column: 'Created Date', min: '2025-01-01T07:52:00', max: '2025-03-14T01:20:00' });
    expect(column(info, 'Complaint Type')).toMatchObject({ category: true, distinct: 9 });
  });

  it('NYC census tracts: 2,166 polygons from GeoJSON and from GeoParquet, same extent', async () => {
    const gj = await load('nyc_census_tracts_2010.geojson');
    const pq = await load('nyc_census_tracts_2010.parquet');
    for (const info of [gj, pq]) {
      expect(info.rows).toBe(2_166);
      expect(info.geometry.kind).toBe('polygon');
      expectBbox(info.bbox, [-74.25559, 40.49612, -73.70001, 40.91553]);
      const shapes = engine.polygons(info.id)!;
      expect(shapes.featureCount).toBe(2_166);
      expect(shapes.featurePolygonOffsets.length).toBe(2_167);
      const [f] = query(`SELECT min(__fid)::INTEGER AS lo, max(__fid)::INTEGER AS hi, count(DISTINCT __fid)::INTEGER AS n FROM "${info.id}"`);
      expect(f).toEqual({ lo: 0, hi: 2_165, n: 2_166 });
    }
    expect(gj.geometry.source).toBe('geojson');
    expect(pq.geometry.source).toBe('wkb');
    expectBbox(pq.declaredBbox, [-74.25559, 40.49612, -73.70001, 40.91553]);
    // Same features in the same order: vertex counts agree feature by feature.
    const a = engine.polygons(gj.id)!;
    const b = engine.polygons(pq.id)!;
    expect(b.coords.length).toBe(a.coords.length);
    expect(column(gj, 'Population').kind).toBe('number');
    expect(column(pq, 'population').kind).toBe('number');
  });

  it('London boroughs: 33 from TopoJSON (names from the geometry id) and 33 from GeoJSON', async () => {
    const topo = await load('london_boroughs.topojson');
    const geo = await load('london_boroughs.geojson');
    expect(topo.rows).toBe(33);
    expect(geo.rows).toBe(33);
    expect(topo.geometry).toMatchObject({ kind: 'polygon', source: 'topojson' });
    expect(geo.geometry.kind).toBe('polygon');
    // The topology's declared bbox is the README's; the decoded features span the GeoJSON's.
    expectBbox(topo.declaredBbox, [-0.51038, 51.28676, 0.33402, 51.69187]);
    expectBbox(topo.bbox, [-0.51029, 51.28676, 0.33402, 51.69179]);
    expectBbox(geo.bbox, [-0.51029, 51.28676, 0.33402, 51.69179]);
    const names = query(`SELECT id FROM "${topo.id}" ORDER BY __fid`).map((r) => r.id);
    const geoNames = query(`SELECT name FROM "${geo.id}" ORDER BY __fid`).map((r) => r.name);
    expect(new Set(names).size).toBe(33);
    expect(names).toContain('Kingston upon Thames');
    expect(names).toContain('City of London');
    expect([...names].sort()).toEqual([...geoNames].sort());
    expect(engine.polygons(topo.id)!.featureCount).toBe(33);
  });

  it('NYC boroughs (5), Chicago neighbourhoods (98), SF neighbourhoods (37): polygons with their bbox', async () => {
    const cases: [string, number, BBox][] = [
      ['nyc_boroughs.geojson', 5, [-74.25559, 40.49612, -73.70001, 40.91553]],
      ['chicago_neighborhoods.geojson', 98, [-87.94011, 41.64454, -87.52414, 42.02304]],
      ['sf_planning_neighborhoods.geojson', 37, [-122.51495, 37.70809, -122.35697, 37.8333]],
    ];
    for (const [file, rows, bbox] of cases) {
      const info = await load(file);
      expect(info.rows, file).toBe(rows);
      expect(info.geometry.kind, file).toBe('polygon');
      expectBbox(info.bbox, bbox);
      expect(info.rowsWithoutCoordinates).toBe(0);
      expect(engine.polygons(info.id)!.featureCount).toBe(rows);
    }
    const boroughs = engine.listDatasets().find((d) => d.fileName === 'nyc_boroughs.geojson')!;
    expect(query(`SELECT name FROM "${boroughs.id}" ORDER BY name`).map((r) => r.name)).toEqual([
      'Bronx', 'Brooklyn', 'Manhattan', 'Queens', 'Staten Island',
    ]);
    // created_at/updated_at are ISO text: read as timestamps.
    expect(column(boroughs, 'created_at').kind).toBe('timestamp');
  });

  it('Divvy stations GeoJSON: 300 points in __lon/__lat', async () => {
    const info = await load('chicago_divvy_stations_2013-10.geojson');
    expect(info.rows).toBe(300);
    expect(info.geometry).toMatchObject({ kind: 'point', lon: '__lon', lat: '__lat', source: 'geojson' });
    expectBbox(info.bbox, [-87.70786, 41.78875, -87.58071, 41.97835]);
    expect(engine.pointMarks({ dataset: info.id }).marks).toBe(300);
    expect(engine.polygons(info.id)).toBeNull();
  });

  it('London NOx CSV: 17,347 points; its x_bng/y_bng in EPSG:27700 land on its lon/lat', async () => {
    const info = await load('london_defra_nox_1km_2003-2013.csv');
    expect(info.rows).toBe(17_347);
    expect(info.geometry).toMatchObject({ kind: 'point', lon: 'lon', lat: 'lat' });
    expectBbox(info.bbox, [-0.49694, 51.29246, 0.32765, 51.68833]);
    expect(column(info, 'year').kind).toBe('number');
    expect(info.timeRange).toBeNull();

    const bng = await load('london_defra_nox_1km_2003-2013.csv', { name: 'nox_bng', lon: 'x_bng', lat: 'y_bng', crs: 'EPSG:27700' });
    expect(bng.geometry).toMatchObject({ kind: 'point', lon: '__lon', lat: '__lat', crs: 'EPSG:27700', reprojected: true, sourceColumns: ['x_bng', 'y_bng'] });
    const [d] = query(`SELECT max(abs(__lon - lon))::DOUBLE AS dx, max(abs(__lat - lat))::DOUBLE AS dy, count(*)::INTEGER AS n FROM "${bng.id}"`);
    expect(d.n).toBe(17_347);
    // Within 0.0005° (~35 m): the published centroids and proj4's datum shift differ by metres.
    expect(d.dx).toBeLessThan(5e-4);
    expect(d.dy).toBeLessThan(5e-4);

    // Without a CRS the same columns are refused, not placed somewhere near (0, 0).
    await expect(
      engine.loadUrl(sharedFile('london_defra_nox_1km_2003-2013.csv'), { name: 'nox_nocrs', lon: 'x_bng', lat: 'y_bng' }),
    ).rejects.toThrow(/^london_defra_nox_1km_2003-2013\.csv: the values in columns "x_bng" and "y_bng" are not longitude\/latitude.*EPSG:27700/);
  });

  it('UK accidents CSV: 140,056 rows with the 27 empty ones counted', async () => {
    const info = await load('uk_road_accident_locations.csv');
    expect(info.rows).toBe(140_056);
    expect(info.geometry).toMatchObject({ kind: 'point', lon: 'lng', lat: 'lat' });
    expect(info.rowsWithoutCoordinates).toBe(27);
    expect(info.warnings).toContainEqual({ code: 'rows-without-coordinates', params: { n: 27 } });
    expectBbox(info.bbox, [-7.42291, 49.91562, 1.75844, 60.66112]);
  });

  it('SF bike racks CSV: 2,520 points; year/month columns stay numbers', async () => {
    const info = await load('sf_bike_parking_racks.csv');
    expect(info.rows).toBe(2_520);
    expect(info.geometry).toMatchObject({ kind: 'point', lon: 'lon', lat: 'lat' });
    expectBbox(info.bbox, [-122.51129, 37.70948, -122.37647, 37.80601]);
    expect(column(info, 'yr_installed')).toMatchObject({ kind: 'number', nulls: 216 });
    expect(column(info, 'mo_installed').nulls).toBe(1_599);
  });

  afterAll(() => {
    console.log('ingest load times (ms, Node):', JSON.stringify(timings));
  });
});
