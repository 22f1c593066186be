import { beforeAll, describe, expect, it } from 'vitest';
import { latLngToCell } from 'h3-js';
import { Engine } from '../../src/engine/engine';
import { nodePlatform } from '../../src/engine/platform-node';
import { Aggregator } from '../../src/engine/aggregate/aggregator';
import { h3At } from '../../src/engine/aggregate/h3';
import { hexCell } from '../../src/engine/aggregate/hexagon';
import { localProjection } from '../../src/engine/aggregate/projection';
import type { AggregateResult } from '../../src/engine/protocol';
import { engineText } from '../../src/i18n';
import { hasSharedData, sharedFile } from '../shared-data';
import { loadPolygons, rowsPerPosition, scalar, turfLocator } from './aggregate-helpers';

const ROWS = 1_798_339;
const T = 'nyc_citibike_station_status_2024_03';

function sum(a: Float64Array): number {
  let s = 0;
  for (const v of a) s += v;
  return s;
}

describe.skipIf(!hasSharedData)('aggregation of the 1.8M Citi Bike rows', () => {
  const engine = new Engine(nodePlatform);
  let agg: Aggregator;
  let positions: { lon: number; lat: number; n: number }[];

  beforeAll(async () => {
    await engine.init();
    await engine.loadUrl(sharedFile('nyc_citibike_station_status_2024-03.parquet'), {});
    await loadPolygons(engine, ['nyc_boroughs.geojson', 'nyc_census_tracts_2010.geojson']);
    agg = new Aggregator(engine);
    positions = rowsPerPosition(engine, T);
  });

  it('square grid and hexagon counts add up to every row', async () => {
    for (const by of [{ kind: 'grid', sizeM: 500 }, { kind: 'hexagon', sizeM: 500 }, { kind: 'hexagon', sizeM: 250 }] as const) {
      const r = await agg.aggregate({ dataset: T, by, minCount: 0 });
      expect(sum(r.counts)).toBe(ROWS);
      expect(r.rows).toBe(ROWS);
      expect(r.ids.length).toBe(2 * r.length);
      expect(r.centers!.length).toBe(2 * r.length);
      expect(r.assignment).toBe('computed');
    }
  });

  it('hexagon median and p90 match quantile_cont over the same rows, found independently', async () => {
    const r = await agg.aggregate({ dataset: T, by: { kind: 'hexagon', sizeM: 500 }, stat: 'median', value: 'num_bikes_available', minCount: 0 });
    const p90 = await agg.aggregate({ dataset: T, by: { kind: 'hexagon', sizeM: 500 }, stat: 'p90', value: 'num_bikes_available', minCount: 0 });
    // The busiest cell, and its stations by the JS hexagon kernel over distinct positions.
    let best = 0;
    for (let i = 1; i < r.length; i++) if (r.counts[i] > r.counts[best]) best = i;
    const proj = localProjection(r.projection!.origin[0], r.projection!.origin[1]);
    const inCell = positions.filter((p) => {
      const [c, w] = hexCell(proj, 500, p.lon, p.lat);
      return c === r.ids[2 * best] && w === r.ids[2 * best + 1];
    });
    expect(inCell.length).toBeGreaterThan(1);
    const cond = inCell.map((p) => `(abs(lon - ${p.lon}) < 1e-9 AND abs(lat - ${p.lat}) < 1e-9)`).join(' OR ');
    const row = engine.connection
      .query(`SELECT count(*)::DOUBLE AS n, quantile_cont(num_bikes_available, 0.5) AS med, quantile_cont(num_bikes_available, 0.9) AS p90 FROM "${T}" WHERE ${cond}`)
      .toArray()[0].toJSON();
    expect(r.counts[best]).toBe(row.n);
    expect(r.values[best]).toBe(row.med);
    expect(p90.values[best]).toBe(row.p90);
  });

  it('H3 res 9: counts add up, and cells match h3-js latLngToCell directly', async () => {
    const r = await agg.aggregate({ dataset: T, by: { kind: 'h3', resolution: 9 }, minCount: 0 });
    expect(sum(r.counts)).toBe(ROWS);
    const byCell = new Map<string, number>();
    for (let i = 0; i < r.length; i++) byCell.set(h3At(r.h3!, i), r.counts[i]);
    expect(byCell.size).toBe(r.length);
    const expected = new Map<string, number>();
    for (const p of positions) {
      const h = latLngToCell(p.lat, p.lon, 9);
      expected.set(h, (expected.get(h) ?? 0) + p.n);
    }
    expect(byCell.size).toBe(expected.size);
    for (const p of [positions[0], positions[100], positions[2000]]) {
      const h = latLngToCell(p.lat, p.lon, 9);
      expect(byCell.get(h)).toBe(expected.get(h));
    }
    // Centres are the H3 cells' own centres.
    expect(r.centers!.length).toBe(2 * r.length);
  });

  it('suppresses cells below k: flagged, with no count and no value', async () => {
    const open = await agg.aggregate({ dataset: T, by: { kind: 'grid', sizeM: 1000 }, stat: 'mean', value: 'capacity', minCount: 0 });
    const k = 2000;
    const r = await agg.aggregate({ dataset: T, by: { kind: 'grid', sizeM: 1000 }, stat: 'mean', value: 'capacity', minCount: k });
    expect(r.length).toBe(open.length);
    let flagged = 0;
    for (let i = 0; i < r.length; i++) {
      if (open.counts[i] < k) {
        flagged++;
        expect(r.suppressed[i]).toBe(1);
        expect(r.counts[i]).toBeNaN();
        expect(r.values[i]).toBeNaN();
        expect(r.perKm2[i]).toBeNaN();
      } else {
        expect(r.suppressed[i]).toBe(0);
        expect(r.counts[i]).toBe(open.counts[i]);
        expect(r.values[i]).toBe(open.values[i]);
      }
    }
    expect(flagged).toBeGreaterThan(0);
    expect(r.suppressedCells).toBe(flagged);
    // The default k is 5.
    expect((await agg.aggregate({ dataset: T, by: { kind: 'grid', sizeM: 1000 } })).minCount).toBe(5);
  });

  it('filters and time windows select the same rows as plain SQL', async () => {
    const cases: [Parameters<Aggregator['aggregate']>[0], string][] = [
      [{ dataset: T, by: { kind: 'hexagon', sizeM: 400 }, filters: [{ kind: 'range', column: 'capacity', min: 20, max: 40, maxExclusive: true }] }, 'capacity >= 20 AND capacity < 40'],
      [{ dataset: T, by: { kind: 'grid', sizeM: 400 }, filters: [{ kind: 'in', column: 'station_id', values: ['JC116', "it's"] , not: true }] }, "station_id IS NULL OR station_id NOT IN ('JC116')"],
      [{ dataset: T, by: { kind: 'grid', sizeM: 400 }, filters: [{ kind: 'bbox', bbox: [-74.0, 40.7, -73.95, 40.75] }] }, 'lon BETWEEN -74.0 AND -73.95 AND lat BETWEEN 40.7 AND 40.75'],
      [{ dataset: T, by: { kind: 'h3', resolution: 8 }, time: { column: 'ts_local', from: '2024-03-15', to: '2024-03-16T06:30' } }, "ts_local >= TIMESTAMP '2024-03-15' AND ts_local < TIMESTAMP '2024-03-16 06:30'"],
    ];
    for (const [req, cond] of cases) {
      const r = await agg.aggregate({ ...req, minCount: 0 });
      expect(r.rows).toBe(scalar(engine, `SELECT count(*)::DOUBLE FROM "${T}" WHERE ${cond}`));
      expect(r.rows).toBeLessThan(ROWS);
    }
  });

  it('time bins and profiles match a plain GROUP BY', () => {
    const hours = agg.timeBins({ dataset: T, column: 'ts_local', bin: 'hour-of-day', minCount: 0 });
    const plain = engine.connection.query(`SELECT hour(ts_local)::DOUBLE AS h, count(*)::DOUBLE AS n FROM "${T}" GROUP BY 1 ORDER BY 1`).toArray().map((r) => r.toJSON());
    expect(Array.from(hours.keys)).toEqual(plain.map((p) => p.h));
    expect(Array.from(hours.counts)).toEqual(plain.map((p) => p.n));
    const days = agg.timeBins({ dataset: T, column: 'ts_local', bin: 'day', stat: 'max', value: 'num_ebikes_available', minCount: 0 });
    expect(sum(days.counts)).toBe(ROWS);
    expect(new Date(days.keys[0]).toISOString()).toBe('2024-03-12T00:00:00.000Z');
    const dow = agg.timeBins({ dataset: T, column: 'ts_local', bin: 'day-of-week', minCount: 0 });
    expect(Array.from(dow.keys)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('counts Citi Bike stations per NYC borough, with the Jersey City ones outside', async () => {
    const r = await agg.aggregate({
      dataset: T,
      by: { kind: 'districts', polygons: 'nyc_boroughs', nameColumn: 'name' },
      stat: 'distinct',
      value: 'station_id',
      minCount: 0,
    });
    expect(r.names!.at(-1)).toBeNull();
    const got = Object.fromEntries(r.names!.map((n, i) => [n ?? 'outside', r.values[i]]));
    expect(got).toEqual({ Brooklyn: 688, Manhattan: 660, Queens: 448, Bronx: 323, 'Staten Island': 0, outside: 83 });
    // Independently: turf over each station's position.
    const { features, locate } = turfLocator('nyc_boroughs.geojson');
    const stations = engine.connection.query(`SELECT station_id, any_value(lon) AS lon, any_value(lat) AS lat FROM "${T}" GROUP BY 1`).toArray().map((x) => x.toJSON());
    const turf = new Map<string, number>();
    for (const s of stations) {
      const f = locate(s.lon, s.lat);
      const name = f < 0 ? 'outside' : String(features[f].properties.name);
      turf.set(name, (turf.get(name) ?? 0) + 1);
    }
    for (const [name, n] of turf) expect(got[name]).toBe(n);
    expect(r.ids[r.length - 1]).toBe(-1);
  });

  it('puts the 1.8M rows into the 2,166 census tracts, and a filter change reuses the assignment', async () => {
    const tracts = { kind: 'districts', polygons: 'nyc_census_tracts_2010', nameColumn: 'boro_ct2010' } as const;
    const before = { ...agg.counters };
    const t0 = performance.now();
    const r = await agg.aggregate({ dataset: T, by: tracts, minCount: 0 });
    const cold = performance.now() - t0;
    expect(r.length).toBe(2_167);
    expect(sum(r.counts)).toBe(ROWS); // inside + outside
    expect(agg.counters.assignmentsComputed).toBe(before.assignmentsComputed + 1);
    // Independent per-tract counts: turf on every distinct position, weighted by its rows.
    const { locate } = turfLocator('nyc_census_tracts_2010.geojson');
    const tractOf = new Map(positions.map((p) => [`${p.lon},${p.lat}`, locate(p.lon, p.lat)]));
    const expectedCounts = (rows: typeof positions) => {
      const out = new Float64Array(2_167);
      for (const p of rows) {
        const f = tractOf.get(`${p.lon},${p.lat}`)!;
        out[f < 0 ? 2_166 : f] += p.n;
      }
      return Array.from(out);
    };
    expect(Array.from(r.counts)).toEqual(expectedCounts(positions));
    // Rates per 1,000 residents from the tracts' Population column.
    const i = r.counts.findIndex((n, j) => n > 0 && j < 2_166);
    const pop = scalar(engine, `SELECT "Population"::DOUBLE FROM "nyc_census_tracts_2010" WHERE "__fid" = ${i}`);
    expect(pop).toBeGreaterThan(0);
    expect(r.per1000![i]).toBeCloseTo((r.counts[i] / pop) * 1000, 9);
    expect(r.perKm2[i]).toBeCloseTo(r.counts[i] / r.areasKm2[i], 9);

    const t1 = performance.now();
    const filtered = await agg.aggregate({
      dataset: T,
      by: tracts,
      stat: 'mean',
      value: 'num_bikes_available',
      filters: [{ kind: 'range', column: 'num_docks_available', min: 5 }],
      minCount: 0,
    });
    const warm = performance.now() - t1;
    expect(agg.counters.assignmentsComputed).toBe(before.assignmentsComputed + 1);
    expect(agg.counters.cacheHits).toBe(before.cacheHits + 1);
    expect(filtered.assignment).toBe('cached');
    expect(filtered.rows).toBe(scalar(engine, `SELECT count(*)::DOUBLE FROM "${T}" WHERE num_docks_available >= 5`));
    // Per tract too: the cached row → tract column stays aligned under a filter.
    expect(Array.from(filtered.counts)).toEqual(expectedCounts(rowsPerPosition(engine, T, 'num_docks_available >= 5')));
    console.log(`tracts: cold ${cold.toFixed(0)} ms, filter change ${warm.toFixed(0)} ms`);
  });

  it('says what it did: SQL and method for every result', async () => {
    const r: AggregateResult = await agg.aggregate({ dataset: T, by: { kind: 'hexagon', sizeM: 500 } });
    // Counted by the typed-array kernels: the SQL is what read the rows.
    expect(r.sql).toMatch(/SELECT CAST\("lon" AS DOUBLE\) AS x, CAST\("lat" AS DOUBLE\) AS y/);
    expect(r.method).toMatchObject({ code: 'method-hexagon', params: { sizeM: 500, kernel: 'js', positions: 2_202 } });
    expect(engineText(r.method)).toMatch(/hexagons of 500 m/);
    const median = await agg.aggregate({ dataset: T, by: { kind: 'hexagon', sizeM: 500 }, stat: 'median', value: 'capacity' });
    expect(median.sql).toMatch(/POSITIONAL JOIN/);
    expect(median.method).toMatchObject({ code: 'method-hexagon', params: { kernel: 'sql' } });
  });

  it('rejects bad requests with clear messages', async () => {
    await expect(agg.aggregate({ dataset: T, by: { kind: 'hexagon', sizeM: 0 } })).rejects.toThrow(/at least 1 metre/);
    await expect(agg.aggregate({ dataset: T, by: { kind: 'h3', resolution: 16 } })).rejects.toThrow(/resolution/);
    await expect(agg.aggregate({ dataset: T, by: { kind: 'grid', sizeM: 100 }, stat: 'mean' })).rejects.toThrow(/needs a value column/);
    await expect(agg.aggregate({ dataset: T, by: { kind: 'grid', sizeM: 100 }, stat: 'sum', value: 'name' })).rejects.toThrow(/numeric/);
    await expect(agg.aggregate({ dataset: T, by: { kind: 'grid', sizeM: 100 }, filters: [{ kind: 'range', column: 'nope"; DROP TABLE x; --', min: 1 }] })).rejects.toThrow(/no column named/);
    await expect(agg.aggregate({ dataset: T, by: { kind: 'grid', sizeM: 100 }, minCount: -1 })).rejects.toThrow(/minimum count/);
    await expect(agg.aggregate({ dataset: T, by: { kind: 'grid', sizeM: 100 }, time: { column: 'ts_local', from: "2024'; DROP" } })).rejects.toThrow(/ISO/);
  });
});
