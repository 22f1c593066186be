import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine';
import { nodePlatform } from '../../src/engine/platform-node';
import { hasSharedData, sharedFile } from '../shared-data';
import { engineText } from '../../src/i18n';

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
    // 1.8M status snapshots of 2,202 stations: one mark per station, counting its rows.
    const marks = engine.pointMarks({ dataset: info.id });
    expect(marks.rows).toBe(1_798_339);
    expect(marks.marks).toBe(2_202);
    expect(marks.offsets.length).toBe(2 * 2_202);
    expect(marks.counts.reduce((a, b) => a + b, 0)).toBe(1_798_339);
    // A station's mark is at its position (float32 offsets) and counts its snapshots.
    const station = engine.connection
      .query(`SELECT lon, lat, count(*)::INTEGER AS n FROM "${info.id}" WHERE station_id = (SELECT min(station_id) FROM "${info.id}") GROUP BY ALL`)
      .toArray()
      .map((r: { toJSON(): unknown }) => r.toJSON() as { lon: number; lat: number; n: number });
    expect(station).toHaveLength(1);
    const i = Array.from({ length: marks.marks }, (_, k) => k).find(
      (k) => Math.abs(marks.origin[0] + marks.offsets[2 * k] - station[0].lon) < 1e-5 && Math.abs(marks.origin[1] + marks.offsets[2 * k + 1] - station[0].lat) < 1e-5,
    );
    expect(i).toBeDefined();
    expect(marks.counts[i!]).toBe(station[0].n);
  });

  it('loads the NYC 311 CSV and counts the 62 rows without coordinates', async () => {
    const info = await engine.loadUrl(sharedFile('nyc_311_animal_complaints_2025.csv'), {});
    expect(info.rows).toBe(4_969);
    expect(info.geometry).toMatchObject({ kind: 'point', lon: 'Longitude', lat: 'Latitude' });
    expect(info.rowsWithoutCoordinates).toBe(62);
    expect(info.warnings).toContainEqual({ code: 'rows-without-coordinates', params: { n: 62 } });
    // The UI's English for it reads as it did when the engine wrote English.
    expect(info.warnings.map((w) => engineText(w))).toContain('62 rows without coordinates');
  });

  it('rejects bytes that are not Parquet with a message naming the file, and keeps other data', async () => {
    const before = engine.listDatasets().length;
    const bad = new TextEncoder().encode('PAR1 this is not really parquet');
    await expect(engine.loadBytes('broken.parquet', bad, {})).rejects.toThrow(/broken\.parquet/);
    expect(engine.listDatasets().length).toBe(before);
  });
});
