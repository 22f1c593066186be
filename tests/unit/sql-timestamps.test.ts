// Timestamp conversion and ranges: exact text, DuckDB binds each against the fixture
// schema, and the conversions read what they should on rows inserted in a rolled-back
// transaction.
import { describe, expect, it } from 'vitest';
import {
  alterToTimestampSql,
  formatFamilyCountsSql,
  numericRangeSql,
  timeRangeMsSql,
  timestampExpr,
  timestampExtentsSql,
  timestampParseCountSql,
} from '../../src/engine/sql';
import { explain, runRolledBack } from './sql-fixture';

const BLANK = `NULLIF(trim("raw_time"), '')`;

describe('timestamp builders', () => {
  it('timestampExpr: text trimmed (blank is NULL), epochs scaled to microseconds, zoned cast', () => {
    expect(timestampExpr('raw_time', { kind: 'strptime', format: '%d/%m/%Y' })).toBe(`try_strptime(${BLANK}, '%d/%m/%Y')`);
    expect(timestampExpr('raw_time', { kind: 'strptime', format: ['%m/%d/%Y %H:%M', '%m/%d/%Y'] })).toBe(
      `try_strptime(${BLANK}, ['%m/%d/%Y %H:%M', '%m/%d/%Y'])`,
    );
    expect(timestampExpr('raw_time', { kind: 'iso8601', offsets: false })).toBe(`try_cast(${BLANK} AS TIMESTAMP)`);
    expect(timestampExpr('raw_time', { kind: 'iso8601', offsets: true })).toBe(`try_cast(try_cast(${BLANK} AS TIMESTAMPTZ) AS TIMESTAMP)`);
    expect(timestampExpr('count_int', { kind: 'epoch', unit: 'seconds' })).toBe('make_timestamp(("count_int"::DOUBLE * 1000000)::BIGINT)');
    expect(timestampExpr('count_int', { kind: 'epoch', unit: 'milliseconds' })).toBe('make_timestamp(("count_int"::DOUBLE * 1000)::BIGINT)');
    expect(timestampExpr('at_utc', { kind: 'zoned' })).toBe('"at_utc"::TIMESTAMP');
  });

  it('alterToTimestampSql converts each kind of column in place', async () => {
    expect(alterToTimestampSql('points', 'raw_time', { kind: 'strptime', format: '%d/%m/%Y' })).toBe(
      `ALTER TABLE "points" ALTER COLUMN "raw_time" SET DATA TYPE TIMESTAMP USING try_strptime(${BLANK}, '%d/%m/%Y')`,
    );
    const read = `SELECT strftime(raw_time, '%Y-%m-%d %H:%M:%S') AS t FROM points ORDER BY __fid`;
    const rows = [`INSERT INTO points (__fid, raw_time) VALUES (0, ' 14/03/2025 '), (1, ''), (2, 'not a date')`];
    const dmy = alterToTimestampSql('points', 'raw_time', { kind: 'strptime', format: '%d/%m/%Y' });
    await explain(dmy);
    expect(await runRolledBack(read, [...rows, dmy])).toEqual([{ t: '2025-03-14 00:00:00' }, { t: null }, { t: null }]);
    const iso = alterToTimestampSql('points', 'raw_time', { kind: 'iso8601', offsets: true });
    expect(await runRolledBack(read, [`INSERT INTO points (__fid, raw_time) VALUES (0, '2025-03-14T10:00:00+02:00')`, iso])).toEqual([
      { t: '2025-03-14 08:00:00' },
    ]);
    const epoch = alterToTimestampSql('points', 'count_int', { kind: 'epoch', unit: 'seconds' });
    expect(await runRolledBack(`SELECT strftime(count_int, '%Y-%m-%d %H:%M:%S') AS t FROM points`, [`INSERT INTO points (count_int) VALUES (1700000000)`, epoch])).toEqual([
      { t: '2023-11-14 22:13:20' },
    ]);
    const zoned = alterToTimestampSql('zoned', 'at_utc', { kind: 'zoned' });
    expect(await runRolledBack(`SELECT strftime(at_utc, '%Y-%m-%d %H:%M:%S') AS t FROM zoned`, [`INSERT INTO zoned VALUES ('2025-03-14 10:00:00+02')`, zoned])).toEqual([
      { t: '2025-03-14 08:00:00' },
    ]);
  });

  it('timestampParseCountSql: non-blank values and those read', async () => {
    const sql = timestampParseCountSql('points', 'raw_time', { kind: 'iso8601', offsets: false });
    expect(sql).toBe(`SELECT count(${BLANK})::DOUBLE AS n, count(try_cast(${BLANK} AS TIMESTAMP))::DOUBLE AS ok\nFROM "points"`);
    await explain(sql);
    const rows = [`INSERT INTO points (raw_time) VALUES ('2025-03-14'), (' 2025-03-15 10:00 '), (''), (NULL), ('soon')`];
    expect(await runRolledBack(sql, rows)).toEqual([{ n: 3, ok: 2 }]);
  });

  it('formatFamilyCountsSql: per family and per format', async () => {
    const sql = formatFamilyCountsSql('points', 'raw_time', [['%m/%d/%Y', '%m/%d/%Y %H:%M'], ['%d/%m/%Y']]);
    expect(sql).toBe(
      [
        `SELECT count(try_strptime(${BLANK}, ['%m/%d/%Y', '%m/%d/%Y %H:%M']))::DOUBLE AS ok0`,
        `count(try_strptime(${BLANK}, '%m/%d/%Y'))::DOUBLE AS f0_0`,
        `count(try_strptime(${BLANK}, '%m/%d/%Y %H:%M'))::DOUBLE AS f0_1`,
        `count(try_strptime(${BLANK}, ['%d/%m/%Y']))::DOUBLE AS ok1`,
        `count(try_strptime(${BLANK}, '%d/%m/%Y'))::DOUBLE AS f1_0`,
      ].join(', ') + '\nFROM "points"',
    );
    await explain(sql);
    // 03/14/2025 is month/day only; 03/04/2025 10:00 needs a format with a time.
    const rows = [`INSERT INTO points (raw_time) VALUES ('03/14/2025'), ('03/04/2025 10:00')`];
    expect(await runRolledBack(sql, rows)).toEqual([{ ok0: 2, f0_0: 1, f0_1: 1, ok1: 0, f1_0: 0 }]);
  });

  it('numericRangeSql', async () => {
    const sql = numericRangeSql('points', 'count_int');
    expect(sql).toBe('SELECT min("count_int")::DOUBLE AS lo, max("count_int")::DOUBLE AS hi\nFROM "points"');
    await explain(sql);
    expect(await runRolledBack(sql, [`INSERT INTO points (count_int) VALUES (3), (NULL), (-2)`])).toEqual([{ lo: -2, hi: 3 }]);
  });

  it('timestampExtentsSql: ISO text per column', async () => {
    const sql = timestampExtentsSql('points', ['ts', 'day']);
    expect(sql).toBe(
      [
        `SELECT strftime(min("ts")::TIMESTAMP, '%Y-%m-%dT%H:%M:%S') AS lo0`,
        `strftime(max("ts")::TIMESTAMP, '%Y-%m-%dT%H:%M:%S') AS hi0`,
        `strftime(min("day")::TIMESTAMP, '%Y-%m-%dT%H:%M:%S') AS lo1`,
        `strftime(max("day")::TIMESTAMP, '%Y-%m-%dT%H:%M:%S') AS hi1`,
      ].join(', ') + '\nFROM "points"',
    );
    await explain(sql);
    const rows = [`INSERT INTO points (ts, day) VALUES ('2024-03-01 10:30:00', '2024-03-02'), ('2024-03-31 23:59:59', NULL)`];
    expect(await runRolledBack(sql, rows)).toEqual([
      { lo0: '2024-03-01T10:30:00', hi0: '2024-03-31T23:59:59', lo1: '2024-03-02T00:00:00', hi1: '2024-03-02T00:00:00' },
    ]);
  });

  it('timeRangeMsSql: epoch milliseconds of timestamps and dates', async () => {
    const sql = timeRangeMsSql('points', 'day');
    expect(sql).toBe(
      'SELECT epoch_ms(min(CAST("day" AS TIMESTAMP)))::DOUBLE AS t0, epoch_ms(max(CAST("day" AS TIMESTAMP)))::DOUBLE AS t1\nFROM "points"',
    );
    await explain(sql);
    await explain(timeRangeMsSql('points', 'ts'));
    const rows = [`INSERT INTO points (day) VALUES ('2024-03-02'), ('2024-03-01')`];
    expect(await runRolledBack(sql, rows)).toEqual([{ t0: Date.UTC(2024, 2, 1), t1: Date.UTC(2024, 2, 2) }]);
  });
});
