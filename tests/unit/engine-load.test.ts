import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine';
import { nodePlatform } from '../../src/engine/platform-node';
import { hasSharedData, sharedFile } from '../shared-data';

describe.skipIf(!hasSharedData)('engine: loading the shared datasets', () => {
  const engine = new Engine(nodePlatform);
  beforeAll(async () => {
    await engine.init();
  });

  it('loads the Citi Bike GeoParquet with every row and finds its lon/lat', async () => {
    const info = await engine.loadUrl(sharedFile('nyc_citibike_station_status_2024-03.parquet'), {});
    expect(info.rows).toBe(1_798_339);
    expect(info.id).toBe('nyc_citibike_station_status_2024_03');
    expect(info.geometry).toMatchObject({ kind: 'point', lon: 'lon', lat: 'lat' });
    expect(info.rowsWithoutCoordinates).toBe(0);
    expect(info.bbox![0]).toBeCloseTo(-74.0867, 4);
    expect(info.bbox![3]).toBeCloseTo(40.8863, 4);
    const pos = engine.pointPositions(info.id);
    expect(pos.count).toBe(1_798_339);
    expect(pos.offsets.length).toBe(2 * 1_798_339);
    // First row back in absolute degrees matches DuckDB's own value to float32 precision.
    const first = engine.connection.query(`SELECT lon, lat FROM "${info.id}" LIMIT 1`).toArray()[0].toJSON();
    expect(pos.origin[0] + pos.offsets[0]).toBeCloseTo(first.lon, 5);
    expect(pos.origin[1] + pos.offsets[1]).toBeCloseTo(first.lat, 5);
  });

  it('loads the NYC 311 CSV and counts the 62 rows without coordinates', async () => {
    const info = await engine.loadUrl(sharedFile('nyc_311_animal_complaints_2025.csv'), {});
    expect(info.rows).toBe(4_969);
    expect(info.geometry).toMatchObject({ kind: 'point', lon: 'Longitude', lat: 'Latitude' });
    expect(info.rowsWithoutCoordinates).toBe(62);
    expect(info.warnings).toContain('62 rows without coordinates');
  });

  it('rejects bytes that are not Parquet with a message naming the file, and keeps other data', async () => {
    const before = engine.listDatasets().length;
    const bad = new TextEncoder().encode('PAR1 this is not really parquet');
    await expect(engine.loadBytes('broken.parquet', bad, {})).rejects.toThrow(/broken\.parquet/);
    expect(engine.listDatasets().length).toBe(before);
  });
});
