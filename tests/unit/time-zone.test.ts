// The display-zone time module against oracles written here with Intl's own formatted
// text (a different locale and API from the module's formatToParts reading).
import { describe, expect, it } from 'vitest';
import {
  binIndex,
  binStarts,
  checkZone,
  instantOf,
  isoWithOffset,
  localOf,
  parseDays,
  parseHours,
  readTime,
  timeRows,
  zoneOffsets,
} from '../../src/engine/time';

const H = 3_600_000;
const DAY = 24 * H;

/** "2024-03-10 03:00:00" in `zone` (sv-SE writes ISO-like text). */
const oracles = new Map<string, Intl.DateTimeFormat>();
function oracleText(zone: string, ms: number): string {
  let f = oracles.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('sv-SE', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    oracles.set(zone, f);
  }
  return f.format(ms);
}
const oracleWall = (zone: string, ms: number) => Date.parse(oracleText(zone, ms).replace(' ', 'T') + 'Z');
const oracleDate = (zone: string, ms: number) => oracleText(zone, ms).slice(0, 10);
const oracleWeekday = (zone: string, ms: number) => new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short' }).format(ms);

/** A small deterministic generator (mulberry32). */
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

const ZONES = ['UTC', 'America/New_York', 'Europe/London', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/Santiago', 'Pacific/Chatham', 'America/St_Johns'];
const T0 = Date.UTC(2020, 0, 1), T1 = Date.UTC(2026, 0, 1);

describe('zone offsets from Intl', () => {
  it('give the local wall time Intl writes, at 400 random instants in each of 8 zones', () => {
    const r = random(1);
    for (const zone of ZONES) {
      const z = zoneOffsets(zone, T0, T1);
      for (let k = 0; k < 400; k++) {
        const ms = Math.floor(T0 + r() * (T1 - T0)) * 1;
        const s = Math.floor(ms / 1000) * 1000;
        expect(localOf(z, s)).toBe(oracleWall(zone, s));
      }
    }
  });
  it('find every transition of New York 2020–2025 at the second the clock changes', () => {
    const z = zoneOffsets('America/New_York', T0, T1);
    const inRange = Array.from(z.starts).filter((s) => s >= T0 && s < T1);
    expect(inRange.length).toBe(12);
    for (const s of inRange) {
      const before = oracleWall('America/New_York', s - 1000) - (s - 1000);
      const after = oracleWall('America/New_York', s) - s;
      expect(Math.abs(before - after)).toBe(H);
      expect(oracleText('America/New_York', s).slice(11)).toMatch(after > before ? '03:00:00' : '01:00:00');
    }
  });
  it('maps a wall time to the first instant at or after it, through gaps and repeats', () => {
    const r = random(2);
    for (const zone of ZONES) {
      const z = zoneOffsets(zone, T0, T1);
      for (let k = 0; k < 200; k++) {
        const wall = Math.floor((T0 + r() * (T1 - T0)) / 60_000) * 60_000;
        const t = instantOf(z, wall);
        expect(oracleWall(zone, t)).toBeGreaterThanOrEqual(wall);
        expect(oracleWall(zone, t - 1000)).toBeLessThan(wall);
      }
    }
    const ny = zoneOffsets('America/New_York', T0, T1);
    expect(instantOf(ny, Date.UTC(2024, 2, 10, 2, 30))).toBe(Date.UTC(2024, 2, 10, 7)); // skipped: 03:00 EDT
    expect(instantOf(ny, Date.UTC(2024, 10, 3, 1, 30))).toBe(Date.UTC(2024, 10, 3, 5, 30)); // repeated: the EDT one
  });
  it('names an unknown zone', () => {
    expect(() => checkZone('Mars/Olympus_Mons')).toThrow('unknown time zone "Mars/Olympus_Mons"');
  });
});

describe('bins in a display zone', () => {
  it('days start at local midnight in every zone; New York has a 23- and a 25-hour day in 2024', () => {
    const from = Date.UTC(2024, 0, 1), to = Date.UTC(2025, 0, 1);
    for (const zone of ZONES) {
      const z = zoneOffsets(zone, from, to);
      const starts = binStarts(z, 'day', from, to);
      const dates = new Set<string>();
      for (let t = starts[0]; t <= to; t += H) dates.add(oracleDate(zone, t));
      expect(starts.length).toBe(dates.size);
      for (let i = 0; i < starts.length; i++) {
        expect(oracleDate(zone, starts[i] - 1000)).not.toBe(oracleDate(zone, starts[i]));
        if (i) expect(oracleDate(zone, starts[i])).not.toBe(oracleDate(zone, starts[i - 1]));
      }
      if (zone === 'America/New_York') {
        const lengths = Array.from(starts.slice(1), (s, i) => (s - starts[i]) / H);
        expect(lengths.filter((l) => l === 23).length).toBe(1);
        expect(lengths.filter((l) => l === 25).length).toBe(1);
        expect(lengths.filter((l) => l !== 24 && l !== 23 && l !== 25)).toEqual([]);
        const march10 = binIndex(starts, Date.UTC(2024, 2, 10, 12));
        expect(isoWithOffset(starts[march10], localOf(z, starts[march10]) - starts[march10])).toBe('2024-03-10T00:00:00-05:00');
        expect((starts[march10 + 1] - starts[march10]) / H).toBe(23);
      }
    }
  });
  it('weeks start on Monday at midnight, months on the first', () => {
    const from = Date.UTC(2023, 0, 1), to = Date.UTC(2025, 0, 1);
    for (const zone of ['America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata']) {
      const z = zoneOffsets(zone, from, to);
      for (const s of binStarts(z, 'week', from, to)) {
        expect(oracleWeekday(zone, s)).toBe('Mon');
        expect(oracleDate(zone, s - 1000)).not.toBe(oracleDate(zone, s));
      }
      const months = binStarts(z, 'month', from, to);
      expect(months.length).toBe(25);
      for (const s of months) expect(oracleText(zone, s).slice(8)).toBe('01 00:00:00');
    }
  });
  it('an hour the clock repeats is two bins', () => {
    const z = zoneOffsets('America/New_York', T0, T1);
    const s = binStarts(z, 'hour', Date.UTC(2024, 10, 3, 4), Date.UTC(2024, 10, 3, 7, 59));
    expect(Array.from(s, (x) => isoWithOffset(x, localOf(z, x) - x))).toEqual([
      '2024-11-03T00:00:00-04:00',
      '2024-11-03T01:00:00-04:00',
      '2024-11-03T01:00:00-05:00',
      '2024-11-03T02:00:00-05:00',
    ]);
  });
});

describe('rhythm filters and bounds', () => {
  it('parses hours and days, wrapping midnight and the week', () => {
    expect(parseHours('7-10')).toEqual({ from: 7, to: 10 });
    expect(parseHours('22-2')).toEqual({ from: 22, to: 2 });
    expect(parseHours('07:30-9')).toEqual({ from: 7.5, to: 9 });
    expect(() => parseHours('7')).toThrow(/expected <from>-<to>/);
    expect(() => parseHours('7-25')).toThrow(/"25" is not a time of day/);
    expect(() => parseHours('8-8')).toThrow(/empty/);
    expect(parseDays('mon-fri')).toEqual([1, 2, 3, 4, 5]);
    expect(parseDays('sat,sun')).toEqual([6, 7]);
    expect(parseDays('fri-mon')).toEqual([1, 5, 6, 7]);
    expect(() => parseDays('mon-funday')).toThrow(/"funday" is not a weekday/);
  });
  it('reads bounds with and without a zone', () => {
    expect(readTime('2024-03-15T08:00-04:00', 'start')).toEqual({ kind: 'instant', ms: Date.UTC(2024, 2, 15, 12) });
    expect(readTime('2024-03-15T08:00Z', 'start')).toEqual({ kind: 'instant', ms: Date.UTC(2024, 2, 15, 8) });
    expect(readTime('2024-03-15', 'start')).toEqual({ kind: 'wall', ms: Date.UTC(2024, 2, 15) });
    expect(() => readTime('2024-02-30', 'start')).toThrow(/not a real date/);
  });
  it('keeps the rows an Intl oracle keeps: weekday nights 22–02 in New York, on a UTC clock', () => {
    const r = random(3);
    const values = Float64Array.from({ length: 5000 }, () => Math.floor(Date.UTC(2024, 0, 1) + r() * 330 * DAY));
    const got = timeRows(values, { kind: 'utc' }, { column: 't', zone: 'America/New_York', hours: { from: 22, to: 2 }, days: [1, 2, 3, 4, 5] });
    const fmt = new Intl.DateTimeFormat('en-GB', { timeZone: 'America/New_York', weekday: 'short', hour: '2-digit', hourCycle: 'h23' });
    let kept = 0;
    for (let i = 0; i < values.length; i++) {
      const parts = Object.fromEntries(fmt.formatToParts(values[i]).map((p) => [p.type, p.value]));
      const h = Number(parts.hour);
      const want = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'].includes(parts.weekday) && (h >= 22 || h < 2);
      expect(got.keep[i]).toBe(want ? 1 : 0);
      if (want) kept++;
    }
    expect(got.kept).toBe(kept);
  });
  it('compares a clock of unknown zone on wall time: a zoned bound becomes display-zone wall time', () => {
    const values = Float64Array.from({ length: 48 }, (_, i) => Date.UTC(2024, 2, 15) + i * H);
    const utc = timeRows(values, { kind: 'unknown' }, { column: 't', from: '2024-03-15T08:00-04:00', to: '2024-03-15T14:00' });
    expect(Array.from(utc.keep).reduce((a, b) => a + b, 0)).toBe(2); // 12:00 and 13:00 wall
    const ny = timeRows(values, { kind: 'unknown' }, { column: 't', zone: 'America/New_York', from: '2024-03-15T08:00-04:00', to: '2024-03-15T14:00' });
    expect(Array.from(ny.keep).reduce((a, b) => a + b, 0)).toBe(6); // 08:00 … 13:00, not converted
  });
  it('refuses a window outside the data, a start after its end and a bin finer than the data', () => {
    const values = Float64Array.from({ length: 10 }, (_, i) => Date.UTC(2024, 2, 1 + i));
    expect(() => timeRows(values, { kind: 'utc' }, { column: 'day', from: '2025-01-01', to: '2025-02-01' })).toThrow(/lies outside the range of "day"/);
    expect(() => timeRows(values, { kind: 'utc' }, { column: 'day', from: '2024-03-05', to: '2024-03-02' })).toThrow(/at or after its end/);
    expect(() => timeRows(values, { kind: 'utc' }, { column: 'day', bin: 'hour' })).toThrow(/"hour" is finer than the time column "day" holds: every value is a whole day/);
    expect(() => timeRows(new Float64Array([NaN]), { kind: 'utc' }, { column: 'x' })).toThrow(/holds no value that reads as a time/);
  });
});
