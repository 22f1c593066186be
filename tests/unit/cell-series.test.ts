// The drill-down series (issue 12) against oracles written here: a DST fixture whose local
// days are counted with Intl, and Citi Bike per census tract, where each station's tract
// comes from turf's point-in-polygon and the series, the city's and the hour × weekday
// grid from DuckDB GROUP BYs over the rows (New York is UTC−4 over the whole Citi Bike
// range, so local time is ts_utc − 4 h there; cube.test.ts checks that with Intl).
import { beforeAll, describe, expect, it } from 'vitest';
import { h3IndexToSplitLong, latLngToCell } from 'h3-js';
import { Engine } from '../../src/engine/engine';
import { nodePlatform } from '../../src/engine/platform-node';
import { Aggregator } from '../../src/engine/aggregate/aggregator';
import { cellSeriesAnswer } from '../../src/engine/service/cell-series';
import type { BinSeries, CellsLayerQuery } from '../../src/engine/protocol';
import { hasSharedData, sharedFile } from '../shared-data';
import { loadPolygons, stationDistricts } from './aggregate-helpers';

const HOUR = 3_600_000;
const NY = 'America/New_York';
const signal = new AbortController().signal;

/** Local date (YYYY-MM-DD) of an instant in New York, as Intl writes it. */
const nyDate = (ms: number) => new Intl.DateTimeFormat('sv-SE', { timeZone: NY, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);

describe('cell series on a DST fixture (New York, 2024-03-10 lasts 23 hours)', () => {
  const engine = new Engine(nodePlatform);
  let agg: Aggregator;
  let dataset: string;
  /** Rows of point A (every hour 2024-03-09 00:00Z … 2024-03-11 23:00Z, v = hour index) and point B (24 of those hours). */
  const A: number[] = Array.from({ length: 72 }, (_, h) => h);
  const B: number[] = A.filter((h) => h >= 5 && h < 29);

  beforeAll(async () => {
    await engine.init();
    agg = new Aggregator(engine);
    const lines = ['ts_utc,lon,lat,v'];
    for (const h of A) lines.push(`${new Date(Date.UTC(2024, 2, 9, h)).toISOString()},-73.99,40.73,${h}`);
    for (const h of B) lines.push(`${new Date(Date.UTC(2024, 2, 9, h)).toISOString()},-73.90,40.80,${h}`);
    dataset = (await engine.loadBytes('dst.csv', new TextEncoder().encode(lines.join('\n') + '\n'), {})).id;
  }, 120_000);

  const layer = (minCount: number): CellsLayerQuery => ({
    kind: 'grid',
    dataset,
    by: { kind: 'grid', sizeM: 1000 },
    stat: 'sum',
    value: 'v',
    minCount,
    time: { column: 'ts_utc', zone: NY },
  });

  /** The oracle: per New York date, the rows' count and sum of v. */
  function perDay(hours: number[]): Map<string, { n: number; sum: number }> {
    const out = new Map<string, { n: number; sum: number }>();
    for (const h of hours) {
      const d = nyDate(Date.UTC(2024, 2, 9, h));
      const o = out.get(d) ?? { n: 0, sum: 0 };
      o.n++;
      o.sum += h;
      out.set(d, o);
    }
    return out;
  }

  /** The grid key of the cell holding a point, from the layer's own aggregate (the cell the map would show). */
  async function keyAt(lon: number): Promise<number[]> {
    const r = await agg.aggregate({ ...layer(0), time: undefined });
    const centres = r.centers!;
    let best = 0;
    for (let i = 1; i < r.length; i++) if (Math.abs(centres[2 * i] - lon) < Math.abs(centres[2 * best] - lon)) best = i;
    return [r.ids[2 * best], r.ids[2 * best + 1]];
  }

  it('day bins start at local midnight: the DST day is 23 hours and holds 23 rows', async () => {
    const a = await cellSeriesAnswer({ type: 'cell-series', layer: layer(0), cell: await keyAt(-73.99), bin: 'day' }, { aggregator: agg, signal });
    const want = perDay(A);
    const s = a.value;
    expect(s.zone).toBe(NY);
    expect(Array.from(s.starts, (t) => nyDate(t))).toEqual([...want.keys()]);
    // Each start is its date's local midnight.
    for (let b = 0; b < s.starts.length; b++) expect(new Date(s.starts[b] + s.offsets[b]).toISOString().slice(11)).toBe('00:00:00.000Z');
    const dst = [...want.keys()].indexOf('2024-03-10');
    expect((s.starts[dst + 1] - s.starts[dst]) / HOUR).toBe(23);
    expect(s.offsets[dst]).toBe(-5 * HOUR);
    expect(s.offsets[dst + 1]).toBe(-4 * HOUR);
    expect(Array.from(s.cell.counts)).toEqual([...want.values()].map((o) => o.n));
    expect(Array.from(s.cell.values)).toEqual([...want.values()].map((o) => o.sum));
    expect(s.cell.counts[dst]).toBe(23);
    // The city is both points.
    const city = perDay([...A, ...B]);
    expect(Array.from(s.city.counts)).toEqual([...want.keys()].map((d) => city.get(d)?.n ?? 0));
    expect(Array.from(s.city.values)).toEqual([...want.keys()].map((d) => city.get(d)?.sum ?? 0));
  }, 60_000);

  it('a median (reduced in SQL) per local day, for the cell and the city, equals the median of the rows', async () => {
    const median = (xs: number[]) => {
      const v = [...xs].sort((a, b) => a - b);
      return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    };
    const byDay = (hours: number[]) => {
      const out = new Map<string, number[]>();
      for (const h of hours) out.set(nyDate(Date.UTC(2024, 2, 9, h)), [...(out.get(nyDate(Date.UTC(2024, 2, 9, h))) ?? []), h]);
      return out;
    };
    const s = (await cellSeriesAnswer({ type: 'cell-series', layer: { ...layer(0), stat: 'median' }, cell: await keyAt(-73.99), bin: 'day' }, { aggregator: agg, signal })).value;
    const days = [...byDay(A).keys()];
    expect(Array.from(s.cell.values)).toEqual([...byDay(A).values()].map(median));
    const city = byDay([...A, ...B]);
    expect(Array.from(s.city.values)).toEqual(days.map((d) => median(city.get(d)!)));
  }, 60_000);

  it('bins under k are NaN with suppressed = 1, in the cell, the city and the grid alike', async () => {
    const k = 24;
    const s = (await cellSeriesAnswer({ type: 'cell-series', layer: layer(k), cell: await keyAt(-73.99), bin: 'day' }, { aggregator: agg, signal })).value;
    const want = [...perDay(A).values()];
    const check = (got: BinSeries, n: number[], sums: number[]) => {
      n.forEach((x, b) => {
        if (x < k) {
          expect(got.suppressed[b]).toBe(1);
          expect(got.counts[b]).toBeNaN();
          expect(got.values[b]).toBeNaN();
        } else {
          expect(got.suppressed[b]).toBe(0);
          expect(got.counts[b]).toBe(x);
          expect(got.values[b]).toBe(sums[b]);
        }
      });
    };
    check(s.cell, want.map((o) => o.n), want.map((o) => o.sum));
    expect(Array.from(s.cell.suppressed)).toEqual(want.map((o) => (o.n < k ? 1 : 0)));
    expect(s.cell.suppressed.includes(0)).toBe(true);
    // Every hour of the week has at most one row of A: all suppressed.
    expect(s.grid.suppressed.length).toBe(168);
    expect(s.grid.suppressed.every((x) => x === 1)).toBe(true);
  }, 60_000);

  it('a cell without rows in a bin has count 0 (sum 0) without k, and is suppressed under k', async () => {
    const key = await keyAt(-73.9);
    const open = (await cellSeriesAnswer({ type: 'cell-series', layer: layer(0), cell: key, bin: 'day' }, { aggregator: agg, signal })).value;
    const days = [...perDay(A).keys()];
    const want = perDay(B);
    expect(Array.from(open.cell.counts)).toEqual(days.map((d) => want.get(d)?.n ?? 0));
    expect(Array.from(open.cell.values)).toEqual(days.map((d) => want.get(d)?.sum ?? 0));
    expect(open.cell.suppressed.every((x) => x === 0)).toBe(true);
    const shut = (await cellSeriesAnswer({ type: 'cell-series', layer: layer(5), cell: key, bin: 'day' }, { aggregator: agg, signal })).value;
    expect(Array.from(shut.cell.suppressed)).toEqual(days.map((d) => ((want.get(d)?.n ?? 0) < 5 ? 1 : 0)));
    // The grid: B's 24 hours are one local day (2024-03-09, a Saturday) 00–23: one row each hour of that day.
    const sat = Array.from({ length: 168 }, (_, i) => (i >= 5 * 24 && i < 6 * 24 ? 1 : 0));
    expect(Array.from(open.grid.counts)).toEqual(sat);
  }, 60_000);

  it('an H3 cell is named by its index words [lower, upper], as h3-js h3IndexToSplitLong splits it', async () => {
    const cell = h3IndexToSplitLong(latLngToCell(40.73, -73.99, 8));
    const h3: CellsLayerQuery = { ...layer(0), kind: 'h3', by: { kind: 'h3', resolution: 8 } };
    const s = (await cellSeriesAnswer({ type: 'cell-series', layer: h3, cell, bin: 'day' }, { aggregator: agg, signal })).value;
    expect(Array.from(s.cell.counts)).toEqual([...perDay(A).values()].map((o) => o.n));
  }, 60_000);

  it('refuses a key of the wrong shape and a layer without a time column', async () => {
    await expect(cellSeriesAnswer({ type: 'cell-series', layer: layer(0), cell: [1], bin: 'day' }, { aggregator: agg, signal })).rejects.toThrow('a grid cell key has 2 numbers, got 1');
    await expect(cellSeriesAnswer({ type: 'cell-series', layer: { ...layer(0), time: undefined }, cell: [0, 0], bin: 'day' }, { aggregator: agg, signal })).rejects.toThrow('time column');
  });
});

describe.skipIf(!hasSharedData)('cell series on Citi Bike per census tract', () => {
  const engine = new Engine(nodePlatform);
  let agg: Aggregator;
  let table: string;
  let tracts: string;
  /** The tract with the most stations, and one with a single station. */
  let busy: number, lone: number;

  beforeAll(async () => {
    await engine.init();
    agg = new Aggregator(engine);
    table = (await engine.loadUrl(sharedFile('nyc_citibike_station_status_2024-03.parquet'), {})).id;
    tracts = (await loadPolygons(engine, ['nyc_census_tracts_2010.geojson']))[0];
    const tractOf = stationDistricts(engine, table, 'nyc_census_tracts_2010.geojson', 'oracle_tract', 'tract');
    const stations = new Map<number, number>();
    for (const { t } of tractOf) if (t >= 0) stations.set(t, (stations.get(t) ?? 0) + 1);
    const ranked = [...stations].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    busy = ranked[0][0];
    lone = ranked.find(([, n]) => n === 1)![0];
  }, 300_000);

  const FROM = '2024-03-13', TO = '2024-03-20';
  const layer = (windowed = true): CellsLayerQuery => ({
    kind: 'districts',
    dataset: table,
    by: { kind: 'districts', polygons: tracts },
    stat: 'mean',
    value: 'num_bikes_available',
    minCount: 5,
    filters: [{ kind: 'range', column: 'capacity', min: 10 }],
    time: windowed ? { column: 'ts_utc', zone: NY, from: FROM, to: TO } : { column: 'ts_utc', zone: NY },
  });

  /** count and mean per group of the rows (in the window) that the layer's filter keeps, in tract `tract` (null = all). */
  function oracle(group: string, tract: number | null, windowed = true): Map<number, { n: number; x: number }> {
    const window = windowed ? `ts_utc >= TIMESTAMP '${FROM} 04:00' AND ts_utc < TIMESTAMP '${TO} 04:00'` : 'TRUE';
    const sql = `SELECT ${group} AS g, count(*)::DOUBLE AS n, avg(num_bikes_available)::DOUBLE AS x
      FROM "${table}" JOIN oracle_tract USING (station_id)
      WHERE ${window} AND capacity >= 10 ${tract === null ? '' : `AND tract = ${tract}`}
      GROUP BY g`;
    return new Map(engine.connection.query(sql).toArray().map((r) => {
      const o = r.toJSON() as { g: number; n: number; x: number };
      return [Number(o.g), o];
    }));
  }

  const LOCAL = `(ts_utc - INTERVAL 4 HOUR)`;
  const DAY = `(epoch_ms(date_trunc('day', ${LOCAL})) + 4 * 3600000)`;

  function expectSeries(got: BinSeries, keys: number[], want: Map<number, { n: number; x: number }>, k: number): { shown: number; hidden: number } {
    let shown = 0, hidden = 0;
    keys.forEach((key, b) => {
      const o = want.get(key) ?? { n: 0, x: NaN };
      if (o.n < k) {
        hidden++;
        expect(got.suppressed[b]).toBe(1);
        expect(got.counts[b]).toBeNaN();
        expect(got.values[b]).toBeNaN();
      } else {
        shown++;
        expect(got.suppressed[b]).toBe(0);
        expect(got.counts[b]).toBe(o.n);
        expect(got.values[b]).toBeCloseTo(o.x, 9);
      }
    });
    return { shown, hidden };
  }

  it('a tract per local day equals a GROUP BY over its rows, and the city over every row', async () => {
    const s = (await cellSeriesAnswer({ type: 'cell-series', layer: layer(), cell: [busy], bin: 'day' }, { aggregator: agg, signal })).value;
    const days = Array.from({ length: 7 }, (_, i) => Date.UTC(2024, 2, 13 + i, 4));
    expect(Array.from(s.starts)).toEqual(days);
    expect(Array.from(s.offsets)).toEqual(days.map(() => -4 * HOUR));
    expect(expectSeries(s.cell, days, oracle(DAY, busy), 5).shown).toBe(7);
    expectSeries(s.city, days, oracle(DAY, null), 5);
    expect(s.sql).toContain('capacity');
  }, 120_000);

  it("without a window, the bins span the data; a one-station tract's hour × weekday grid equals SQL counts, k-suppressed under 5 rows", async () => {
    const s = (await cellSeriesAnswer({ type: 'cell-series', layer: layer(false), cell: [lone], bin: 'day' }, { aggregator: agg, signal })).value;
    // The data runs from 2024-03-12 18:23 to 2024-03-23 10:49 New York time.
    expect(Array.from(s.starts)).toEqual(Array.from({ length: 12 }, (_, i) => Date.UTC(2024, 2, 12 + i, 4)));
    const slots = Array.from({ length: 168 }, (_, i) => i);
    const got = expectSeries(s.grid, slots, oracle(`(isodow(${LOCAL}) - 1) * 24 + hour(${LOCAL})`, lone, false), 5);
    // The fixture is only a test if both kinds of slot occur.
    expect(got.shown).toBeGreaterThan(0);
    expect(got.hidden).toBeGreaterThan(0);
  }, 120_000);
});
