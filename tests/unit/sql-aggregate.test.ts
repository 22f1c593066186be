// The aggregation room's SQL builders: each one's exact text, and that DuckDB binds it
// against the fixture schema (tests/unit/sql-fixture.ts).
import { describe, expect, it } from 'vitest';
import {
  assignedCellsQuery,
  bboxCondition,
  districtAttributesQuery,
  dropTableQuery,
  epochMsLiteral,
  inCondition,
  isoTimestampLiteral,
  parsedTimestampOf,
  rangeCondition,
  rowColumnQuery,
  rowCoordinatesQuery,
  statExpr,
  timeBinKey,
  timeBinsQuery,
  timestampOf,
  timeWindowConditions,
  valueExpr,
  type QueryParts,
} from '../../src/engine/sql';
import type { ColumnInfo } from '../../src/engine/protocol';
import { explain } from './sql-fixture';

const num: ColumnInfo = { name: 'num_bikes', type: 'DOUBLE', kind: 'number' };
const kind: ColumnInfo = { name: 'kind', type: 'VARCHAR', kind: 'string' };
const odd: ColumnInfo = { name: 'odd "name"', type: 'VARCHAR', kind: 'string' };
const ok: ColumnInfo = { name: 'ok', type: 'BOOLEAN', kind: 'boolean' };
const ts: ColumnInfo = { name: 'ts', type: 'TIMESTAMP', kind: 'timestamp' };
const day: ColumnInfo = { name: 'day', type: 'DATE', kind: 'date' };
const raw: ColumnInfo = { name: 'raw_time', type: 'VARCHAR', kind: 'string' };

const where = (cond: string) => explain(`SELECT count(*) FROM points WHERE ${cond}`);
const expr = (e: string) => explain(`SELECT ${e} FROM points`);

describe('statistic expressions', () => {
  it('one aggregate per statistic, over the subquery column', async () => {
    const want: Record<string, string> = {
      count: 'count(*)::DOUBLE',
      distinct: 'count(DISTINCT __v)::DOUBLE',
      sum: 'sum(__v)',
      mean: 'avg(__v)',
      median: 'quantile_cont(__v, 0.5)',
      p90: 'quantile_cont(__v, 0.9)',
      min: 'min(__v)',
      max: 'max(__v)',
    };
    for (const [stat, sql] of Object.entries(want)) {
      expect(statExpr(stat as Parameters<typeof statExpr>[0], stat === 'count' ? null : '__v')).toBe(sql);
      await explain(`SELECT ${sql} FROM (SELECT num_bikes AS __v FROM points)`);
    }
  });
  it('values as DOUBLE, raw for distinct, none without a column', async () => {
    expect(valueExpr('sum', num)).toBe('CAST("num_bikes" AS DOUBLE)');
    expect(valueExpr('distinct', odd)).toBe('"odd ""name"""');
    expect(valueExpr('count', null)).toBeNull();
    await expr(valueExpr('mean', num)!);
    await expr(valueExpr('distinct', odd)!);
  });
});

describe('filter conditions', () => {
  it('ranges, inclusive unless said otherwise', async () => {
    expect(rangeCondition('num_bikes', { min: 1, max: 2.5, maxExclusive: true })).toBe('"num_bikes" >= 1 AND "num_bikes" < 2.5');
    expect(rangeCondition('num_bikes', { min: -3, minExclusive: true })).toBe('"num_bikes" > -3');
    expect(rangeCondition('num_bikes', { max: 7 })).toBe('"num_bikes" <= 7');
    expect(() => rangeCondition('num_bikes', {})).toThrow(/bound/);
    expect(() => rangeCondition('num_bikes', { min: NaN })).toThrow(/finite/);
    await where(rangeCondition('num_bikes', { min: 1, max: 2.5, maxExclusive: true }));
  });
  it('lists: text escaped, other types cast, NOT IN keeping NULLs', async () => {
    expect(inCondition(kind, ["it's", 'b'], false)).toBe(`"kind" IN ('it''s', 'b')`);
    expect(inCondition(num, [1, '2'], true)).toBe(`"num_bikes" IS NULL OR "num_bikes" NOT IN (1, CAST('2' AS DOUBLE))`);
    expect(inCondition(ok, [true], false)).toBe('"ok" IN (TRUE)');
    expect(inCondition(odd, ['x'], false)).toBe(`"odd ""name""" IN ('x')`);
    await where(inCondition(kind, ["it's", 'b'], false));
    await where(inCondition(num, [1, '2'], true));
    await where(inCondition(ok, [true], false));
  });
  it('a bbox on the coordinate columns, edges included', async () => {
    expect(bboxCondition('lon', 'lat', [-74, 40.5, -73.5, 41])).toBe('"lon" BETWEEN -74 AND -73.5 AND "lat" BETWEEN 40.5 AND 41');
    await where(bboxCondition('lon', 'lat', [-74, 40.5, -73.5, 41]));
  });
});

describe('time expressions', () => {
  it('columns as TIMESTAMP, text through strptime', async () => {
    expect(timestampOf(ts)).toBe('"ts"');
    expect(timestampOf(day)).toBe('CAST("day" AS TIMESTAMP)');
    expect(parsedTimestampOf(raw, "%d/%m/%Y %H'%M")).toBe(`try_strptime("raw_time", '%d/%m/%Y %H''%M')`);
    for (const e of [timestampOf(ts), timestampOf(day), parsedTimestampOf(raw, '%d/%m/%Y')]) await expr(e);
  });
  it('instants and half-open windows', async () => {
    expect(epochMsLiteral(1.7e12 + 0.4)).toBe('make_timestamp(1700000000000400::BIGINT)');
    expect(isoTimestampLiteral('2024-03-15 08:00')).toBe(`CAST('2024-03-15 08:00' AS TIMESTAMP)`);
    const w = timeWindowConditions('"ts"', isoTimestampLiteral('2024-03-15'), epochMsLiteral(1.7e12));
    expect(w).toEqual([`"ts" >= CAST('2024-03-15' AS TIMESTAMP)`, '"ts" < make_timestamp(1700000000000000::BIGINT)']);
    expect(timeWindowConditions('"ts"', null, null)).toEqual([]);
    expect(timeWindowConditions('"ts"', null, isoTimestampLiteral('2024-03-15'))).toEqual([`"ts" < CAST('2024-03-15' AS TIMESTAMP)`]);
    for (const c of w) await where(c);
  });
  it('bin keys as doubles', async () => {
    expect(timeBinKey('week', '"ts"')).toBe(`epoch_ms(date_trunc('week', "ts"))::DOUBLE`);
    expect(timeBinKey('hour-of-day', '"ts"')).toBe('hour("ts")::DOUBLE');
    expect(timeBinKey('day-of-week', '"ts"')).toBe('isodow("ts")::DOUBLE');
    for (const bin of ['hour', 'day', 'week', 'month', 'hour-of-day', 'day-of-week'] as const) await expr(timeBinKey(bin, '"ts"'));
  });
});

describe('aggregation queries', () => {
  const parts: QueryParts = {
    table: 'points',
    lon: 'lon',
    lat: 'lat',
    conditions: ['"lon" BETWEEN -180 AND 180 AND "lat" BETWEEN -90 AND 90', '"kind" IN (\'a\')'],
    stat: 'median',
    value: num,
  };

  it('one column of every row, in row order', async () => {
    expect(rowColumnQuery('points', 'count_int')).toBe('SELECT CAST("count_int" AS DOUBLE) AS v\nFROM "points"');
    expect(rowCoordinatesQuery('points', 'lon', 'lat', false)).toBe('SELECT CAST("lon" AS DOUBLE) AS x, CAST("lat" AS DOUBLE) AS y\nFROM "points"');
    const usable = 'CASE WHEN "lon" BETWEEN -180 AND 180 AND "lat" BETWEEN -90 AND 90';
    expect(rowCoordinatesQuery('points', 'lon', 'lat', true)).toBe(
      `SELECT ${usable} THEN CAST("lon" AS DOUBLE) END AS x, ${usable} THEN CAST("lat" AS DOUBLE) END AS y\nFROM "points"`,
    );
    await explain(rowColumnQuery('points', 'count_int'));
    await explain(rowCoordinatesQuery('points', 'lon', 'lat', true));
  });

  it('cells from the cached cell table, by POSITIONAL JOIN', async () => {
    expect(assignedCellsQuery(parts, 'cells')).toBe(
      [
        'WITH cells AS (',
        'SELECT "__citylens_cell" AS __cell, CAST("num_bikes" AS DOUBLE) AS __v',
        'FROM "points" POSITIONAL JOIN "cells"',
        `WHERE ("lon" BETWEEN -180 AND 180 AND "lat" BETWEEN -90 AND 90) AND ("kind" IN ('a'))`,
        ')',
        'SELECT __cell, count(*)::DOUBLE AS __n, quantile_cont(__v, 0.5)::DOUBLE AS __value',
        'FROM cells',
        'GROUP BY __cell',
        'ORDER BY __cell',
      ].join('\n'),
    );
    await explain(assignedCellsQuery(parts, 'cells'));
    await explain(assignedCellsQuery({ ...parts, stat: 'count', value: null, conditions: [] }, 'cells'));
  });

  it('time bins, rows without a key left out', async () => {
    const sql = timeBinsQuery({ ...parts, stat: 'count', value: null, conditions: [] }, timeBinKey('day', '"ts"'));
    expect(sql).toBe(
      [
        'WITH cells AS (',
        `SELECT epoch_ms(date_trunc('day', "ts"))::DOUBLE AS __key`,
        'FROM "points"',
        ')',
        'SELECT __key, count(*)::DOUBLE AS __n, count(*)::DOUBLE::DOUBLE AS __value',
        'FROM cells',
        'WHERE __key IS NOT NULL',
        'GROUP BY __key',
        'ORDER BY __key',
      ].join('\n'),
    );
    await explain(sql);
    await explain(timeBinsQuery(parts, timeBinKey('hour-of-day', '"ts"')));
  });

  it('district names and residents in feature order', async () => {
    expect(districtAttributesQuery('polygons', 'name', 'population', true)).toBe(
      'SELECT CAST("name" AS VARCHAR) AS __name, CAST("population" AS DOUBLE) AS __pop\nFROM "polygons"\nORDER BY "__fid"',
    );
    expect(districtAttributesQuery('polygons', null, null, false)).toBe('SELECT NULL::VARCHAR AS __name, NULL::DOUBLE AS __pop\nFROM "polygons"');
    await explain(districtAttributesQuery('polygons', 'name', 'population', true));
    await explain(districtAttributesQuery('polygons', null, null, false));
  });

  it('drops a scratch table', async () => {
    expect(dropTableQuery('__citylens_cells_1')).toBe('DROP TABLE IF EXISTS "__citylens_cells_1"');
    await explain(dropTableQuery('cells'));
  });
});
