// The CLI's display zone, bins and rhythm filters (issue 12) as a child process, against
// oracles written here: Intl's formatted local dates and hours, turf's point-in-polygon,
// and plain SQL reads of the rows.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine';
import { nodePlatform } from '../../src/engine/platform-node';
import { Aggregator } from '../../src/engine/aggregate/aggregator';
import { Analysis } from '../../src/engine/analysis';
import { parseArgs } from '../../src/cli/args';
import { cellsRequest } from '../../src/cli/requests';
import { hasSharedData, sharedFile } from '../shared-data';
import { cli, parseCsv } from './cli-runner';
import { loadPolygons, turfLocator } from './aggregate-helpers';

const CITIBIKE = sharedFile('nyc_citibike_station_status_2024-03.parquet');
const BOROUGHS = sharedFile('nyc_boroughs.geojson');
const dir = mkdtempSync(path.join(tmpdir(), 'citylens-cli-time-'));
const NY = 'America/New_York';

/** Local date, weekday and hour of an instant in a zone, as Intl writes them. */
function localParts(zone: string): (ms: number) => { date: string; weekday: string; hour: number } {
  const date = new Intl.DateTimeFormat('sv-SE', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const wh = new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short', hour: '2-digit', hourCycle: 'h23' });
  const cache = new Map<number, { date: string; weekday: string; hour: number }>();
  return (ms) => {
    let hit = cache.get(ms);
    if (!hit) {
      const p = Object.fromEntries(wh.formatToParts(ms).map((x) => [x.type, x.value]));
      hit = { date: date.format(ms), weekday: p.weekday, hour: Number(p.hour) };
      cache.set(ms, hit);
    }
    return hit;
  };
}

describe('CLI time: a DST fixture', () => {
  const csv = path.join(dir, 'dst.csv');
  beforeAll(() => {
    // One row an hour, 2024-03-09 00:00Z … 2024-03-11 23:00Z, at two points.
    const lines = ['ts_utc,lon,lat'];
    for (let h = 0; h < 72; h++) lines.push(`${new Date(Date.UTC(2024, 2, 9, h)).toISOString()},-73.99,40.73`);
    writeFileSync(csv, lines.join('\n') + '\n');
  });

  it('--tz America/New_York --bin day gives 2024-03-10 23 hours and 23 rows', async () => {
    const out = path.join(dir, 'dst-days.csv');
    const r = await cli('aggregate', csv, '--by', 'grid:1000', '--tz', NY, '--bin', 'day', '--min-count', '0', '--out', out);
    expect(r.stderr).toContain('display zone America/New_York');
    expect(r.stderr).toContain('"ts_utc" holds UTC instants');
    expect(r.code).toBe(0);
    const rows = parseCsv(readFileSync(out, 'utf8'));
    expect(Object.keys(rows[0]).slice(0, 2)).toEqual(['id', 'bin']);
    // The oracle: rows per New York date, from Intl.
    const local = localParts(NY);
    const want = new Map<string, number>();
    for (let h = 0; h < 72; h++) {
      const d = local(Date.UTC(2024, 2, 9, h)).date;
      want.set(d, (want.get(d) ?? 0) + 1);
    }
    expect(rows.map((x) => [x.bin.slice(0, 10), Number(x.count)])).toEqual([...want]);
    const i = rows.findIndex((x) => x.bin === '2024-03-10T00:00:00-05:00');
    expect(rows[i + 1].bin).toBe('2024-03-11T00:00:00-04:00');
    expect((Date.parse(rows[i + 1].bin) - Date.parse(rows[i].bin)) / 3_600_000).toBe(23);
    expect(Number(rows[i].count)).toBe(23);
  }, 120_000);

  it('names what is wrong: zone and hours when parsed, a window after its end from the engine', async () => {
    const base = ['aggregate', csv, '--by', 'grid:1000', '--out', 'o.csv'];
    expect(() => parseArgs([...base, '--tz', 'Mars/Olympus_Mons'])).toThrow('--tz Mars/Olympus_Mons: unknown time zone "Mars/Olympus_Mons"');
    expect(() => parseArgs([...base, '--hours', '7-30'])).toThrow('--hours 7-30: hours "7-30": "30" is not a time of day');
    expect(() => parseArgs([...base, '--days', 'mon-xyz'])).toThrow('--days mon-xyz: days "mon-xyz": "xyz" is not a weekday');
    expect(() => parseArgs([...base, '--bin', 'fortnight'])).toThrow('--bin fortnight: expected one of hour, day, week, month');
    const after = await cli(...base.slice(0, 4), '--out', path.join(dir, 'bad.csv'), '--from', '2024-03-11', '--to', '2024-03-10');
    expect(after.code).toBe(1);
    expect(after.stderr).toContain('dst: the window starts (2024-03-11) at or after its end (2024-03-10)');
  }, 120_000);

  it('names a window outside the data, a bin finer than the data and a column that does not parse', async () => {
    const engine = new Engine(nodePlatform);
    await engine.init();
    const agg = new Aggregator(engine);
    const dst = (await engine.loadUrl(csv, {})).id;
    const grid = { kind: 'grid', sizeM: 1000 } as const;
    await expect(agg.aggregate({ dataset: dst, by: grid, time: { column: 'ts_utc', from: '2025-01-01', to: '2025-02-01' } })).rejects.toThrow(
      'dst: the window [2025-01-01, 2025-02-01) lies outside the range of "ts_utc" (2024-03-09T00:00:00Z to 2024-03-11T23:00:00Z)',
    );
    const daysFile = path.join(dir, 'days.csv');
    writeFileSync(daysFile, 'day,lon,lat\n2024-03-01,-73.99,40.73\n2024-03-02,-73.99,40.73\n');
    const days = (await engine.loadUrl(daysFile, {})).id;
    await expect(agg.aggregate({ dataset: days, by: grid, time: { column: 'day' }, bin: 'hour' })).rejects.toThrow(
      'days: the bin "hour" is finer than the time column "day" holds: every value is a whole day',
    );
    const textFile = path.join(dir, 'text.csv');
    writeFileSync(textFile, 'when,lon,lat\nnot a time,-73.99,40.73\nnor this,-73.99,40.73\n');
    const text = (await engine.loadUrl(textFile, {})).id;
    await expect(agg.aggregate({ dataset: text, by: grid, time: { column: 'when', format: '%Y-%m-%d' }, bin: 'day' })).rejects.toThrow(
      'text: the time column "when" holds no value that reads as a time',
    );
  }, 120_000);
});

describe.skipIf(!hasSharedData)('CLI time: Citi Bike per borough in New York time', () => {
  const engine = new Engine(nodePlatform);
  let table: string;
  let polygons: string;
  /** Per row: borough feature (−1 outside) and the ts_utc instant. */
  let borough: Int32Array;
  let instant: Float64Array;
  let bikes: Float64Array;
  const local = localParts(NY);

  beforeAll(async () => {
    await engine.init();
    table = (await engine.loadUrl(CITIBIKE, {})).id;
    polygons = (await loadPolygons(engine, ['nyc_boroughs.geojson']))[0];
    const r = engine.connection.query(`SELECT lon::DOUBLE AS lon, lat::DOUBLE AS lat, epoch_ms(ts_utc)::DOUBLE AS e, num_bikes_available::DOUBLE AS v FROM "${table}"`);
    const lon = r.getChild('lon')!.toArray() as Float64Array, lat = r.getChild('lat')!.toArray() as Float64Array;
    instant = Float64Array.from(r.getChild('e')!.toArray() as Float64Array);
    bikes = Float64Array.from(r.getChild('v')!.toArray() as Float64Array);
    const { locate } = turfLocator('nyc_boroughs.geojson');
    const at = new Map<string, number>();
    borough = new Int32Array(lon.length);
    for (let i = 0; i < lon.length; i++) {
      const key = `${lon[i]},${lat[i]}`;
      let b = at.get(key);
      if (b === undefined) at.set(key, (b = locate(lon[i], lat[i])));
      borough[i] = b;
    }
  }, 300_000);

  const names = () => (JSON.parse(readFileSync(BOROUGHS, 'utf8')) as { features: { properties: { name: string } }[] }).features.map((f) => f.properties.name);

  it('--bin day: rows per borough per local day of one week equal a per-row count', async () => {
    const out = path.join(dir, 'borough-days.csv');
    const r = await cli('aggregate', CITIBIKE, '--by', `districts:${BOROUGHS}`, '--time', 'ts_utc', '--tz', NY, '--from', '2024-03-13', '--to', '2024-03-20', '--bin', 'day', '--min-count', '0', '--out', out);
    expect(r.code).toBe(0);
    const want = new Map<string, number>();
    const nm = names();
    for (let i = 0; i < instant.length; i++) {
      const d = local(instant[i]).date;
      if (d < '2024-03-13' || d > '2024-03-19') continue;
      const key = `${borough[i] < 0 ? 'outside' : nm[borough[i]]}|${d}`;
      want.set(key, (want.get(key) ?? 0) + 1);
    }
    const rows = parseCsv(readFileSync(out, 'utf8'));
    const got = new Map(rows.filter((x) => Number(x.count) > 0).map((x) => [`${x.id}|${x.bin.slice(0, 10)}`, Number(x.count)]));
    expect(got).toEqual(want);
    // Every bin is a New York midnight, and rows come by id, then bin.
    expect(new Set(rows.map((x) => x.bin))).toEqual(new Set(['13', '14', '15', '16', '17', '18', '19'].map((d) => `2024-03-${d}T00:00:00-04:00`)));
    const keys = rows.map((x) => [x.id, x.bin]);
    expect(keys).toEqual([...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : 1)));
  }, 300_000);

  it('--hours 22-2 --days mon-fri keep the rows Intl puts on weekday nights', async () => {
    const out = path.join(dir, 'borough-nights.csv');
    const r = await cli('aggregate', CITIBIKE, '--by', `districts:${BOROUGHS}`, '--time', 'ts_utc', '--tz', NY, '--hours', '22-2', '--days', 'mon-fri', '--min-count', '0', '--out', out);
    expect(r.code).toBe(0);
    const nm = names();
    const want = new Map<string, number>();
    for (let i = 0; i < instant.length; i++) {
      const p = local(instant[i]);
      if (!['Mon', 'Tue', 'Wed', 'Thu', 'Fri'].includes(p.weekday) || !(p.hour >= 22 || p.hour < 2)) continue;
      const key = borough[i] < 0 ? 'outside' : nm[borough[i]];
      want.set(key, (want.get(key) ?? 0) + 1);
    }
    const got = new Map(parseCsv(readFileSync(out, 'utf8')).filter((x) => Number(x.count) > 0).map((x) => [x.id, Number(x.count)]));
    expect(got).toEqual(want);
  }, 300_000);

  it('a median (reduced in SQL) over weekday mornings 07–10 equals quantile_cont of the oracle rows', async () => {
    const agg = new Aggregator(engine);
    const res = await agg.aggregate({
      dataset: table,
      by: { kind: 'districts', polygons, nameColumn: 'name' },
      stat: 'median',
      value: 'num_bikes_available',
      time: { column: 'ts_utc', zone: NY, hours: { from: 7, to: 10 }, days: [1, 2, 3, 4, 5] },
      minCount: 0,
    });
    expect(res.sql).toContain('__citylens_tbin');
    const per = new Map<number, number[]>();
    for (let i = 0; i < instant.length; i++) {
      const p = local(instant[i]);
      if (!['Mon', 'Tue', 'Wed', 'Thu', 'Fri'].includes(p.weekday) || p.hour < 7 || p.hour >= 10) continue;
      const list = per.get(borough[i]) ?? [];
      list.push(bikes[i]);
      per.set(borough[i], list);
    }
    const median = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      const h = (s.length - 1) / 2;
      return s[Math.floor(h)] + (s[Math.ceil(h)] - s[Math.floor(h)]) * (h - Math.floor(h));
    };
    for (let i = 0; i < res.length; i++) {
      const xs = per.get(res.ids[i]) ?? [];
      expect(res.counts[i]).toBe(xs.length);
      if (xs.length) expect(res.values[i]).toBe(median(xs));
    }
  }, 300_000);

  it('compare with --hours 7-10 --days mon-fri counts only those rows, and only those hours of each window', async () => {
    const analysis = new Analysis(new Aggregator(engine), engine);
    const c = await analysis.compare({
      dataset: table,
      by: { kind: 'districts', polygons, nameColumn: 'name' },
      time: { column: 'ts_utc', zone: NY, hours: { from: 7, to: 10 }, days: [1, 2, 3, 4, 5] },
      before: { from: '2024-03-13', to: '2024-03-17' },
      after: { from: '2024-03-17', to: '2024-03-21' },
      minCount: 0,
    });
    const keep = (ms: number) => {
      const p = local(ms);
      return ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'].includes(p.weekday) && p.hour >= 7 && p.hour < 10;
    };
    const window = (ms: number) => {
      const d = local(ms).date;
      return d >= '2024-03-13' && d < '2024-03-17' ? 0 : d >= '2024-03-17' && d < '2024-03-21' ? 1 : -1;
    };
    // Hours kept in each window: whole New York hours from midnight to midnight.
    const hours = [0, 0];
    for (let t = Date.UTC(2024, 2, 13, 4); t < Date.UTC(2024, 2, 21, 4); t += 3_600_000) if (keep(t)) hours[window(t)]++;
    expect(c.days).toEqual({ before: hours[0] / 24, after: hours[1] / 24 });
    const want = [new Map<number, number>(), new Map<number, number>()];
    for (let i = 0; i < instant.length; i++) {
      const w = window(instant[i]);
      if (w < 0 || !keep(instant[i])) continue;
      want[w].set(borough[i], (want[w].get(borough[i]) ?? 0) + 1);
    }
    for (let i = 0; i < c.cells.length; i++) {
      expect(c.countBefore[i]).toBe(want[0].get(c.cells.ids[i]) ?? 0);
      expect(c.countAfter[i]).toBe(want[1].get(c.cells.ids[i]) ?? 0);
    }
  }, 300_000);

  it('with three timestamp columns, a time option asks for --time and lists them', async () => {
    const info = engine.dataset(table);
    const cmd = parseArgs(['aggregate', CITIBIKE, '--by', 'hex:500', '--bin', 'day', '--out', 'x.csv']);
    if (cmd.command !== 'aggregate') throw new Error('parsed as another command');
    await expect(cellsRequest(engine, cmd, info, () => Promise.reject(new Error('no polygons here')))).rejects.toThrow(
      `--bin: ${CITIBIKE} has 3 timestamp columns (ts_utc, ts_local, last_reported_utc); choose one with --time`,
    );
  });
});
