// Time bins in a display zone (the timeline's request): New York days and hours of the
// Citi Bike rows, with rhythm filters, equal a plain SQL GROUP BY on the local clock. The
// oracle reads New York time as ts_utc − 4 h: EDT holds over the whole range (cube.test.ts
// checks that with Intl).
import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine';
import { nodePlatform } from '../../src/engine/platform-node';
import { Aggregator } from '../../src/engine/aggregate/aggregator';
import { hasSharedData, sharedFile } from '../shared-data';

describe.skipIf(!hasSharedData)('zoned time bins on Citi Bike', () => {
  const engine = new Engine(nodePlatform);
  let table: string;
  beforeAll(async () => {
    await engine.init();
    table = (await engine.loadUrl(sharedFile('nyc_citibike_station_status_2024-03.parquet'), {})).id;
  }, 300_000);

  const oracle = (where: string, unit: 'day' | 'hour') =>
    engine.connection
      .query(`SELECT epoch_ms(date_trunc('${unit}', ts_utc - INTERVAL 4 HOUR) + INTERVAL 4 HOUR)::DOUBLE AS k, count(*)::DOUBLE AS n, avg(num_bikes_available) AS m
              FROM "${table}" WHERE ${where} GROUP BY k ORDER BY k`)
      .toArray()
      .map((r) => r.toJSON() as { k: number; n: number; m: number });

  it('counts local days and weekday-morning hours as SQL does on the local clock', async () => {
    const agg = new Aggregator(engine);
    const days = await agg.zonedTimeBins({ dataset: table, column: 'ts_utc', bin: 'day', zone: 'America/New_York', minCount: 0 });
    const want = oracle('true', 'day');
    expect(Array.from(days.keys)).toEqual(want.map((r) => r.k));
    expect(Array.from(days.counts)).toEqual(want.map((r) => r.n));
    expect(Array.from(days.offsets!).every((o) => o === -4 * 3_600_000)).toBe(true);
    expect(days.rows).toBe(want.reduce((a, r) => a + r.n, 0));

    const local = 'ts_utc - INTERVAL 4 HOUR';
    const mornings = await agg.zonedTimeBins({
      dataset: table, column: 'ts_utc', bin: 'hour', zone: 'America/New_York', minCount: 0, stat: 'mean', value: 'num_bikes_available',
      time: { column: 'ts_utc', hours: { from: 7, to: 10 }, days: [1, 2, 3, 4, 5] },
    });
    const w = oracle(`hour(${local}) BETWEEN 7 AND 9 AND isodow(${local}) BETWEEN 1 AND 5`, 'hour');
    // Every hour of the range is a bin; the filtered-out ones have no rows.
    const kept = Array.from(mornings.keys).map((k, i) => [k, mornings.counts[i], mornings.values[i]] as const).filter(([, n]) => n > 0);
    expect(kept.map(([k]) => k)).toEqual(w.map((r) => r.k));
    expect(kept.map(([, n]) => n)).toEqual(w.map((r) => r.n));
    kept.forEach(([, , m], i) => expect(Math.abs(m - w[i].m) / w[i].m).toBeLessThan(1e-12));

    // k: bins with rows but fewer than k are suppressed (no count, no value); bins without rows are left out.
    const all = oracle('true', 'hour');
    const k = 6_000;
    const hours = await agg.zonedTimeBins({ dataset: table, column: 'ts_utc', bin: 'hour', zone: 'America/New_York', minCount: k });
    expect(Array.from(hours.keys)).toEqual(all.map((r) => r.k));
    expect(Array.from(hours.suppressed)).toEqual(all.map((r) => (r.n < k ? 1 : 0)));
    expect(Array.from(hours.counts)).toEqual(all.map((r) => (r.n < k ? NaN : r.n)));
    expect(all.some((r) => r.n < k) && all.some((r) => r.n >= k)).toBe(true);
  }, 120_000);
});
