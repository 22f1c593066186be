// The sample dashboard's "Where do Citi Bike stations run empty on weekday mornings?" per
// census tract, as publish and the analyst view ask for it (the config's layer through
// publishedQuery), against an oracle built apart: each station's tract from turf, and the
// readings between 07:00 and 10:00 New York time, Monday to Friday, counted by plain SQL
// on the file's own local-time column.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine';
import { nodePlatform } from '../../src/engine/platform-node';
import { Aggregator } from '../../src/engine/aggregate/aggregator';
import type { AggregateRequest, DatasetInfo } from '../../src/engine/protocol';
import { publishedQuery } from '../../src/config/dataset-time';
import { parseConfig } from '../../src/config/validate';
import { hasSharedData, sharedFile } from '../shared-data';
import { stationDistricts } from './aggregate-helpers';

const config = parseConfig(JSON.parse(readFileSync('public/citylens.config.json', 'utf8')), 'citylens.config.json');
const BIKES = 'nyc_citibike_station_status_2024_03';

describe.skipIf(!hasSharedData)('the sample’s empty stations on weekday mornings, per census tract', () => {
  const engine = new Engine(nodePlatform);
  let points: DatasetInfo, tracts: DatasetInfo;

  beforeAll(async () => {
    await engine.init();
    points = await engine.loadUrl(sharedFile('nyc_citibike_station_status_2024-03.parquet'), { timeZone: 'America/New_York' });
    tracts = await engine.loadUrl(sharedFile('nyc_census_tracts_2010.geojson'), {});
    stationDistricts(engine, points.id, 'nyc_census_tracts_2010.geojson', 'oracle_tract', 'tract');
  }, 300_000);

  it('asks for the layer’s hours and weekdays on the dataset’s clock in New York', () => {
    const spec = config.layers.find((l) => l.id === 'empty-tracts')!;
    const q = publishedQuery(spec, config, points, tracts);
    expect(q).toMatchObject({ kind: 'districts', time: { zone: 'America/New_York', hours: { from: 7, to: 10 }, days: [1, 2, 3, 4, 5] } });
  });

  it('equals SQL over the readings of 07:00–10:00 local time, Monday to Friday', async () => {
    const spec = config.layers.find((l) => l.id === 'empty-tracts')!;
    const { kind: _, analysis: __, ...request } = publishedQuery(spec, config, points, tracts) as AggregateRequest & { kind: string; analysis?: unknown };
    const got = await new Aggregator(engine).aggregate(request);
    const rows = engine.connection
      .query(`SELECT tract, count(*)::DOUBLE AS n, count(*) FILTER (WHERE num_bikes_available = 0)::DOUBLE AS hit
        FROM "${points.id}" JOIN oracle_tract USING (station_id)
        WHERE hour(ts_local) >= 7 AND hour(ts_local) < 10 AND isodow(ts_local) <= 5 AND tract >= 0
        GROUP BY tract`)
      .toArray()
      .map((r) => r.toJSON() as { tract: number; n: number; hit: number });
    const want = new Map(rows.map((r) => [Number(r.tract), r]));
    let shown = 0, hidden = 0;
    for (let i = 0; i < got.length; i++) {
      const tract = got.ids[i];
      if (tract < 0) continue;
      const o = want.get(tract);
      if (!o) {
        // No reading there: nothing counted (0, or NaN where an empty district is suppressed).
        expect(got.counts[i] > 0).toBe(false);
        continue;
      }
      if (o.n < config.minCount) {
        hidden++;
        expect(got.suppressed[i]).toBe(1);
        continue;
      }
      shown++;
      expect(got.counts[i]).toBe(o.n);
      expect(Math.abs(got.values[i] - o.hit / o.n)).toBeLessThan(1e-12);
    }
    expect(shown).toBeGreaterThan(300);
    // The weekday mornings are a small part of the readings: fewer than the whole file's in every tract.
    const all = engine.connection.query(`SELECT count(*)::DOUBLE AS n FROM "${points.id}" WHERE hour(ts_local) >= 7 AND hour(ts_local) < 10 AND isodow(ts_local) <= 5`).toArray()[0].toJSON() as { n: number };
    expect(all.n).toBeLessThan(points.rows / 5);
  });
});
