import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCatalog, parseConfig } from '../../src/config/schema';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('dashboard config and catalog', () => {
  it('the shipped config is valid and opens NYC on the offline Lower Manhattan basemap', () => {
    const config = parseConfig(JSON.parse(readFileSync(path.join(root, 'public/citylens.config.json'), 'utf8')), 'citylens.config.json');
    expect(config.basemap.default).toBe('lower-manhattan');
    expect(config.load).toEqual(['nyc_citibike_station_status_2024-03']);
  });

  it('names the file, the place and the problem', () => {
    expect(() => parseConfig({ version: 1, view: { center: [200, 0], zoom: 3 } }, 'city.json')).toThrow(/^city\.json: view\.center\.0: /);
    expect(() => parseConfig({ version: 1, basemap: { default: 'nope', basemaps: [] } }, 'city.json')).toThrow(
      'city.json: basemap.default: names no basemap in "basemaps"',
    );
    expect(() => parseConfig({ version: 1, basemap: { basemaps: [{ id: 'a', title: 'A', kind: 'pmtiles', url: 'a.pmtiles' }] } }, 'c.json')).toThrow(
      'c.json: basemap.basemaps.0.schema: a "pmtiles" basemap needs a "schema"',
    );
  });

  it('refuses a catalog where two datasets share an id (the config opens datasets by id)', () => {
    const entry = (id: string, file: string) => ({ id, file });
    expect(() => parseCatalog({ version: 1, datasets: [entry('tracts', 'a.geojson'), entry('tracts', 'a.parquet')] }, 'catalog.json')).toThrow(
      'catalog.json: datasets.1.id: id "tracts" is used by more than one dataset',
    );
    expect(parseCatalog({ version: 1, datasets: [entry('tracts-geojson', 'a.geojson'), entry('tracts-parquet', 'a.parquet')] }, 'catalog.json').datasets).toHaveLength(2);
  });
});
