// Shared set-up for the aggregation tests. Independent checks use turf and plain SQL,
// never the code under test.
import { readFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { Engine } from '../../src/engine/engine';
import type { PolygonShapes } from '../../src/engine/protocol';
import { sharedFile } from '../shared-data';

/** Load polygon files through the engine; their ids. */
export async function loadPolygons(engine: Engine, files: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const f of files) {
    const info = await engine.loadUrl(sharedFile(f), {});
    if (!engine.polygons(info.id)) throw new Error(`${f} loaded without polygons`);
    ids.push(info.id);
  }
  return ids;
}

/** PolygonShapes from GeoJSON features, for kernel tests on hand-made shapes. */
export function shapesFromFeatures(features: Feature<Polygon | MultiPolygon>[]): PolygonShapes {
  const coords: number[] = [];
  const ringOffsets = [0];
  const polygonRingOffsets = [0];
  const featurePolygonOffsets = [0];
  for (const f of features) {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const rings of polys) {
      for (const ring of rings) {
        for (const [x, y] of ring) coords.push(x, y);
        ringOffsets.push(coords.length / 2);
      }
      polygonRingOffsets.push(ringOffsets.length - 1);
    }
    featurePolygonOffsets.push(polygonRingOffsets.length - 1);
  }
  return {
    featureCount: features.length,
    coords: Float64Array.from(coords),
    ringOffsets: Uint32Array.from(ringOffsets),
    polygonRingOffsets: Uint32Array.from(polygonRingOffsets),
    featurePolygonOffsets: Uint32Array.from(featurePolygonOffsets),
  };
}

type PolyFeature = Feature<Polygon | MultiPolygon, Record<string, unknown>>;

/** turf point-in-polygon over the features, with a bbox prefilter; first containing feature or -1. */
export function turfLocator(file: string): { features: PolyFeature[]; locate: (lon: number, lat: number) => number } {
  const features = (JSON.parse(readFileSync(sharedFile(file), 'utf8')) as { features: PolyFeature[] }).features;
  const boxes = features.map((f) => {
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const ring of polys.flat()) for (const [x, y] of ring) {
      x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
    }
    return [x0, y0, x1, y1];
  });
  const locate = (lon: number, lat: number) => {
    for (let i = 0; i < features.length; i++) {
      const b = boxes[i];
      if (lon < b[0] || lon > b[2] || lat < b[1] || lat > b[3]) continue;
      if (booleanPointInPolygon([lon, lat], features[i])) return i;
    }
    return -1;
  };
  return { features, locate };
}

/** Rows per distinct position, by plain SQL. */
export function rowsPerPosition(engine: Engine, table: string, where = 'TRUE'): { lon: number; lat: number; n: number }[] {
  return engine.connection
    .query(`SELECT lon::DOUBLE AS lon, lat::DOUBLE AS lat, count(*)::DOUBLE AS n FROM "${table}" WHERE ${where} GROUP BY ALL`)
    .toArray()
    .map((r) => r.toJSON() as { lon: number; lat: number; n: number });
}

export function scalar(engine: Engine, sql: string): number {
  return Number(engine.connection.query(sql).getChildAt(0)!.get(0));
}

/**
 * Each distinct station of a point table with the oracle's district of its position
 * (turf, −1 outside every district), also written to `oracleTable` (station_id, column):
 * joined on the station id, as coordinates written back as SQL literals would not round-trip.
 */
export function stationDistricts(
  engine: { connection: { query(sql: string): { toArray(): { toJSON(): unknown }[] } } },
  table: string,
  file: string,
  oracleTable: string,
  column: string,
): { s: string; t: number }[] {
  const { locate } = turfLocator(file);
  const spots = engine.connection
    .query(`SELECT DISTINCT station_id AS s, lon::DOUBLE AS lon, lat::DOUBLE AS lat FROM "${table}"`)
    .toArray()
    .map((r) => r.toJSON() as { s: string; lon: number; lat: number });
  const out = spots.map((x) => ({ s: x.s, t: locate(x.lon, x.lat) }));
  engine.connection.query(`CREATE TABLE ${oracleTable} AS SELECT * FROM (VALUES ${out.map((x) => `('${x.s}', ${x.t})`).join(', ')}) AS t(station_id, ${column})`);
  return out;
}
