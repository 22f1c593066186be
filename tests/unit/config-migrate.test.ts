// Version 1 → 2 of the dashboard config: pure JSON → JSON, no fetch (a catalog URL stays
// valid), data URLs in `load` become datasets; the version-1 sample still opens the same way.
import { describe, expect, it } from 'vitest';
import { migrateConfig, migrateV1 } from '../../src/config/migrate';
import { validateConfig } from '../../src/config/validate';

/** Today's sample config as it was in version 1 (public/citylens.config.json before version 2). */
const V1_SAMPLE = {
  version: 1,
  title: 'CityLens',
  view: { center: [-73.96, 40.74], zoom: 10.6 },
  catalog: 'data/sample/catalog.json',
  load: ['nyc_citibike_station_status_2024-03'],
  minCount: 5,
  connectOrigins: ['https://tiles.openfreemap.org'],
  basemap: {
    default: 'lower-manhattan',
    basemaps: [
      { id: 'lower-manhattan', title: 'Lower Manhattan (offline sample)', kind: 'pmtiles', url: 'data/sample/basemap/lower-manhattan.pmtiles', schema: 'openmaptiles', attribution: '© OpenStreetMap contributors' },
      { id: 'openfreemap-liberty', title: 'OpenFreeMap Liberty', kind: 'style', url: 'https://tiles.openfreemap.org/styles/liberty' },
    ],
  },
};

describe('config migration 1 → 2', () => {
  it('keeps every version-1 key, the catalog URL included, and sets version 2', () => {
    expect(migrateV1(V1_SAMPLE)).toEqual({ ...V1_SAMPLE, version: 2 });
    expect(migrateConfig(V1_SAMPLE)).toEqual({ ok: true, json: { ...V1_SAMPLE, version: 2 }, from: 1 });
  });

  it('turns data URLs in `load` into datasets with ids from their file names, keeping catalog ids', () => {
    const v1 = { version: 1, catalog: 'c.json', load: ['tracts', 'data/bikes.parquet', 'https://city.example/x/bikes.csv?v=2', 'noise.geojson'] };
    expect(migrateV1(v1)).toEqual({
      version: 2,
      catalog: 'c.json',
      load: ['tracts', 'bikes', 'bikes_2', 'noise'],
      datasets: [
        { id: 'bikes', url: 'data/bikes.parquet' },
        { id: 'bikes_2', url: 'https://city.example/x/bikes.csv?v=2' },
        { id: 'noise', url: 'noise.geojson' },
      ],
    });
  });

  it('makes version-2 dataset ids (table names) of file names that are not', () => {
    const v1 = { version: 1, load: ['data/Bikes 2024-03.parquet', 'https://city.example/2024-noise.csv', 'bikes_2024_03.csv'] };
    const out = migrateV1(v1);
    expect(out.load).toEqual(['bikes_2024_03', 't_2024_noise', 'bikes_2024_03_2']);
    expect(validateConfig(v1, { pageOrigin: 'https://city.example' }).problems).toEqual([]);
  });

  it('is pure: the input is not changed', () => {
    const v1 = structuredClone(V1_SAMPLE);
    migrateV1(v1);
    expect(v1).toEqual(V1_SAMPLE);
  });

  it('a version-1 config validates as version 2 with the same settings, reporting where it came from', () => {
    const report = validateConfig(V1_SAMPLE, { catalogIds: ['nyc_citibike_station_status_2024-03'] });
    expect([report.problems, report.warnings, report.from]).toEqual([[], [], 1]);
    expect(report.config).toMatchObject({
      version: 2, title: 'CityLens', view: V1_SAMPLE.view, catalog: V1_SAMPLE.catalog, load: V1_SAMPLE.load,
      minCount: 5, connectOrigins: V1_SAMPLE.connectOrigins, basemap: V1_SAMPLE.basemap, datasets: [], layers: [], stories: [],
    });
    expect(validateConfig({ version: 1 }).config.minCount).toBe(5);
  });

  it('version 2 passes through; other versions and non-objects are refused', () => {
    const v2 = { version: 2, title: 'x' };
    expect(migrateConfig(v2)).toEqual({ ok: true, json: v2, from: 2 });
    expect(migrateConfig({ version: '1' })).toEqual({ ok: false, problem: { path: 'version', message: 'version "1" is not one this CityLens reads (1 or 2)' } });
    expect(migrateConfig(null)).toEqual({ ok: false, problem: { path: '', message: 'expected an object with "version": 2' } });
  });
});
