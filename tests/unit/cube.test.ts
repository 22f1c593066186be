// The cube of partial aggregates against direct SQL: for 200 random windows aligned to
// hour bins, with random hour-of-day and weekday filters, each cell's rows, count, sum,
// mean, variance, min and max equal DuckDB's over the same rows. The SQL oracle reads
// local time as ts_utc − 4 h: New York is on EDT over the whole Citi Bike range (checked
// with Intl below), so no zone code of the engine is involved.
import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine';
import { nodePlatform } from '../../src/engine/platform-node';
import { Aggregator } from '../../src/engine/aggregate/aggregator';
import { buildCube, cubeWindow, varianceOf, type Cube } from '../../src/engine/cube';
import { zoneOffsets } from '../../src/engine/time';
import { hasSharedData, sharedFile } from '../shared-data';

const CELL = `(CAST(floor((lon + 75) * 20) AS INTEGER) * 1000 + CAST(floor((lat - 40) * 20) AS INTEGER))`;

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rel = (a: number, b: number) => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));

describe.skipIf(!hasSharedData)('the cube against SQL on Citi Bike', () => {
  const engine = new Engine(nodePlatform);
  let table: string;
  let keys: number[];
  let ints: Cube, floats: Cube;

  beforeAll(async () => {
    await engine.init();
    table = (await engine.loadUrl(sharedFile('nyc_citibike_station_status_2024-03.parquet'), {})).id;
    const r = engine.connection.query(
      `SELECT ${CELL} AS k, epoch_ms(ts_utc)::DOUBLE AS e, num_bikes_available::DOUBLE AS vi, num_bikes_available::DOUBLE / 3 AS vf FROM "${table}"`,
    );
    const k = r.getChild('k')!.toArray() as Int32Array;
    const index = new Map<number, number>();
    const cell = Int32Array.from(k, (x) => {
      let c = index.get(x);
      if (c === undefined) index.set(x, (c = index.size));
      return c;
    });
    keys = [...index.keys()];
    const instant = Float64Array.from(r.getChild('e')!.toArray() as Float64Array);
    const z = zoneOffsets('America/New_York', instant[0], instant[instant.length - 1]);
    const vi = Float64Array.from(r.getChild('vi')!.toArray() as Float64Array);
    const vf = Float64Array.from(r.getChild('vf')!.toArray() as Float64Array);
    ints = buildCube({ cell, cells: index.size, instant, values: vi, valid: null }, z);
    floats = buildCube({ cell, cells: index.size, instant, values: vf, valid: null }, z);
  }, 300_000);

  it('New York is UTC−4 over the whole range (the oracle relies on it)', () => {
    const off = (ms: number) => {
      const p = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' }).formatToParts(ms).map((x) => [x.type, x.value]));
      return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute) - Math.floor(ms / 60_000) * 60_000;
    };
    for (let t = ints.starts[0]; t <= ints.starts[ints.bins - 1]; t += 3_600_000) expect(off(t)).toBe(-4 * 3_600_000);
  });

  it('equals a direct SQL aggregate for 200 random bin-aligned windows with hour and weekday filters', () => {
    const r = random(12);
    const B = ints.bins;
    let compared = 0;
    for (let k = 0; k < 200; k++) {
      let b0 = Math.floor(r() * B), b1 = Math.floor(r() * B) + 1;
      if (b0 > b1) [b0, b1] = [b1, b0];
      if (b0 === b1) b1 = b0 + 1;
      const hf = Math.floor(r() * 24), ht = Math.floor(r() * 24);
      const hours = r() < 0.8 && hf !== ht ? new Uint8Array(24).map((_, h) => (hf < ht ? h >= hf && h < ht : h >= hf || h < ht) ? 1 : 0) : null;
      const days = r() < 0.8 ? new Uint8Array(8).map((_, d) => (d >= 1 && r() < 0.6 ? 1 : 0)) : null;
      const where = [`ts_utc >= make_timestamp(${ints.starts[b0] * 1000}::BIGINT)`];
      if (b1 < B) where.push(`ts_utc < make_timestamp(${ints.starts[b1] * 1000}::BIGINT)`);
      const local = `(ts_utc - INTERVAL 4 HOUR)`;
      if (hours) where.push(`hour(${local}) IN (${[...hours.keys()].filter((h) => hours[h]).join(', ') || '-1'})`);
      if (days) where.push(`isodow(${local}) IN (${[...days.keys()].filter((d) => days[d]).join(', ') || '-1'})`);
      const sql = `SELECT ${CELL} AS k, count(*)::DOUBLE AS rows, count(num_bikes_available)::DOUBLE AS n, sum(num_bikes_available)::DOUBLE AS isum,
        sum(num_bikes_available::DOUBLE / 3) AS fsum, avg(num_bikes_available::DOUBLE / 3) AS mean, var_samp(num_bikes_available::DOUBLE / 3) AS var,
        min(num_bikes_available::DOUBLE / 3) AS lo, max(num_bikes_available::DOUBLE / 3) AS hi FROM "${table}" WHERE ${where.join(' AND ')} GROUP BY k`;
      const want = new Map(engine.connection.query(sql).toArray().map((x) => {
        const o = x.toJSON() as Record<string, number>;
        return [o.k, o];
      }));
      const wi = cubeWindow(ints, { b0, b1, hours, days });
      const wf = cubeWindow(floats, { b0, b1, hours, days });
      for (let c = 0; c < keys.length; c++) {
        const o = want.get(keys[c]);
        if (!o) {
          expect(wi.rows[c]).toBe(0);
          continue;
        }
        compared++;
        expect(wi.rows[c]).toBe(o.rows);
        expect(wi.n[c]).toBe(o.n);
        expect(wi.sum[c]).toBe(o.isum);
        expect(rel(wf.sum[c], o.fsum)).toBeLessThan(1e-12);
        expect(rel(wf.mean[c], o.mean)).toBeLessThan(1e-12);
        if (o.var === null) expect(varianceOf(wf, c)).toBeNaN();
        else expect(rel(varianceOf(wf, c), o.var)).toBeLessThan(1e-12);
        expect(wf.min[c]).toBe(o.lo);
        expect(wf.max[c]).toBe(o.hi);
      }
    }
    expect(compared).toBeGreaterThan(1000);
  }, 600_000);

  it("a layer's cube from the aggregator equals its aggregate over 24-hour windows in New York", async () => {
    const agg = new Aggregator(engine);
    const base = { dataset: table, by: { kind: 'hexagon', sizeM: 500 } as const, stat: 'mean' as const, value: 'num_bikes_available', minCount: 0 };
    const { cube } = await agg.cube({ ...base, time: { column: 'ts_utc', zone: 'America/New_York' } });
    for (const b0 of [0, 37, 100, cube.bins - 30]) {
      const w = cubeWindow(cube, { b0, b1: b0 + 24 });
      const r = await agg.aggregate({ ...base, time: { column: 'ts_utc', zone: 'America/New_York', from: cube.starts[b0], to: cube.starts[b0 + 24] ?? cube.starts[cube.bins - 1] + 3_600_000 } });
      const listed = [...w.rows.keys()].filter((c) => w.rows[c] > 0);
      expect(r.length).toBe(listed.length);
      listed.forEach((c, i) => {
        expect(r.counts[i]).toBe(w.rows[c]);
        expect(rel(r.values[i], w.mean[c])).toBeLessThan(1e-12);
      });
    }
  }, 300_000);
});

