// Layer windows answered from the cube (aggregate/window-cube.ts) equal the rescan of the
// rows that answers them otherwise, which the SQL oracles of aggregate-*.test.ts check:
// random hour-aligned windows with whole-hour and weekday filters, counts exactly, means
// to 1e-12. Windows the cube cannot answer exactly fall back to the rescan, errors included.
import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine';
import { nodePlatform } from '../../src/engine/platform-node';
import { Aggregator } from '../../src/engine/aggregate/aggregator';
import type { AggregateRequest, AggregateResult, TimeWindow } from '../../src/engine/protocol';
import { hasSharedData, sharedFile } from '../shared-data';

const H = 3_600_000;
const rel = (a: number, b: number) => (a === b || (Number.isNaN(a) && Number.isNaN(b)) ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The cells of an answer by id, with their count, value and suppression. */
function byId(r: AggregateResult): Map<string, [number, number, number]> {
  const stride = r.ids.length / Math.max(1, r.length);
  const out = new Map<string, [number, number, number]>();
  for (let i = 0; i < r.length; i++) out.set(Array.from(r.ids.subarray(i * stride, (i + 1) * stride)).join(','), [r.counts[i], r.values[i], r.suppressed[i]]);
  return out;
}

describe.skipIf(!hasSharedData)('time windows from the cube on Citi Bike', () => {
  const engine = new Engine(nodePlatform);
  let table: string;
  // The first whole hour of the data (2024-03-12 to 03-23, all EDT).
  let t0: number;

  beforeAll(async () => {
    await engine.init();
    table = (await engine.loadUrl(sharedFile('nyc_citibike_station_status_2024-03.parquet'), {})).id;
    const first = engine.connection.query(`SELECT epoch_ms(min(ts_utc))::DOUBLE AS t FROM "${table}"`).toArray()[0].toJSON().t as number;
    t0 = Math.ceil(first / H) * H;
  }, 300_000);

  it('equals the rescan for random hour-aligned windows, rhythm filters included', async () => {
    const cubed = new Aggregator(engine);
    const rescan = new Aggregator(engine);
    const r = random(7);
    const stats = [
      { stat: 'count' as const },
      { stat: 'mean' as const, value: 'num_bikes_available' },
      { stat: 'max' as const, value: 'num_docks_available' },
      // The sample's statistic: the share of readings with no bike.
      { stat: 'share' as const, share: { kind: 'in' as const, column: 'num_bikes_available', values: [0] } },
    ];
    let compared = 0;
    for (const s of stats) {
      const base: AggregateRequest = { dataset: table, by: { kind: 'hexagon', sizeM: 500 }, minCount: 3, ...s };
      const windows: TimeWindow[] = [];
      for (let k = 0; k < 8; k++) {
        const from = t0 + Math.floor(r() * 200) * H;
        const hours = r() < 0.6 ? { from: Math.floor(r() * 24), to: Math.floor(r() * 24) } : undefined;
        if (hours && hours.from === hours.to) hours.to = (hours.to + 3) % 24;
        const days = r() < 0.5 ? [1, 2, 3, 4, 5, 6, 7].filter(() => r() < 0.6) : undefined;
        windows.push({ column: 'ts_utc', zone: 'America/New_York', from, to: from + (1 + Math.floor(r() * 72)) * H, hours, days: days?.length ? days : undefined });
      }
      for (const time of windows) {
        const a = await cubed.aggregate({ ...base, time });
        rescan.cubes.forget(table); // the oracle side never builds a cube
        const b = await rescan.aggregate({ ...base, time });
        expect(a.length).toBe(b.length);
        expect(a.rows).toBe(b.rows);
        expect(a.suppressedCells).toBe(b.suppressedCells);
        const want = byId(b);
        for (const [id, [n, v, sup]] of byId(a)) {
          const w = want.get(id)!;
          expect(w, id).toBeDefined();
          expect(n).toBe(w[0]);
          expect(sup).toBe(w[2]);
          expect(rel(v, w[1])).toBeLessThan(1e-12);
          compared++;
        }
      }
    }
    // The first window of each statistic rescanned; every later one came from its cube.
    expect(cubed.cubes.counters.built).toBe(stats.length);
    expect(cubed.cubes.counters.answered).toBe(stats.length * 7);
    expect(rescan.cubes.counters.answered).toBe(0);
    expect(compared).toBeGreaterThan(1000);
  }, 300_000);

  it('rescans what the cube cannot answer exactly, and the rescan words the errors', async () => {
    const agg = new Aggregator(engine);
    const base: AggregateRequest = { dataset: table, by: { kind: 'h3', resolution: 8 }, minCount: 0 };
    const at = (from: number, to: number, extra: Partial<TimeWindow> = {}) => agg.aggregate({ ...base, time: { column: 'ts_utc', zone: 'America/New_York', from, to, ...extra } });
    await at(t0, t0 + 24 * H);
    const whole = await at(t0 + H, t0 + 25 * H);
    expect(agg.cubes.counters.answered).toBe(1);
    expect(whole.sql).toContain('time cube');
    // Half past the hour, and an hour range with minutes: rows decide, not bins.
    const half = await at(t0 + H / 2, t0 + 24 * H);
    const minutes = await at(t0, t0 + 48 * H, { hours: { from: 7.5, to: 10 } });
    // A median is not a sum of moments.
    await agg.aggregate({ ...base, stat: 'median', value: 'num_bikes_available', time: { column: 'ts_utc', from: t0, to: t0 + 24 * H } });
    expect(agg.cubes.counters.answered).toBe(1);
    expect(half.sql).not.toContain('time cube');
    expect(minutes.rows).toBeGreaterThan(0);
    await expect(at(t0 + 5 * H, t0 + 5 * H)).rejects.toThrow(/at or after its end/);
    await expect(at(t0 + 10_000 * H, t0 + 10_024 * H)).rejects.toThrow(/outside the range/);
  }, 300_000);
});
