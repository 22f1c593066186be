// The small good fixtures (tests/fixtures/good, written by scripts/make-fixtures.ts):
// every GeoJSON shape and geometry type, WKT/TSV/semicolon CSV, Arrow file and stream,
// GeoParquet with polygons, lines and every WKB flavour, CRS handling, time columns.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import proj4 from 'proj4';
import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine';
import { nodePlatform } from '../../src/engine/platform-node';
import type { DatasetInfo, LoadOptions } from '../../src/engine/protocol';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/good');
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(dir, name)));

describe('ingest: good fixtures', () => {
  const engine = new Engine(nodePlatform);
  const load = (name: string, options: LoadOptions = {}) => engine.loadBytes(name, fixture(name), options);
  const rows = (info: DatasetInfo, cols = '*') =>
    engine.connection.query(`SELECT ${cols} FROM "${info.id}" ORDER BY rowid`).toArray().map((r) => r.toJSON());
  const col = (info: DatasetInfo, name: string) => info.columns.find((c) => c.name === name);

  beforeAll(async () => {
    await engine.init();
  });

  it('newline-delimited GeoJSON: one row per line, __fid in order, null geometry counted', async () => {
    const info = await load('points.ndjson');
    expect(info.format).toBe('geojson');
    expect(info.rows).toBe(3);
    expect(info.geometry).toMatchObject({ kind: 'point', lon: '__lon', lat: '__lat', source: 'geojson' });
    expect(info.rowsWithoutCoordinates).toBe(1);
    expect(info.warnings).toContainEqual({ code: 'rows-without-coordinates', params: { n: 1 } });
    expect(rows(info, 'name, __fid, __lon, __lat')).toEqual([
      { name: 'a', __fid: 0, __lon: -73.98, __lat: 40.75 },
      { name: 'b', __fid: 1, __lon: -73.95, __lat: 40.78 },
      { name: 'c', __fid: 2, __lon: null, __lat: null },
    ]);
    expect(col(info, '__fid')).toMatchObject({ type: 'INTEGER', internal: true });
    expect(engine.pointMarks({ dataset: info.id }).rows).toBe(2);
  });

  it('a single Feature holding a GeometryCollection (point + polygon) is one mixed row', async () => {
    const info = await load('geometry-collection.geojson');
    expect(info.rows).toBe(1);
    expect(info.geometry).toMatchObject({ kind: 'mixed', lon: '__lon', lat: '__lat', hasPolygons: true });
    const p = engine.polygons(info.id)!;
    expect(p.featureCount).toBe(1);
    expect(Array.from(p.featurePolygonOffsets)).toEqual([0, 1]);
    expect(p.coords.length).toBe(10);
    [2.34, 48.84, 2.36, 48.86].forEach((v, i) => expect(info.bbox![i]).toBeCloseTo(v, 12));
  });

  it('mixed geometry types: polygons with holes, multi-parts, lines, multipoints, ring closing', async () => {
    const info = await load('mixed.geojson');
    expect(info.rows).toBe(7);
    expect(info.geometry).toMatchObject({ kind: 'mixed', hasPolygons: true, hasLines: true });
    expect(info.geometry.counts).toMatchObject({ points: 2, lines: 2, polygons: 3, empty: 0, invalid: 0, multiPoints: 1 });
    const p = engine.polygons(info.id)!;
    expect(p.featureCount).toBe(7);
    // Features 2 (polygon with a hole), 3 (two polygons), 6 (closed here); the others have none.
    expect(Array.from(p.featurePolygonOffsets)).toEqual([0, 0, 0, 1, 3, 3, 3, 4]);
    expect(Array.from(p.polygonRingOffsets)).toEqual([0, 2, 3, 4, 5]);
    const lastRing = p.ringOffsets[p.ringOffsets.length - 1] - p.ringOffsets[p.ringOffsets.length - 2];
    expect(lastRing).toBe(4); // the unclosed triangle, closed
    const l = engine.lines(info.id)!;
    expect(Array.from(l.featurePathOffsets)).toEqual([0, 0, 1, 1, 1, 3, 3, 3]);
    expect(info.warnings).toContainEqual({ code: 'multipoints-first-point', params: { n: 1 } });
    expect(rows(info, 'k, __lon').map((r) => r.__lon)).toEqual([13.4, null, null, null, null, 13.45, null]);
  });

  it('lines only: kind line with LineShapes', async () => {
    const info = await load('lines.geojson');
    expect(info.geometry.kind).toBe('line');
    const l = engine.lines(info.id)!;
    expect(l.featureCount).toBe(2);
    expect(Array.from(l.pathOffsets)).toEqual([0, 2, 4, 7]);
    expect(engine.polygons(info.id)).toBeNull();
    expect(info.bbox).toEqual([-0.3, 51.4, -0.1, 51.55]);
  });

  it('WKT point column in a CSV becomes __lon/__lat (POINT, POINT(...), POINT Z, empty)', async () => {
    const info = await load('wkt.csv');
    expect(info.geometry).toMatchObject({ kind: 'point', source: 'wkt', column: 'Location', lon: '__lon', lat: '__lat' });
    expect(info.rowsWithoutCoordinates).toBe(1);
    expect(rows(info, 'name, __lon, __lat')).toEqual([
      { name: 'Empire State', __lon: -73.9857, __lat: 40.7484 },
      { name: 'Flatiron', __lon: -73.9897, __lat: 40.7411 },
      { name: 'no location', __lon: null, __lat: null },
      { name: 'Chrysler', __lon: -73.9755, __lat: 40.7516 },
    ]);
  });

  it('WKT polygons in a semicolon CSV become PolygonShapes', async () => {
    const info = await load('wkt-polygons.csv');
    expect(info.csv?.delimiter).toBe(';');
    expect(info.geometry).toMatchObject({ kind: 'polygon', source: 'wkt', column: 'geom' });
    const p = engine.polygons(info.id)!;
    expect(p.featureCount).toBe(2);
    expect(Array.from(p.featurePolygonOffsets)).toEqual([0, 1, 3]);
    expect(rows(info, 'zone, __fid')).toEqual([{ zone: 'A', __fid: 0 }, { zone: 'B', __fid: 1 }]);
  });

  it('TSV and semicolon CSV: delimiters, header, Latitude/Longitude and Lat/Lng, spaces in names', async () => {
    const tsv = await load('points.tsv');
    expect(tsv.csv).toEqual({ delimiter: '\t', header: true });
    expect(tsv.geometry).toMatchObject({ kind: 'point', lon: 'Longitude', lat: 'Latitude' });
    expect(rows(tsv, '"Station Name", Docks')).toEqual([
      { 'Station Name': 'A', Docks: 15 },
      { 'Station Name': 'B', Docks: 19 },
      { 'Station Name': 'C', Docks: 11 },
    ]);
    const semi = await load('semicolon.csv');
    expect(semi.csv?.delimiter).toBe(';');
    expect(semi.geometry).toMatchObject({ kind: 'point', lon: 'Lng', lat: 'Lat' });
    expect(semi.bbox).toEqual([13.3326, 52.5074, 13.4348, 52.5219]);
  });

  it('Arrow IPC file and stream load the same rows', async () => {
    const file = await load('points.arrow');
    const stream = await load('points.arrows');
    for (const info of [file, stream]) {
      expect(info.format).toBe('arrow');
      expect(info.rows).toBe(3);
      expect(info.geometry).toMatchObject({ kind: 'point', lon: 'longitude', lat: 'latitude' });
      expect(info.bbox).toEqual([151.2, -33.88, 151.22, -33.86]);
    }
    expect(rows(file)).toEqual(rows(stream));
  });

  it('GeoParquet polygons written by parquet-wasm: holes and MultiPolygon, declared bbox', async () => {
    const info = await load('polygons.parquet');
    expect(info.rows).toBe(3);
    expect(info.geometry).toMatchObject({ kind: 'polygon', source: 'wkb', column: 'geometry', crs: 'OGC:CRS84' });
    expect(info.columns.map((c) => c.name)).toEqual(['name', '__fid']);
    const p = engine.polygons(info.id)!;
    expect(Array.from(p.featurePolygonOffsets)).toEqual([0, 1, 3, 4]);
    expect(Array.from(p.polygonRingOffsets)).toEqual([0, 2, 3, 4, 5]);
    expect(info.bbox![0]).toBeCloseTo(-3.3, 10);
    expect(info.bbox![3]).toBeCloseTo(56.0, 10);
    expect(info.declaredBbox).toEqual([-3.3, 55.8, -2.85, 56.0]);
    expect(info.shapeBytes).toBeGreaterThan(0);
  });

  it('GeoParquet lines: little- and big-endian, Z and M variants', async () => {
    const info = await load('lines.parquet');
    expect(info.geometry).toMatchObject({ kind: 'line', column: 'geom' });
    const l = engine.lines(info.id)!;
    expect(Array.from(l.featurePathOffsets)).toEqual([0, 1, 3, 4]);
    // Z/M values are skipped by stride, not read as coordinates.
    expect(Array.from(l.coords.subarray(4, 8))).toEqual([10.2, 59.9, 10.3, 59.92]);
    expect(info.bbox).toEqual([10.0, 59.7, 10.5, 59.95]);
  });

  it('every WKB flavour: ISO Z/M/ZM, EWKB+SRID, big-endian, collections, empty, null, truncated', async () => {
    const info = await load('mixed-wkb.parquet');
    expect(info.rows).toBe(10);
    expect(info.geometry.kind).toBe('mixed');
    expect(info.geometry.counts).toMatchObject({ points: 4, lines: 2, polygons: 2, empty: 2, unreadable: 1, multiPoints: 1 });
    expect(info.rowsWithoutCoordinates).toBe(3);
    expect(info.warnings).toContainEqual({ code: 'geometries-undecodable', params: { n: 1 } });
    const pts = rows(info, 'row, __lon, __lat');
    expect(pts[0]).toEqual({ row: 0, __lon: 18.06, __lat: 59.33 });
    expect(pts[1]).toEqual({ row: 1, __lon: 18.07, __lat: 59.34 });
    expect(pts[4]).toEqual({ row: 4, __lon: 18.2, __lat: 59.4 });
    expect(pts[6]).toEqual({ row: 6, __lon: 18.3, __lat: 59.5 });
    expect(pts[7].__lon).toBeNull();
    expect(engine.polygons(info.id)!.featurePolygonOffsets[10]).toBe(3);
  });

  it('GeoParquet in EPSG:3857 (PROJJSON) is reprojected to WGS84; GeoArrow point encoding reads', async () => {
    const merc = await load('points-3857.parquet');
    expect(merc.geometry).toMatchObject({ kind: 'point', crs: 'EPSG:3857', crsSource: 'file', reprojected: true, lon: '__lon' });
    const got = rows(merc, 'place, __lon, __lat');
    expect(got[0].place).toBe('Trafalgar Square');
    expect(got[0].__lon).toBeCloseTo(-0.128, 9);
    expect(got[0].__lat).toBeCloseTo(51.508, 9);
    const native = await load('points-native.parquet');
    expect(native.geometry).toMatchObject({ kind: 'point', lon: '__lon' });
    expect(rows(native, '__lon, __lat')[3]).toEqual({ __lon: -0.2795, __lat: 51.556 });
  });

  it('legacy GeoJSON crs (EPSG:27700) and a LoadOptions crs: British National Grid lands on the known places', async () => {
    const info = await load('legacy-crs.geojson');
    expect(info.geometry).toMatchObject({ kind: 'point', crs: 'EPSG:27700', crsSource: 'file', reprojected: true });
    for (const r of rows(info, '__lon, __lat, lon_wgs84_check, lat_wgs84_check')) {
      expect(Math.abs(r.__lon - r.lon_wgs84_check)).toBeLessThan(1e-6);
      expect(Math.abs(r.__lat - r.lat_wgs84_check)).toBeLessThan(1e-6);
    }
    const csv = await load('projected-27700.csv', { crs: 'EPSG:27700', lon: 'easting', lat: 'northing' });
    expect(csv.geometry).toMatchObject({ kind: 'point', lon: '__lon', lat: '__lat', crs: 'EPSG:27700', crsSource: 'options', sourceColumns: ['easting', 'northing'] });
    const wembley = rows(csv, 'place, __lon, __lat')[3];
    expect(wembley.place).toBe('Wembley');
    expect(wembley.__lon).toBeCloseTo(-0.2795, 6);
    expect(wembley.__lat).toBeCloseTo(51.556, 6);
    // A proj4 string works as the CRS too.
    const def = proj4.defs('EPSG:3857') ? '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy +towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs' : '';
    const byString = await load('projected-27700.csv', { name: 'bng_proj4', crs: def, lon: 'easting', lat: 'northing' });
    expect(rows(byString, '__lon')[3].__lon).toBeCloseTo(-0.2795, 6);
  });

  it('nested properties: JSON text, typed columns, case collisions, hostile text kept verbatim', async () => {
    const info = await load('nested-properties.geojson');
    const types = Object.fromEntries(info.columns.map((c) => [c.name, c.type]));
    expect(types).toMatchObject({
      'street name': 'VARCHAR',
      count: 'DOUBLE',
      open: 'BOOLEAN',
      tags: 'VARCHAR',
      meta: 'VARCHAR',
      mixed: 'VARCHAR',
      Name: 'VARCHAR',
      name_2: 'VARCHAR',
      seen_at: 'TIMESTAMP',
      note: 'VARCHAR',
      __fid_2: 'VARCHAR',
      id: 'VARCHAR',
      __fid: 'INTEGER',
    });
    expect(col(info, 'tags')!.json).toBe(true);
    expect(col(info, 'meta')!.json).toBe(true);
    expect(info.timeColumns!.find((t) => t.column === 'seen_at')).toMatchObject({ parsedFrom: 'iso8601', zone: 'offset' });
    const r = rows(info, 'tags, meta, mixed, note, "street name", id, seen_at');
    expect(r[0]).toMatchObject({ tags: '["a","b"]', meta: '{"source":"survey","year":2024}', mixed: '1', note: '<img src=x onerror=alert(1)>', 'street name': 'Main St', id: 'f1' });
    expect(r[1]).toMatchObject({ tags: '[]', meta: null, mixed: 'two', note: 'O\'Brien "quoted"' });
    // Offsets are converted to UTC: 12:30+02:00 → 10:30.
    expect(new Date(r[1].seen_at).toISOString()).toBe('2024-05-02T10:30:00.000Z');
    expect(new Date(r[0].seen_at).toISOString()).toBe('2024-05-01T10:00:00.000Z');
  });

  it('time columns: epoch seconds/ms by name, day/month decided by the data, ambiguous ones reported', async () => {
    const info = await load('times.csv');
    const t = Object.fromEntries(info.timeColumns!.map((c) => [c.column, c]));
    expect(t.event_time).toMatchObject({ parsedFrom: 'epoch-seconds', zone: 'utc', min: '2024-03-09T16:00:00' });
    expect(t.created_ts).toMatchObject({ parsedFrom: 'epoch-milliseconds', min: '2024-03-09T16:00:00' });
    expect(t.uk_date).toMatchObject({ parsedFrom: 'format', format: '%d/%m/%Y %H:%M', min: '2024-12-25T08:30:00' });
    expect(t.uk_date.ambiguousFormats).toBeUndefined();
    expect(t.local_date).toMatchObject({ format: '%m/%d/%Y %H:%M', ambiguousFormats: ['%m/%d/%Y %H:%M', '%d/%m/%Y %H:%M'] });
    expect(info.warnings).toContainEqual({
      code: 'dates-ambiguous',
      params: { column: 'local_date', example: '03/04/2025 10:00', order: 'mdy', format: '%m/%d/%Y %H:%M' },
    });
    expect(info.timeRange).toEqual({ column: 'event_time', min: '2024-03-09T16:00:00', max: '2024-03-09T18:00:00' });
    expect(col(info, 'id')!.kind).toBe('number');
    // The user picks day/month, and names the zone.
    const dm = await load('times.csv', {
      name: 'times_dm',
      timestampFormats: { local_date: '%d/%m/%Y %H:%M' },
      timeZone: 'Europe/London',
    });
    const ld = dm.timeColumns!.find((c) => c.column === 'local_date')!;
    expect(ld).toMatchObject({ format: '%d/%m/%Y %H:%M', zone: 'local', timeZone: 'Europe/London', min: '2025-04-03T10:00:00' });
    const keep = await load('times.csv', { name: 'times_text', timestampFormats: { local_date: 'text' } });
    expect(col(keep, 'local_date')!.type).toBe('VARCHAR');
  });

  it('a JSON list of plain records finds its coordinates in columns; a multi-object TopoJSON keeps every object', async () => {
    const records = new TextEncoder().encode(JSON.stringify([
      { name: 'a', latitude: 48.1, longitude: 11.5 },
      { name: 'b', latitude: 48.2, longitude: 11.6 },
    ]));
    const info = await engine.loadBytes('records.json', records, {});
    expect(info.geometry).toMatchObject({ kind: 'point', lon: 'longitude', lat: 'latitude', source: 'columns' });
    expect(info.rows).toBe(2);
    const topology = {
      type: 'Topology',
      arcs: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]],
      objects: {
        districts: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[0]], id: 'D1' }] },
        stops: { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [0.5, 0.5], properties: { stop: 'S1' } }] },
      },
    };
    const topo = await engine.loadBytes('two.topojson', new TextEncoder().encode(JSON.stringify(topology)), {});
    expect(topo.rows).toBe(2);
    expect(topo.geometry.kind).toBe('mixed');
    expect(rows(topo, 'stop, id, layer, __fid')).toEqual([
      { stop: null, id: 'D1', layer: 'districts', __fid: 0 },
      { stop: 'S1', id: null, layer: 'stops', __fid: 1 },
    ]);
  });

  it('load options name the WKT column; unreadable timestamps are counted in a warning', async () => {
    const csv = 'a,b,when\n' + Array.from({ length: 11 }, (_, i) => `${i},POINT (${i} ${i}),${i === 5 ? 'soon' : `2024-01-${String(i + 1).padStart(2, '0')} 08:00`}`).join('\n');
    const info = await engine.loadBytes('where.csv', new TextEncoder().encode(csv), { wkt: 'b', timeZone: 'Asia/Tokyo' });
    expect(info.geometry).toMatchObject({ kind: 'point', source: 'wkt', column: 'b' });
    expect(info.bbox).toEqual([0, 0, 10, 10]);
    expect(info.timeColumns![0]).toMatchObject({ column: 'when', parsedFrom: 'iso8601', zone: 'local', timeZone: 'Asia/Tokyo', unparsed: 1 });
    expect(info.warnings).toContainEqual({ code: 'timestamps-unparsed', params: { column: 'when', n: 1 } });
    expect(info.timeRange).toEqual({ column: 'when', min: '2024-01-01T08:00:00', max: '2024-01-11T08:00:00' });
  });

  it('reports unreadable WKT values and a CSV that is not UTF-8 as codes with their counts and column', async () => {
    const wkt = 'id,shape\n' + Array.from({ length: 10 }, (_, i) => `${i},POINT (${i} ${i})`).join('\n') + '\n10,POINT (1\n';
    const broken = await engine.loadBytes('broken-wkt.csv', new TextEncoder().encode(wkt), {});
    expect(broken.geometry).toMatchObject({ source: 'wkt', column: 'shape' });
    expect(broken.warnings).toEqual([
      { code: 'rows-without-coordinates', params: { n: 1 } },
      { code: 'wkt-unreadable', params: { n: 1, column: 'shape' } },
    ]);
    // "Café" in Windows-1252: é is the single byte 0xE9, not valid UTF-8.
    const latin1 = Uint8Array.from([...new TextEncoder().encode('name,lon,lat\nCaf'), 0xe9, ...new TextEncoder().encode(',-73.9,40.7\n')]);
    const cafe = await engine.loadBytes('latin1.csv', latin1, {});
    expect(cafe.warnings).toEqual([{ code: 'csv-not-utf8' }]);
    expect(rows(cafe, 'name')).toEqual([{ name: 'Café' }]);
  });

  it('DatasetInfo is complete: memory, column stats, categories, source/licence', async () => {
    const info = await load('semicolon.csv', { name: 'berlin', source: 'test', licence: 'CC0' });
    expect(info).toMatchObject({ id: 'berlin', name: 'berlin', fileName: 'semicolon.csv', format: 'csv', source: 'test', licence: 'CC0' });
    expect(info.memoryBytes).toBeGreaterThanOrEqual(0);
    expect(col(info, 'Name')).toMatchObject({ distinct: 3, nulls: 0 });
    expect(info.loadMs).toBeGreaterThan(0);
  });
});
