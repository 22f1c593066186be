// The share statistic (the sample's "share of readings with no bike") in the typed-array
// kernels and the time cube, against an oracle built apart: SQL counts per station
// position, each position's H3 cell from h3-js, shares summed per cell here.
import { beforeAll, describe, expect, it } from 'vitest';
import { latLngToCell, splitLongToH3Index } from 'h3-js';
import { Engine } from '../../src/engine/engine';
import { nodePlatform } from '../../src/engine/platform-node';
import { Aggregator } from '../../src/engine/aggregate/aggregator';
import type { AggregateFilter, AggregateResult } from '../../src/engine/protocol';
import { hasSharedData, sharedFile } from '../shared-data';

describe.skipIf(!hasSharedData)('share per H3 cell on Citi Bike', () => {
  const engine = new Engine(nodePlatform);
  let table: string;
  let lon: string, lat: string;
  beforeAll(async () => {
    await engine.init();
    const info = await engine.loadUrl(sharedFile('nyc_citibike_station_status_2024-03.parquet'), {});
    table = info.id;
    lon = info.geometry.lon!;
    lat = info.geometry.lat!;
  }, 300_000);

  /** Share per cell: Σ matches / Σ non-NULL readings over the positions in it. */
  function oracle(condition: string, where = 'true'): Map<string, { n: number; share: number }> {
    const rows = engine.connection
      .query(`SELECT "${lon}" AS x, "${lat}" AS y, count(*)::DOUBLE AS n, count(num_bikes_available)::DOUBLE AS seen,
                     count(*) FILTER (WHERE ${condition})::DOUBLE AS hit FROM "${table}" WHERE ${where} GROUP BY x, y`)
      .toArray()
      .map((r) => r.toJSON() as { x: number; y: number; n: number; seen: number; hit: number });
    const per = new Map<string, { n: number; seen: number; hit: number }>();
    for (const r of rows) {
      const c = latLngToCell(r.y, r.x, 8);
      const p = per.get(c) ?? { n: 0, seen: 0, hit: 0 };
      p.n += r.n;
      p.seen += r.seen;
      p.hit += r.hit;
      per.set(c, p);
    }
    return new Map([...per].map(([c, p]) => [c, { n: p.n, share: p.hit / p.seen }]));
  }

  const cells = (r: AggregateResult) => new Map(Array.from({ length: r.length }, (_, i) => [splitLongToH3Index(r.h3![2 * i], r.h3![2 * i + 1]), { n: r.counts[i], share: r.values[i] }]));

  it('equals the oracle for a listed value and a range, and from the cube for windows', async () => {
    const agg = new Aggregator(engine);
    const by = { kind: 'h3', resolution: 8 } as const;
    const cases: [AggregateFilter, string][] = [
      [{ kind: 'in', column: 'num_bikes_available', values: [0] }, 'num_bikes_available = 0'],
      [{ kind: 'range', column: 'num_bikes_available', max: 2 }, 'num_bikes_available <= 2'],
    ];
    for (const [share, sql] of cases) {
      const got = cells(await agg.aggregate({ dataset: table, by, stat: 'share', share, minCount: 0 }));
      const want = oracle(sql);
      expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
      for (const [c, w] of want) {
        expect(got.get(c)!.n).toBe(w.n);
        expect(Math.abs(got.get(c)!.share - w.share)).toBeLessThan(1e-12);
      }
    }
    // Two 24-hour windows on hour bins: the second is merged from the cube.
    const t0 = Date.UTC(2024, 2, 15, 4);
    for (const from of [t0, t0 + 3_600_000]) {
      const r = await agg.aggregate({ dataset: table, by, stat: 'share', share: cases[0][0], minCount: 0, time: { column: 'ts_utc', zone: 'America/New_York', from, to: from + 86_400_000 } });
      const want = oracle(cases[0][1], `ts_utc >= make_timestamp(${from * 1000}::BIGINT) AND ts_utc < make_timestamp(${(from + 86_400_000) * 1000}::BIGINT)`);
      const got = cells(r);
      expect(got.size).toBe(want.size);
      for (const [c, w] of want) expect(Math.abs(got.get(c)!.share - w.share)).toBeLessThan(1e-12);
      expect(!!r.cube).toBe(from !== t0);
    }
  }, 300_000);
});
