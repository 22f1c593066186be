// A playback's one colour scale (issue 12) on Citi Bike per NYC borough, against an
// oracle written here: each row's borough from turf's point-in-polygon, each window's
// per-borough count and statistic from one DuckDB range join over the rows, k-suppression
// applied by hand, and the scale classed over the values pooled from every window.
import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine';
import { nodePlatform } from '../../src/engine/platform-node';
import { Aggregator } from '../../src/engine/aggregate/aggregator';
import { playbackDomainAnswer } from '../../src/engine/service/playback-domain';
import type { CellsLayerQuery, PlaybackWindow } from '../../src/engine/protocol';
import { colourScale, type ColourScaleOptions } from '../../src/scales/colour';
import { hasSharedData, sharedFile } from '../shared-data';
import { loadPolygons, stationDistricts } from './aggregate-helpers';

const HOUR = 3_600_000;
const NY = 'America/New_York';
const SCALE: ColourScaleOptions = { scheme: 'viridis', classification: 'quantile', classes: 5 };

/** Windows of `hours` hours every `step` hours from `from` (epoch ms) while they start before `until`. */
function windows(from: number, until: number, hours: number, step: number): PlaybackWindow[] {
  const out: PlaybackWindow[] = [];
  for (let t = from; t < until; t += step * HOUR) out.push({ from: t, to: t + hours * HOUR });
  return out;
}

describe('playback domain per 1,000 residents on a fixture of two districts', () => {
  const engine = new Engine(nodePlatform);
  let agg: Aggregator;
  let points: string, districts: string;
  const signal = new AbortController().signal;
  const square = (x0: number) => [[[x0, 40], [x0 + 0.1, 40], [x0 + 0.1, 40.1], [x0, 40.1], [x0, 40]]];
  const POP = [2000, 500];
  /** Row instants of district A (every hour for 48 h) and B (every other hour). */
  const T0 = Date.UTC(2024, 5, 1);
  const rowsOf = [Array.from({ length: 48 }, (_, h) => T0 + h * HOUR), Array.from({ length: 24 }, (_, i) => T0 + 2 * i * HOUR)];

  beforeAll(async () => {
    await engine.init();
    agg = new Aggregator(engine);
    const geo = {
      type: 'FeatureCollection',
      features: [0, 1].map((i) => ({ type: 'Feature', properties: { name: 'AB'[i], population: POP[i] }, geometry: { type: 'Polygon', coordinates: square(-74 + 0.1 * i) } })),
    };
    districts = (await engine.loadBytes('two.geojson', new TextEncoder().encode(JSON.stringify(geo)), {})).id;
    const lines = ['t,lon,lat'];
    rowsOf.forEach((ts, i) => ts.forEach((t) => lines.push(`${new Date(t).toISOString()},${-73.95 + 0.1 * i},40.05`)));
    points = (await engine.loadBytes('rows.csv', new TextEncoder().encode(lines.join('\n') + '\n'), {})).id;
  }, 120_000);

  it('pools each district’s count per 1,000 residents over the windows, on the cube and per window alike', async () => {
    const k = 3;
    for (const shift of [0, 30 * 60_000]) {
      const ws = windows(T0 + shift, T0 + 48 * HOUR, 6, 3);
      const want: number[] = [];
      for (const w of ws) {
        rowsOf.forEach((ts, i) => {
          const n = ts.filter((t) => t >= w.from && t < w.to).length;
          if (n >= k) want.push((n / POP[i]) * 1000);
        });
      }
      const a = await playbackDomainAnswer(
        {
          type: 'playback-domain',
          layer: { kind: 'districts', dataset: points, by: { kind: 'districts', polygons: districts }, stat: 'count', minCount: k, time: { column: 't' } },
          windows: ws,
          measure: 'per1000',
          scale: SCALE,
        },
        { aggregator: agg, signal },
      );
      expect(a.value.fromCube).toBe(shift === 0);
      expect(a.value.values).toBe(want.length);
      // Both districts, and windows at the end under k, take part.
      expect(new Set(want).size).toBeGreaterThan(2);
      expect(want.length).toBeLessThan(2 * ws.length);
      const s = colourScale(want, SCALE);
      expect(a.value.scale.domain).toEqual(s.domain);
      expect(a.value.scale.breaks).toEqual(s.breaks);
    }
  }, 60_000);
});

describe.skipIf(!hasSharedData)('playback domain on Citi Bike per borough', () => {
  const engine = new Engine(nodePlatform);
  let agg: Aggregator;
  let table: string;
  let boroughs: string;
  const signal = new AbortController().signal;

  beforeAll(async () => {
    await engine.init();
    agg = new Aggregator(engine);
    table = (await engine.loadUrl(sharedFile('nyc_citibike_station_status_2024-03.parquet'), {})).id;
    boroughs = (await loadPolygons(engine, ['nyc_boroughs.geojson']))[0];
    // The oracle's borough of every station position (−1 outside every borough).
    stationDistricts(engine, table, 'nyc_boroughs.geojson', 'oracle_borough', 'b');
  }, 300_000);

  const layer = (over: Partial<CellsLayerQuery> = {}): CellsLayerQuery => ({
    kind: 'districts',
    dataset: table,
    by: { kind: 'districts', polygons: boroughs },
    stat: 'mean',
    value: 'num_bikes_available',
    minCount: 5,
    time: { column: 'ts_utc', zone: NY },
    ...over,
  });

  /**
   * The oracle's pooled values: per window and borough (outside included; a borough
   * without rows has count 0), the statistic where the count reaches k.
   */
  function oracle(ws: PlaybackWindow[], statSql: string, k: number, where = 'TRUE'): number[] {
    const list = ws.map((w, i) => `(${i}, ${w.from}, ${w.to})`).join(', ');
    const sql = `WITH w(i, f, t) AS (VALUES ${list}),
      r AS (SELECT b, epoch_ms(ts_utc) AS e, num_bikes_available AS v FROM "${table}" JOIN oracle_borough USING (station_id) WHERE ${where})
      SELECT w.i, r.b, count(*)::DOUBLE AS n, (${statSql})::DOUBLE AS x FROM r JOIN w ON r.e >= w.f AND r.e < w.t GROUP BY ALL`;
    const got = new Map<string, { n: number; x: number }>();
    for (const row of engine.connection.query(sql).toArray()) {
      const o = row.toJSON() as { i: number; b: number; n: number; x: number };
      got.set(`${o.i}:${o.b}`, o);
    }
    const out: number[] = [];
    for (let i = 0; i < ws.length; i++) {
      for (const b of [0, 1, 2, 3, 4, -1]) {
        const o = got.get(`${i}:${b}`) ?? { n: 0, x: NaN };
        if (o.n >= k && Number.isFinite(o.x)) out.push(o.x);
      }
    }
    return out;
  }

  function expectScale(got: { domain: [number, number]; breaks: number[] }, want: number[]): void {
    const s = colourScale(want, SCALE);
    expect(got.domain[0]).toBeCloseTo(s.domain[0], 9);
    expect(got.domain[1]).toBeCloseTo(s.domain[1], 9);
    expect(got.breaks.length).toBe(s.breaks.length);
    got.breaks.forEach((b, i) => expect(b).toBeCloseTo(s.breaks[i], 9));
  }

  it('pools 24-hour windows stepping 6 hours from the cube, and equals the oracle', async () => {
    // From 2024-03-12 00:00 EDT (before the first row) to past the last.
    const ws = windows(Date.UTC(2024, 2, 12, 4), Date.UTC(2024, 2, 24, 4), 24, 6);
    const a = await playbackDomainAnswer({ type: 'playback-domain', layer: layer(), windows: ws, measure: 'value', scale: SCALE }, { aggregator: agg, signal });
    const want = oracle(ws, 'avg(v)', 5);
    expect(a.value.fromCube).toBe(true);
    expect(a.value.windows).toBe(ws.length);
    expect(a.value.values).toBe(want.length);
    // Staten Island has no station, so it is suppressed in every window: 5 of 6 entries at most.
    expect(want.length).toBeLessThanOrEqual(5 * ws.length);
    expectScale(a.value.scale, want);
    expect(a.method?.code).toBe('method-playback-domain');
    expect(a.method?.params?.cube).toBe('yes');
  }, 120_000);

  it('aggregates each window when they are not on hour bins (and for a median), still equal to the oracle', async () => {
    const ws = windows(Date.UTC(2024, 2, 14, 4, 30), Date.UTC(2024, 2, 16, 4), 6, 12);
    const sum = await playbackDomainAnswer({ type: 'playback-domain', layer: layer({ stat: 'sum' }), windows: ws, measure: 'value', scale: SCALE }, { aggregator: agg, signal });
    expect(sum.value.fromCube).toBe(false);
    const wantSum = oracle(ws, 'sum(v)', 5);
    expect(sum.value.values).toBe(wantSum.length);
    expectScale(sum.value.scale, wantSum);
    const median = await playbackDomainAnswer(
      { type: 'playback-domain', layer: layer({ stat: 'median' }), windows: ws.slice(0, 3), measure: 'value', scale: SCALE },
      { aggregator: agg, signal },
    );
    expect(median.value.fromCube).toBe(false);
    const wantMedian = oracle(ws.slice(0, 3), 'median(v)', 5);
    expect(median.value.values).toBe(wantMedian.length);
    expectScale(median.value.scale, wantMedian);
  }, 120_000);

  it('leaves k-suppressed cells out of the pool: counts of short windows under a high k', async () => {
    // One-hour windows with a filter: few rows per borough, so some fall under k = 400.
    const ws = windows(Date.UTC(2024, 2, 15, 4), Date.UTC(2024, 2, 16, 4), 1, 1);
    const filters = [{ kind: 'range' as const, column: 'num_bikes_available', min: 20 }];
    const a = await playbackDomainAnswer(
      { type: 'playback-domain', layer: layer({ stat: 'count', value: undefined, minCount: 400, filters }), windows: ws, measure: 'value', scale: SCALE },
      { aggregator: agg, signal },
    );
    expect(a.value.fromCube).toBe(true);
    const want = oracle(ws, 'count(*)', 400, 'num_bikes_available >= 20');
    const all = oracle(ws, 'count(*)', 1, 'num_bikes_available >= 20');
    expect(want.length).toBeLessThan(all.length);
    expect(a.value.values).toBe(want.length);
    expectScale(a.value.scale, want);
  }, 120_000);

  it('windows outside the data pool nothing on both paths; without k an empty borough pools its count 0', async () => {
    const inside = windows(Date.UTC(2024, 2, 15, 4), Date.UTC(2024, 2, 15, 7), 1, 1);
    const outside = [...windows(Date.UTC(2024, 2, 1, 4), Date.UTC(2024, 2, 1, 6), 1, 1), ...windows(Date.UTC(2024, 2, 25, 4), Date.UTC(2024, 2, 25, 6), 1, 1)];
    const counts = (ws: PlaybackWindow[]) => {
      // Every borough and outside per window inside the data: 0 where the oracle has no rows.
      const got = oracle(ws, 'count(*)', 0);
      return [...got, ...Array(6 * ws.length - got.length).fill(0)];
    };
    for (const shift of [0, 30 * 60_000]) {
      const ws = [...outside, ...inside].map((w) => ({ from: w.from + shift, to: w.to + shift }));
      const a = await playbackDomainAnswer(
        { type: 'playback-domain', layer: layer({ stat: 'count', value: undefined, minCount: 0 }), windows: ws, measure: 'value', scale: SCALE },
        { aggregator: agg, signal },
      );
      expect(a.value.fromCube).toBe(shift === 0);
      const want = counts(ws.slice(outside.length));
      expect(want).toContain(0);
      expect(a.value.values).toBe(want.length);
      expectScale(a.value.scale, want);
    }
  }, 120_000);

  it('a cancelled playback stops between windows', async () => {
    const c = new AbortController();
    c.abort();
    const ws = windows(Date.UTC(2024, 2, 14, 4, 30), Date.UTC(2024, 2, 15, 4), 6, 6);
    await expect(playbackDomainAnswer({ type: 'playback-domain', layer: layer({ stat: 'median' }), windows: ws, measure: 'value', scale: SCALE }, { aggregator: agg, signal: c.signal })).rejects.toThrow();
  });

  it('24-hour windows stepping 1 hour over the whole file, on 500 m hexagons, take seconds, not minutes', async () => {
    const ws = windows(Date.UTC(2024, 2, 12, 4), Date.UTC(2024, 2, 24, 4), 24, 1);
    const hex: CellsLayerQuery = { kind: 'hexagon', dataset: table, by: { kind: 'hexagon', sizeM: 500 }, stat: 'mean', value: 'num_bikes_available', minCount: 5, time: { column: 'ts_utc', zone: NY } };
    const t0 = performance.now();
    const a = await playbackDomainAnswer({ type: 'playback-domain', layer: hex, windows: ws, measure: 'perKm2', scale: SCALE }, { aggregator: agg, signal });
    const ms = performance.now() - t0;
    console.log(`playback domain: ${ws.length} windows of 24 h over ${table} on 500 m hexagons in ${ms.toFixed(0)} ms (cube: ${a.value.fromCube}, ${a.value.values} values)`);
    expect(a.value.fromCube).toBe(true);
    expect(a.value.values).toBeGreaterThan(ws.length);
    expect(ms).toBeLessThan(15_000);
  }, 120_000);
});
