// Writes the small test files under tests/fixtures/ (good/ and bad/). The outputs are
// committed; rerun with `npx tsx scripts/make-fixtures.ts` after changing this script.
// Binary fixtures (Parquet, Arrow) are built here with parquet-wasm's writeParquet and
// apache-arrow; projected coordinates come from proj4, so the tests can compare them
// with the lon/lat they were made from.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Binary, Float64, Struct, Field, Table, Utf8, makeData, makeVector, tableToIPC, vectorFromArray } from 'apache-arrow';
import proj4 from 'proj4';
import * as pq from 'parquet-wasm/node';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const good = path.join(root, 'tests/fixtures/good');
const bad = path.join(root, 'tests/fixtures/bad');
mkdirSync(good, { recursive: true });
mkdirSync(bad, { recursive: true });
const write = (dir: string, name: string, data: string | Uint8Array) => writeFileSync(path.join(dir, name), data);
const json = (v: unknown) => `${JSON.stringify(v, null, 1)}\n`;

const BNG =
  '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy +towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs';
const toBng = (lon: number, lat: number) => proj4('WGS84', BNG, [lon, lat]).map((v) => Math.round(v * 100) / 100);
const to3857 = (lon: number, lat: number) => proj4('WGS84', 'EPSG:3857', [lon, lat]);

/** Known London places (lon, lat): the projected fixtures are made from these. */
const LONDON: [string, number, number][] = [
  ['Trafalgar Square', -0.128, 51.508],
  ['Tower Bridge', -0.0754, 51.5055],
  ['Greenwich', -0.0005, 51.4769],
  ['Wembley', -0.2795, 51.556],
];

// ---- WKB writer (independent of the decoder under test) ----
type Pos = number[];
type Geom =
  | { t: 'Point'; c: Pos }
  | { t: 'LineString'; c: Pos[] }
  | { t: 'Polygon'; c: Pos[][] }
  | { t: 'MultiPoint'; c: Pos[] }
  | { t: 'MultiLineString'; c: Pos[][] }
  | { t: 'MultiPolygon'; c: Pos[][][] }
  | { t: 'GeometryCollection'; g: Geom[] };
const CODES = { Point: 1, LineString: 2, Polygon: 3, MultiPoint: 4, MultiLineString: 5, MultiPolygon: 6, GeometryCollection: 7 };

function wkb(g: Geom, o: { big?: boolean; dims?: 'Z' | 'M' | 'ZM'; ewkbSrid?: number } = {}): Uint8Array {
  const out: number[] = [];
  const le = !o.big;
  const u32 = (v: number) => {
    const b = new DataView(new ArrayBuffer(4));
    b.setUint32(0, v, le);
    out.push(...new Uint8Array(b.buffer));
  };
  const f64 = (v: number) => {
    const b = new DataView(new ArrayBuffer(8));
    b.setFloat64(0, v, le);
    out.push(...new Uint8Array(b.buffer));
  };
  const extra = o.dims === 'ZM' ? 2 : o.dims ? 1 : 0;
  const pos = (p: Pos) => {
    f64(p[0]);
    f64(p[1]);
    for (let i = 0; i < extra; i++) f64(100 + i);
  };
  const head = (t: keyof typeof CODES, top: boolean) => {
    out.push(le ? 1 : 0);
    if (o.ewkbSrid !== undefined) {
      let code = CODES[t];
      if (o.dims === 'Z' || o.dims === 'ZM') code |= 0x80000000;
      if (o.dims === 'M' || o.dims === 'ZM') code |= 0x40000000;
      if (top) code |= 0x20000000;
      u32(code >>> 0);
      if (top) u32(o.ewkbSrid);
    } else {
      u32(CODES[t] + (o.dims === 'Z' ? 1000 : o.dims === 'M' ? 2000 : o.dims === 'ZM' ? 3000 : 0));
    }
  };
  const geom = (x: Geom, top: boolean): void => {
    head(x.t, top);
    switch (x.t) {
      case 'Point':
        return pos(x.c);
      case 'LineString':
      case 'MultiPoint':
        u32(x.c.length);
        if (x.t === 'LineString') x.c.forEach(pos);
        else x.c.forEach((p) => geom({ t: 'Point', c: p }, false));
        return;
      case 'Polygon':
        u32(x.c.length);
        x.c.forEach((r) => (u32(r.length), r.forEach(pos)));
        return;
      case 'MultiLineString':
        u32(x.c.length);
        x.c.forEach((l) => geom({ t: 'LineString', c: l }, false));
        return;
      case 'MultiPolygon':
        u32(x.c.length);
        x.c.forEach((p) => geom({ t: 'Polygon', c: p }, false));
        return;
      case 'GeometryCollection':
        u32(x.g.length);
        x.g.forEach((p) => geom(p, false));
    }
  };
  geom(g, true);
  return Uint8Array.from(out);
}

const square = (x: number, y: number, d: number): Pos[] => [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]];

function geoParquet(
  columns: Record<string, ReturnType<typeof makeVector> | ReturnType<typeof vectorFromArray>>,
  geo: object,
): Uint8Array {
  const ipc = tableToIPC(new Table(columns), 'stream');
  const props = new pq.WriterPropertiesBuilder()
    .setKeyValueMetadata(new Map([['geo', JSON.stringify(geo)]]))
    .build();
  return pq.writeParquet(pq.Table.fromIPCStream(ipc), props);
}

function binaryVector(values: (Uint8Array | null)[]) {
  return vectorFromArray(values, new Binary());
}

// ---- good/ ----
write(
  good,
  'points.ndjson',
  [
    { type: 'Feature', properties: { name: 'a', n: 1 }, geometry: { type: 'Point', coordinates: [-73.98, 40.75] } },
    { type: 'Feature', properties: { name: 'b', n: 2 }, geometry: { type: 'Point', coordinates: [-73.95, 40.78, 12.5] } },
    { type: 'Feature', properties: { name: 'c', n: null }, geometry: null },
  ]
    .map((f) => JSON.stringify(f))
    .join('\n') + '\n',
);

write(
  good,
  'geometry-collection.geojson',
  json({
    type: 'Feature',
    properties: { name: 'park with fountain' },
    geometry: {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Point', coordinates: [2.35, 48.85] },
        { type: 'Polygon', coordinates: [square(2.34, 48.84, 0.02)] },
      ],
    },
  }),
);

write(
  good,
  'mixed.geojson',
  json({
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { k: 'point' }, geometry: { type: 'Point', coordinates: [13.4, 52.52] } },
      { type: 'Feature', properties: { k: 'line' }, geometry: { type: 'LineString', coordinates: [[13.3, 52.5], [13.4, 52.51], [13.5, 52.49]] } },
      { type: 'Feature', properties: { k: 'polygon' }, geometry: { type: 'Polygon', coordinates: [square(13.35, 52.45, 0.1), square(13.37, 52.47, 0.01)] } },
      { type: 'Feature', properties: { k: 'multipolygon' }, geometry: { type: 'MultiPolygon', coordinates: [[square(13.1, 52.4, 0.05)], [square(13.6, 52.6, 0.05)]] } },
      { type: 'Feature', properties: { k: 'multiline' }, geometry: { type: 'MultiLineString', coordinates: [[[13.2, 52.3], [13.3, 52.35]], [[13.25, 52.3], [13.35, 52.36]]] } },
      { type: 'Feature', properties: { k: 'multipoint' }, geometry: { type: 'MultiPoint', coordinates: [[13.45, 52.55], [13.46, 52.56]] } },
      { type: 'Feature', properties: { k: 'unclosed ring' }, geometry: { type: 'Polygon', coordinates: [[[13.0, 52.0], [13.1, 52.0], [13.1, 52.1]]] } },
    ],
  }),
);

write(
  good,
  'lines.geojson',
  json({
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { route: 'M1' }, geometry: { type: 'LineString', coordinates: [[-0.2, 51.5], [-0.1, 51.55]] } },
      { type: 'Feature', properties: { route: 'M2' }, geometry: { type: 'MultiLineString', coordinates: [[[-0.3, 51.4], [-0.25, 51.45]], [[-0.2, 51.4], [-0.15, 51.42], [-0.1, 51.41]]] } },
    ],
  }),
);

write(
  good,
  'wkt.csv',
  'id,name,Location\n1,Empire State,POINT (-73.9857 40.7484)\n2,Flatiron,POINT(-73.9897 40.7411)\n3,no location,\n4,Chrysler,POINT Z (-73.9755 40.7516 282)\n',
);
write(
  good,
  'wkt-polygons.csv',
  'zone;geom\nA;"POLYGON ((-122.42 37.77, -122.41 37.77, -122.41 37.78, -122.42 37.78, -122.42 37.77))"\nB;"MULTIPOLYGON (((-122.40 37.76, -122.39 37.76, -122.39 37.77, -122.40 37.76)), ((-122.38 37.75, -122.37 37.75, -122.37 37.76, -122.38 37.75)))"\n',
);
write(good, 'points.tsv', 'Station Name\tLatitude\tLongitude\tDocks\nA\t41.88\t-87.63\t15\nB\t41.89\t-87.62\t19\nC\t41.90\t-87.64\t11\n');
write(good, 'semicolon.csv', 'Name;Lat;Lng;Wert\nAlexanderplatz;52.5219;13.4132;3.5\nZoo;52.5074;13.3326;4.25\nOst;52.5103;13.4348;1\n');
write(
  good,
  'projected-27700.csv',
  'place,easting,northing\n' + LONDON.map(([n, lon, lat]) => `${n},${toBng(lon, lat).join(',')}`).join('\n') + '\n',
);
write(
  good,
  'times.csv',
  [
    'id,event_time,created_ts,local_date,uk_date,lat,lon',
    '1,1710000000,1710000000000,03/04/2025 10:00,25/12/2024 08:30,40.7,-73.9',
    '2,1710003600,1710003600000,04/05/2025 11:30,13/01/2025 17:45,40.71,-73.91',
    '3,1710007200,1710007200000,05/06/2025 12:45,01/02/2025 09:00,40.72,-73.92',
  ].join('\n') + '\n',
);

// Arrow file and stream with the same three points.
const arrowTable = new Table({
  name: vectorFromArray(['a', 'b', 'c'], new Utf8()),
  longitude: vectorFromArray([151.2, 151.21, 151.22], new Float64()),
  latitude: vectorFromArray([-33.86, -33.87, -33.88], new Float64()),
});
write(good, 'points.arrow', tableToIPC(arrowTable, 'file'));
write(good, 'points.arrows', tableToIPC(arrowTable, 'stream'));

// GeoParquet, polygons (one MultiPolygon, one with a hole), WKB little-endian.
const polys: Geom[] = [
  { t: 'Polygon', c: [square(-3.2, 55.9, 0.1), square(-3.17, 55.93, 0.02)] },
  { t: 'MultiPolygon', c: [[square(-3.0, 55.9, 0.05)], [square(-2.9, 55.95, 0.05)]] },
  { t: 'Polygon', c: [square(-3.3, 55.8, 0.02)] },
];
const polygonsParquet = geoParquet(
  { name: vectorFromArray(['old town', 'two parts', 'small'], new Utf8()), geometry: binaryVector(polys.map((g) => wkb(g))) },
  {
    version: '1.1.0',
    primary_column: 'geometry',
    columns: { geometry: { encoding: 'WKB', geometry_types: ['Polygon', 'MultiPolygon'], bbox: [-3.3, 55.8, -2.85, 56.0] } },
  },
);
write(good, 'polygons.parquet', polygonsParquet);

// GeoParquet, lines: LineString (LE), MultiLineString Z (big-endian), LineString M.
write(
  good,
  'lines.parquet',
  geoParquet(
    {
      id: vectorFromArray([1, 2, 3], new Float64()),
      geom: binaryVector([
        wkb({ t: 'LineString', c: [[10.0, 59.9], [10.1, 59.95]] }),
        wkb({ t: 'MultiLineString', c: [[[10.2, 59.9], [10.3, 59.92]], [[10.2, 59.8], [10.25, 59.85], [10.3, 59.86]]] }, { big: true, dims: 'Z' }),
        wkb({ t: 'LineString', c: [[10.4, 59.7], [10.5, 59.75]] }, { dims: 'M' }),
      ]),
    },
    { version: '1.0.0', primary_column: 'geom', columns: { geom: { encoding: 'WKB', geometry_types: ['LineString', 'MultiLineString Z', 'LineString M'] } } },
  ),
);

// Every WKB flavour in one column: ISO Z/M/ZM, EWKB with SRID, big-endian, empty, null.
const mixedWkb: (Uint8Array | null)[] = [
  wkb({ t: 'Point', c: [18.06, 59.33] }),
  wkb({ t: 'Point', c: [18.07, 59.34] }, { big: true, dims: 'ZM' }),
  wkb({ t: 'LineString', c: [[18.0, 59.3], [18.1, 59.31]] }, { dims: 'Z' }),
  wkb({ t: 'Polygon', c: [square(18.0, 59.2, 0.05)] }, { dims: 'M', big: true }),
  wkb({ t: 'MultiPoint', c: [[18.2, 59.4], [18.21, 59.41]] }, { ewkbSrid: 4326, dims: 'Z' }),
  wkb({ t: 'MultiPolygon', c: [[square(17.9, 59.2, 0.02)], [square(17.95, 59.25, 0.02)]] }, { dims: 'ZM' }),
  wkb({ t: 'GeometryCollection', g: [{ t: 'Point', c: [18.3, 59.5] }, { t: 'LineString', c: [[18.3, 59.5], [18.31, 59.51]] }] }, { big: true }),
  wkb({ t: 'Point', c: [NaN, NaN] }),
  null,
  Uint8Array.from([1, 1, 0, 0]), // truncated
];
write(
  good,
  'mixed-wkb.parquet',
  geoParquet(
    { row: vectorFromArray(mixedWkb.map((_, i) => i), new Float64()), geometry: binaryVector(mixedWkb) },
    { version: '1.1.0', primary_column: 'geometry', columns: { geometry: { encoding: 'WKB', geometry_types: [] } } },
  ),
);

// Points with no lon/lat columns, in EPSG:3857 with a PROJJSON CRS: decoded and reprojected.
const projjson3857 = {
  $schema: 'https://proj.org/schemas/v0.7/projjson.schema.json',
  type: 'ProjectedCRS',
  name: 'WGS 84 / Pseudo-Mercator',
  id: { authority: 'EPSG', code: 3857 },
};
write(
  good,
  'points-3857.parquet',
  geoParquet(
    {
      place: vectorFromArray(LONDON.map((p) => p[0]), new Utf8()),
      geometry: binaryVector(LONDON.map(([, lon, lat]) => wkb({ t: 'Point', c: to3857(lon, lat) }))),
    },
    { version: '1.0.0', primary_column: 'geometry', columns: { geometry: { encoding: 'WKB', geometry_types: ['Point'], crs: projjson3857 } } },
  ),
);

// GeoParquet 1.1 native point encoding (GeoArrow struct<x, y>).
{
  const xs = Float64Array.from(LONDON.map((p) => p[1]));
  const ys = Float64Array.from(LONDON.map((p) => p[2]));
  const type = new Struct([new Field('x', new Float64(), false), new Field('y', new Float64(), false)]);
  const data = makeData({ type, length: xs.length, nullCount: 0, children: [makeData({ type: new Float64(), data: xs }), makeData({ type: new Float64(), data: ys })] });
  write(
    good,
    'points-native.parquet',
    geoParquet(
      { place: vectorFromArray(LONDON.map((p) => p[0]), new Utf8()), geometry: makeVector(data) },
      { version: '1.1.0', primary_column: 'geometry', columns: { geometry: { encoding: 'point', geometry_types: ['Point'] } } },
    ),
  );
}

// Legacy GeoJSON crs member (EPSG:27700), coordinates made from known lon/lat.
write(
  good,
  'legacy-crs.geojson',
  json({
    type: 'FeatureCollection',
    crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::27700' } },
    features: LONDON.map(([name, lon, lat]) => ({
      type: 'Feature',
      properties: { name, lon_wgs84_check: lon, lat_wgs84_check: lat },
      geometry: { type: 'Point', coordinates: toBng(lon, lat) },
    })),
  }),
);

// Properties of every JSON type, names that collide in DuckDB, hostile text.
write(
  good,
  'nested-properties.geojson',
  json({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        id: 'f1',
        properties: {
          'street name': 'Main St',
          count: 3,
          open: true,
          tags: ['a', 'b'],
          meta: { source: 'survey', year: 2024 },
          mixed: 1,
          Name: 'upper',
          name: 'lower',
          seen_at: '2024-05-01T10:00:00Z',
          note: '<img src=x onerror=alert(1)>',
          __fid: 'user column named like ours',
        },
        geometry: { type: 'Point', coordinates: [4.9, 52.37] },
      },
      {
        type: 'Feature',
        id: 'f2',
        properties: {
          'street name': 'Canal St',
          count: 4.5,
          open: false,
          tags: [],
          meta: null,
          mixed: 'two',
          Name: 'U2',
          name: 'l2',
          seen_at: '2024-05-02T12:30:00+02:00',
          note: "O'Brien \"quoted\"",
          __fid: 'x',
        },
        geometry: { type: 'Point', coordinates: [4.91, 52.38] },
      },
    ],
  }),
);

// ---- bad/ ----
write(bad, 'malformed.geojson', '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"a": 1},');
write(bad, 'not-geojson.json', '{"hello": "world"}\n');
write(bad, 'broken-line.ndjson', '{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1,2]}}\n{"type":"Feature",\n');
write(bad, 'not-parquet.parquet', 'this is a text file that someone renamed to .parquet\n');
write(bad, 'truncated.parquet', polygonsParquet.subarray(0, Math.floor(polygonsParquet.length / 2)));
write(bad, 'empty.csv', '');
write(bad, 'empty.geojson', '');
write(bad, 'header-only.csv', 'name,lat,lon\n');
write(bad, 'no-coordinates.csv', 'name,value\nalpha,1\nbeta,2\n');
write(bad, 'binary.csv', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 1, 2, 3, 0, 0xff, 0xfe, 10, 0, 0, 65, 66]));
write(
  bad,
  'no-geometry.geojson',
  json({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { a: 1 }, geometry: null }, { type: 'Feature', properties: { a: 2 }, geometry: null }] }),
);
write(bad, 'no-features.geojson', json({ type: 'FeatureCollection', features: [] }));
write(
  bad,
  'projected-no-crs.csv',
  'place,x,y\n' + LONDON.map(([n, lon, lat]) => `${n},${toBng(lon, lat).join(',')}`).join('\n') + '\n',
);
write(
  bad,
  'projected-no-crs.geojson',
  json({
    type: 'FeatureCollection',
    features: LONDON.map(([name, lon, lat]) => ({ type: 'Feature', properties: { name }, geometry: { type: 'Point', coordinates: toBng(lon, lat) } })),
  }),
);
write(
  bad,
  'unknown-crs.geojson',
  json({
    type: 'FeatureCollection',
    crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::99999' } },
    features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [500000, 200000] } }],
  }),
);
const arrowFile = tableToIPC(arrowTable, 'file');
write(bad, 'truncated.arrow', arrowFile.subarray(0, Math.floor(arrowFile.length * 0.6)));
write(bad, 'bad-topology.topojson', json({ type: 'Topology', objects: {}, arcs: [] }));
// Loads, with the unusable rows counted and reported.
write(bad, 'bad-coordinates.csv', 'name,lat,lon\nok,40.7,-73.9\nnan,NaN,-73.9\nempty,,\nout of range,95.5,-73.9\ninfinite,40.7,inf\nok2,40.8,-73.8\n');
console.log('fixtures written to', path.relative(root, good), 'and', path.relative(root, bad));
