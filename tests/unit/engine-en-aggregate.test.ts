// The English wording of the aggregation codes, exactly, and that every scheme's
// result carries a code with wording and its parameters.
import { beforeAll, describe, expect, it } from 'vitest';
import { engineText } from '../../src/i18n';
import { message, type MessageParams } from '../../src/engine/messages';

const word = (code: string, params?: MessageParams) => engineText(message(code, params));
import { Engine } from '../../src/engine/engine';
import { nodePlatform } from '../../src/engine/platform-node';
import { Aggregator } from '../../src/engine/aggregate/aggregator';
import type { AggregateBy } from '../../src/engine/protocol';
import { hasSharedData, sharedFile } from '../shared-data';

const projection = { lon0: -73.9543219, lat0: 40.7456789, kx: 84419.123, ky: 111034.567 };
const SPHERE = 'areas on the sphere (R = 6,371,008.8 m)';

describe('English wording of the aggregation codes', () => {
  it('grid and hexagon: the cells, the projection, how they were assigned and reduced', () => {
    expect(word('method-grid', { sizeM: 500, ...projection, positions: 2202, cached: 'no', kernel: 'js' })).toBe(
      'squares of 500 m in a local equirectangular projection centred on -73.95432, 40.74568 ' +
        '(84419.1 m per degree of longitude, 111034.6 m per degree of latitude, WGS84 radii there); ' +
        'cells computed for 2,202 distinct positions, the statistic reduced over the rows in JS',
    );
    expect(word('method-hexagon', { sizeM: 250, ...projection, positions: 2202, cached: 'yes', kernel: 'sql' })).toBe(
      'pointy-top hexagons of 250 m radius (centre to corner) in a local equirectangular projection centred on -73.95432, 40.74568 ' +
        '(84419.1 m per degree of longitude, 111034.6 m per degree of latitude, WGS84 radii there); ' +
        'cells taken from the cache, joined to the rows in SQL by row order',
    );
  });

  it('H3 and districts, with and without name and population columns', () => {
    expect(word('method-h3', { resolution: 9, positions: 12345, cached: 'no', kernel: 'js' })).toBe(
      'H3 resolution 9 cells from h3-js latLngToCell, computed for 12,345 distinct positions, the statistic reduced over the rows in JS',
    );
    const base = 'point-in-polygon with a flatbush index over polygon bounding boxes and an exact even-odd ring test (holes excluded)';
    expect(
      word('method-districts', { dataset: 'tracts', features: 2166, named: 'yes', nameColumn: 'boro_ct2010', residents: 'yes', populationColumn: 'Population', positions: 2202, cached: 'yes', kernel: 'js' }),
    ).toBe(`districts of tracts (2,166 features, named by "boro_ct2010", residents from "Population"): ${base}, taken from the cache, the statistic reduced over the rows in JS; ${SPHERE}`);
    expect(word('method-districts', { dataset: 'b', features: 5, named: 'no', nameColumn: '', residents: 'no', populationColumn: '', positions: 7, cached: 'no', kernel: 'sql' })).toBe(
      `districts of b (5 features): ${base}, computed for 7 distinct positions, joined to the rows in SQL by row order; ${SPHERE}`,
    );
  });

  it('the district outside every polygon, and codes without wording', () => {
    expect(word('district-outside')).toBe('outside');
    expect(word('no-such-code')).toBe('no-such-code');
  });
});

describe.skipIf(!hasSharedData)('every scheme says how it made its cells', () => {
  const engine = new Engine(nodePlatform);
  const agg = new Aggregator(engine);
  let racks: string;
  let hoods: string;

  beforeAll(async () => {
    await engine.init();
    racks = (await engine.loadUrl(sharedFile('sf_bike_parking_racks.csv'), {})).id;
    hoods = (await engine.loadUrl(sharedFile('sf_planning_neighborhoods.geojson'), {})).id;
  });

  it('as a code with parameters, cached on the second request, in SQL for a median', async () => {
    const cases: [AggregateBy, string, RegExp][] = [
      [{ kind: 'grid', sizeM: 400 }, 'method-grid', /^squares of 400 m /],
      [{ kind: 'hexagon', sizeM: 400 }, 'method-hexagon', /^pointy-top hexagons of 400 m radius/],
      [{ kind: 'h3', resolution: 8 }, 'method-h3', /^H3 resolution 8 cells/],
      [{ kind: 'districts', polygons: hoods }, 'method-districts', /^districts of sf_planning_neighborhoods \(37 features, named by "name"\)/],
    ];
    const positions = Number(engine.connection.query(`SELECT count(*)::DOUBLE FROM (SELECT DISTINCT lon, lat FROM "${racks}")`).getChildAt(0)!.get(0));
    expect(positions).toBeGreaterThan(2_000);
    for (const [by, code, words] of cases) {
      const first = await agg.aggregate({ dataset: racks, by });
      expect(first.method).toMatchObject({ code, params: { positions, cached: 'no', kernel: 'js' } });
      expect(engineText(first.method)).toMatch(words);
      const median = await agg.aggregate({ dataset: racks, by, stat: 'median', value: 'spaces' });
      expect(median.method).toMatchObject({ code, params: { cached: 'yes', kernel: 'sql' } });
    }
  });
});
