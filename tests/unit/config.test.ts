import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCatalog, parseConfig, validateConfig } from '../../src/config/schema';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('dashboard config and catalog', () => {
  it('the shipped config is a valid version 2 and opens NYC on the prebuilt Manhattan basemap', () => {
    const json = JSON.parse(readFileSync(path.join(root, 'public/citylens.config.json'), 'utf8'));
    const report = validateConfig(json, { catalogIds: ['nyc_citibike_station_status_2024_03'] });
    expect([report.problems, report.warnings, report.from]).toEqual([[], [], 2]);
    expect(report.config.basemap.default).toBe('manhattan');
    expect(report.config.basemap.basemaps[0].url).toBe('data/sample/basemap/manhattan-south-omt.pmtiles');
    expect(report.config.load).toEqual(['nyc_citibike_station_status_2024_03']);
    expect(report.config.extent).toEqual([-75, 40.2, -72.9, 41.3]);
  });

  it('parseConfig names the file, the place and the first problem', () => {
    expect(() => parseConfig({ version: 1, view: { center: [200, 0], zoom: 3 } }, 'city.json')).toThrow('city.json: view.center[0]: must be at most 180');
    expect(() => parseConfig({ version: 2, basemap: { default: 'nope', basemaps: [] } }, 'city.json')).toThrow(
      'city.json: basemap.default: no basemap with id "nope" in "basemaps"',
    );
    expect(() => parseConfig({ version: 2, basemap: { basemaps: [{ id: 'a', title: 'A', kind: 'pmtiles', url: 'a.pmtiles' }] } }, 'c.json')).toThrow(
      'c.json: basemap.basemaps[0].schema: a "pmtiles" basemap needs a "schema"',
    );
  });

  it('refuses a catalog where two datasets share an id (the config opens datasets by id)', () => {
    const entry = (id: string, file: string) => ({ id, file });
    expect(() => parseCatalog({ version: 1, datasets: [entry('tracts', 'a.geojson'), entry('tracts', 'a.parquet')] }, 'catalog.json')).toThrow(
      'catalog.json: datasets[1].id: id "tracts" is used by more than one dataset',
    );
    expect(parseCatalog({ version: 1, datasets: [entry('tracts-geojson', 'a.geojson'), entry('tracts-parquet', 'a.parquet')] }, 'catalog.json').datasets).toHaveLength(2);
  });
});
