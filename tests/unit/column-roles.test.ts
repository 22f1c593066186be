// One module names the roles of columns for the engine and the UI alike.
import { describe, expect, it } from 'vitest';
import { coordinateColumns, nameColumn, populationColumn, timeColumn } from '../../src/engine/column-roles';
import { fileNameOf } from '../../src/engine/file-name';
import { Engine } from '../../src/engine/engine';
import { nodePlatform } from '../../src/engine/platform-node';
import { Aggregator } from '../../src/engine/aggregate/aggregator';
import type { ColumnInfo } from '../../src/engine/protocol';

const col = (name: string, kind: ColumnInfo['kind'], internal = false): ColumnInfo => ({ name, type: kind === 'number' ? 'DOUBLE' : 'VARCHAR', kind, internal });

describe('column roles', () => {
  it('finds population columns by word, an exact "population" first, numeric only', () => {
    expect(populationColumn([col('Population 2020', 'number')])).toBe('Population 2020');
    expect(populationColumn([col('pop_total', 'number'), col('population', 'number')])).toBe('population');
    expect(populationColumn([col('Población', 'number')])).toBe('Población');
    expect(populationColumn([col('population', 'string')])).toBeNull();
    expect(populationColumn([col('popular_votes', 'number'), col('area', 'number')])).toBeNull();
  });

  it('names features by a common name column, else the first visible text column', () => {
    expect(nameColumn([col('code', 'string'), col('Name', 'string')])).toBe('Name');
    expect(nameColumn([col('__name', 'string', true), col('label', 'string')])).toBe('label');
    expect(nameColumn([col('n', 'number')])).toBeNull();
  });

  it('pairs lon/lat names, and x only with y', () => {
    expect(coordinateColumns([col('Longitude', 'number'), col('Latitude', 'number')])).toEqual({ lon: 'Longitude', lat: 'Latitude' });
    expect(coordinateColumns([col('x', 'number'), col('lat', 'number')])).toBeNull();
  });

  it('takes the time range column as the time column', () => {
    const columns = [col('a', 'string'), { ...col('ts', 'string'), kind: 'timestamp' as const }];
    expect(timeColumn({ columns })).toBe('ts');
    expect(timeColumn({ columns, timeRange: { column: 'other', min: '', max: '' } })).toBe('other');
  });

  it('reads file names from URLs once', () => {
    expect(fileNameOf('https://x.org/data/a%20b.csv?v=1#top')).toBe('a b.csv');
    expect(fileNameOf('C:\\data\\c.parquet')).toBe('c.parquet');
    expect(fileNameOf('https://x.org/')).toBe('https://x.org/');
  });
});

// The UI offered "per 1,000 residents" for any numeric column matching /population/i while
// the engine knew only a fixed list, so a "Population 2020" column drew raw values under a
// per-1,000 legend. Both now ask populationColumn.
describe('regression: per 1,000 residents with a "Population 2020" column', () => {
  it('the engine rates by the column the UI offers', async () => {
    const square = (x0: number, pop: number, name: string) => ({
      type: 'Feature',
      properties: { name, 'Population 2020': pop },
      geometry: { type: 'Polygon', coordinates: [[[x0, 0], [x0 + 1, 0], [x0 + 1, 1], [x0, 1], [x0, 0]]] },
    });
    const districts = { type: 'FeatureCollection', features: [square(0, 2000, 'West'), square(1, 500, 'East')] };
    const points = ['lon,lat', '0.5,0.5', '0.25,0.5', '0.75,0.25', '1.5,0.5'].join('\n');
    const engine = new Engine(nodePlatform);
    await engine.init();
    const enc = new TextEncoder();
    const d = await engine.loadBytes('districts.geojson', enc.encode(JSON.stringify(districts)), {});
    const p = await engine.loadBytes('points.csv', enc.encode(points), {});
    expect(populationColumn(d.columns)).toBe('Population 2020');
    const r = await new Aggregator(engine).aggregate({ dataset: p.id, by: { kind: 'districts', polygons: d.id }, minCount: 0 });
    // Oracle: 3 rows in West (2,000 residents), 1 in East (500).
    expect(Array.from(r.per1000!.subarray(0, 2))).toEqual([(3 / 2000) * 1000, (1 / 500) * 1000]);
  });
});
