// Districts from every polygon format the engine loads (GeoJSON, TopoJSON, GeoParquet),
// with points from CSV and GeoJSON, against the checked figures in shared/data/README.md
// and against turf.
import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine';
import { nodePlatform } from '../../src/engine/platform-node';
import { Aggregator } from '../../src/engine/aggregate/aggregator';
import type { AggregateResult } from '../../src/engine/protocol';
import { hasSharedData, sharedFile } from '../shared-data';
import { loadPolygons, turfLocator } from './aggregate-helpers';

const inside = (r: AggregateResult) => r.counts.subarray(0, r.length - 1).reduce((a, b) => a + b, 0);
const hit = (r: AggregateResult) => r.counts.subarray(0, r.length - 1).filter((n) => n > 0).length;

describe.skipIf(!hasSharedData)('districts from GeoJSON, TopoJSON and GeoParquet polygons', () => {
  const engine = new Engine(nodePlatform);
  const agg = new Aggregator(engine);
  const id: Record<string, string> = {};

  beforeAll(async () => {
    await engine.init();
    for (const f of ['london_defra_nox_1km_2003-2013.csv', 'sf_bike_parking_racks.csv', 'chicago_divvy_stations_2013-10.geojson', 'nyc_311_animal_complaints_2025.csv']) {
      id[f] = (await engine.loadUrl(sharedFile(f), {})).id;
    }
    const polys = ['london_boroughs.topojson', 'london_boroughs.geojson', 'sf_planning_neighborhoods.geojson', 'chicago_neighborhoods.geojson', 'nyc_census_tracts_2010.parquet', 'nyc_census_tracts_2010.geojson'];
    (await loadPolygons(engine, polys)).forEach((x, i) => (id[polys[i]] = x));
  });

  it('London NOx grid into the 33 boroughs, TopoJSON and GeoJSON alike: 17,292 of 17,347 inside', async () => {
    for (const p of ['london_boroughs.topojson', 'london_boroughs.geojson']) {
      const r = await agg.aggregate({ dataset: id['london_defra_nox_1km_2003-2013.csv'], by: { kind: 'districts', polygons: id[p] }, stat: 'mean', value: 'nox_ugm3', minCount: 0 });
      expect(r.length).toBe(34);
      expect(inside(r)).toBe(17_292);
      expect(r.counts[33]).toBe(17_347 - 17_292);
      expect(hit(r)).toBe(33);
    }
  });

  it('San Francisco racks: all 2,520 inside, 34 of 37 neighbourhoods hit, same as turf', async () => {
    const r = await agg.aggregate({ dataset: id['sf_bike_parking_racks.csv'], by: { kind: 'districts', polygons: id['sf_planning_neighborhoods.geojson'], nameColumn: 'name' }, stat: 'sum', value: 'spaces', minCount: 0 });
    expect(inside(r)).toBe(2_520);
    expect(r.counts[r.length - 1]).toBe(0);
    expect(hit(r)).toBe(34);
    const { features, locate } = turfLocator('sf_planning_neighborhoods.geojson');
    const racks = engine.connection.query(`SELECT lon, lat, spaces::DOUBLE AS s FROM "${id['sf_bike_parking_racks.csv']}"`).toArray().map((x) => x.toJSON());
    const spaces = new Map<string, number>();
    for (const rk of racks) {
      const name = String(features[locate(rk.lon, rk.lat)].properties.name);
      spaces.set(name, (spaces.get(name) ?? 0) + rk.s);
    }
    r.names!.slice(0, -1).forEach((n, i) => expect(r.values[i]).toBe(spaces.get(n!) ?? 0));
  });

  it('points from GeoJSON: the 300 Divvy stations all fall in Chicago, in 40 of 98 neighbourhoods', async () => {
    const r = await agg.aggregate({ dataset: id['chicago_divvy_stations_2013-10.geojson'], by: { kind: 'districts', polygons: id['chicago_neighborhoods.geojson'] }, minCount: 0 });
    expect(r.length).toBe(99);
    expect(inside(r)).toBe(300);
    expect(hit(r)).toBe(40);
  });

  it('tracts from GeoParquet and from GeoJSON give the same counts and rates per 1,000 residents', async () => {
    const points = id['nyc_311_animal_complaints_2025.csv'];
    const a = await agg.aggregate({ dataset: points, by: { kind: 'districts', polygons: id['nyc_census_tracts_2010.parquet'], nameColumn: 'boro_ct2010' }, minCount: 0 });
    const b = await agg.aggregate({ dataset: points, by: { kind: 'districts', polygons: id['nyc_census_tracts_2010.geojson'], nameColumn: 'boro_ct2010' }, minCount: 0 });
    expect(a.names).toEqual(b.names);
    expect(Array.from(a.counts)).toEqual(Array.from(b.counts));
    expect(inside(a)).toBe(4_902); // README: 4,902 of the 4,907 geocoded rows fall inside
    expect(a.per1000).not.toBeNull();
    expect(Array.from(a.per1000!)).toEqual(Array.from(b.per1000!));
    for (let i = 0; i < a.length - 1; i++) expect(a.areasKm2[i]).toBeCloseTo(b.areasKm2[i], 9);
    // With k = 5 the small tracts are suppressed, never shown as 0.
    const k = await agg.aggregate({ dataset: points, by: { kind: 'districts', polygons: id['nyc_census_tracts_2010.parquet'] } });
    for (let i = 0; i < k.length; i++) {
      expect(k.suppressed[i]).toBe(a.counts[i] < 5 ? 1 : 0);
      if (k.suppressed[i]) expect(k.counts[i]).toBeNaN();
    }
  });
});
