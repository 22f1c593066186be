// The SQL console's own statements and the "show method" statements: exact text, and
// that DuckDB binds each against the fixture schema (tests/unit/sql-fixture.ts).
import { describe, expect, it } from 'vitest';
import {
  beyondDoubleSql,
  cellMethodSql,
  consoleResultSql,
  createSchemaSql,
  currentSettingSql,
  featureListSql,
  featureValuesMethodSql,
  joinMatchSql,
  memoryUsedSql,
  resetSql,
  resultColumnsSql,
  sampleValuesSql,
  schemaColumnsSql,
  textRowsSql,
} from '../../src/engine/sql';
import { explain, runRolledBack } from './sql-fixture';

const ROWS = `INSERT INTO points (__fid, lon, lat, kind, count_int) VALUES (0, 1.5, 2, 'a', 3), (1, NULL, 4, 'b,"c"', NULL), (2, 0.1, 5, NULL, 9)`;
const DISTRICT_ROWS = `INSERT INTO polygons VALUES (0, 'A', 10), (1, 'B', 20)`;

describe('console SQL', () => {
  it('createSchemaSql', async () => {
    expect(createSchemaSql('scratch')).toBe('CREATE SCHEMA IF NOT EXISTS "scratch"');
    await runRolledBack(createSchemaSql('scratch'));
  });

  it('consoleResultSql puts the query on lines of its own inside FROM ( … )', async () => {
    const sql = consoleResultSql('res', 'SELECT kind FROM points -- a comment');
    expect(sql).toBe('CREATE OR REPLACE TEMP TABLE "res" AS FROM (\nSELECT kind FROM points -- a comment\n)');
    await explain(sql);
  });

  it('textRowsSql: every column as DuckDB text, limit and offset', async () => {
    expect(textRowsSql('points', 10)).toBe('SELECT CAST(COLUMNS(*) AS VARCHAR)\nFROM "points"\nLIMIT 10');
    expect(textRowsSql('points', 10, 20)).toBe('SELECT CAST(COLUMNS(*) AS VARCHAR)\nFROM "points"\nLIMIT 10\nOFFSET 20');
    await explain(textRowsSql('points', 10, 20));
    const rows = await runRolledBack(textRowsSql('points', 2, 1), [ROWS]);
    expect(rows.map((r) => [r.__fid, r.lon, r.kind])).toEqual([['1', null, 'b,"c"'], ['2', '0.1', null]]);
  });

  it('resultColumnsSql casts only the columns asked for to text', async () => {
    const sql = resultColumnsSql('points', [{ name: 'lon', text: false }, { name: 'count_int', text: true }]);
    expect(sql).toBe('SELECT "lon", CAST("count_int" AS VARCHAR) AS "count_int"\nFROM "points"');
    await explain(sql);
  });

  it('settings and memory: RESET, current_setting, bytes held', async () => {
    expect(resetSql('memory_limit')).toBe('RESET "memory_limit"');
    expect(currentSettingSql('memory_limit')).toBe("SELECT current_setting('memory_limit') AS v");
    await explain(currentSettingSql('memory_limit'));
    expect(memoryUsedSql()).toBe('SELECT coalesce(sum(memory_usage_bytes), 0)::DOUBLE AS b\nFROM duckdb_memory()');
    await explain(memoryUsedSql());
  });

  it('schemaColumnsSql lists tables and views of a schema with their columns in order', async () => {
    const sql = schemaColumnsSql('main');
    expect(sql).toBe(
      [
        `SELECT c.table_name AS name, CASE WHEN v.view_name IS NULL THEN 'table' ELSE 'view' END AS kind, c.column_name AS "column", c.data_type AS type`,
        'FROM duckdb_columns() c LEFT JOIN duckdb_views() v ON v.database_name = c.database_name AND v.schema_name = c.schema_name AND v.view_name = c.table_name',
        `WHERE c.schema_name = 'main' AND NOT c.internal`,
        'ORDER BY c.table_name, c.column_index',
      ].join('\n'),
    );
    const rows = await runRolledBack(sql, ['CREATE VIEW named AS SELECT name FROM polygons']);
    expect(rows.filter((r) => r.name === 'polygons' || r.name === 'named').map((r) => [r.name, r.kind, r.column, r.type])).toEqual([
      ['named', 'view', 'name', 'VARCHAR'],
      ['polygons', 'table', '__fid', 'INTEGER'],
      ['polygons', 'table', 'name', 'VARCHAR'],
      ['polygons', 'table', 'population', 'DOUBLE'],
    ]);
  });

  it('sampleValuesSql: non-null values in table order, as text or as they are', async () => {
    expect(sampleValuesSql('points', 'kind', 5, true)).toBe('SELECT CAST("kind" AS VARCHAR) AS v\nFROM "points"\nWHERE "kind" IS NOT NULL\nLIMIT 5');
    expect(sampleValuesSql('points', 'geom', 5, false)).toBe('SELECT "geom" AS v\nFROM "points"\nWHERE "geom" IS NOT NULL\nLIMIT 5');
    expect(await runRolledBack(sampleValuesSql('points', 'count_int', 5, true), [ROWS])).toEqual([{ v: '3' }, { v: '9' }]);
  });

  it('joinMatchSql counts distinct keys and those found, as text', async () => {
    const sql = joinMatchSql('points', 'kind', 'polygons', 'name', 1000);
    expect(sql).toBe(
      [
        'SELECT count(*)::DOUBLE AS n, count(d.k)::DOUBLE AS matched',
        'FROM (SELECT DISTINCT CAST("kind" AS VARCHAR) AS v',
        'FROM (SELECT "kind"',
        'FROM "points"',
        'LIMIT 1000)',
        'WHERE "kind" IS NOT NULL) r LEFT JOIN (SELECT DISTINCT CAST("name" AS VARCHAR) AS k',
        'FROM "polygons") d ON d.k = r.v',
      ].join('\n'),
    );
    // Keys a, b,"c" (NULL left out); polygons are named A and B: none matches (case counts).
    expect(await runRolledBack(sql, [ROWS, DISTRICT_ROWS])).toEqual([{ n: 2, matched: 0 }]);
    expect(await runRolledBack(joinMatchSql('polygons', 'name', 'polygons', 'name', 1), [DISTRICT_ROWS])).toEqual([{ n: 1, matched: 1 }]);
  });

  it('beyondDoubleSql flags columns past 2^53', async () => {
    const sql = beyondDoubleSql('points', ['count_int', '__fid']);
    expect(sql).toBe('SELECT coalesce(max(abs("count_int")) > 9007199254740992, false) AS x0, coalesce(max(abs("__fid")) > 9007199254740992, false) AS x1\nFROM "points"');
    expect(await runRolledBack(sql, [ROWS])).toEqual([{ x0: false, x1: false }]);
  });
});

describe('show-method SQL', () => {
  const perCell = 'SELECT 0 AS __cell, 7::DOUBLE AS __n, 2.5::DOUBLE AS __value';
  it('cellMethodSql: cells with rows, suppressed below the minimum count', async () => {
    const sql = cellMethodSql({ perCell, idsTable: 'ids', idColumns: ['col', 'row'], listsEmpty: false, emptyValue: 0, minCount: 5 });
    expect(sql).toBe(
      [
        'SELECT k."col", k."row", CASE WHEN p.__n >= 5 THEN p.__n END AS "count", CASE WHEN p.__n >= 5 THEN p.__value END AS "value"',
        'FROM "ids" k JOIN (',
        perCell,
        ') p ON p.__cell = k."__citylens_cell"',
        'ORDER BY k."__citylens_cell"',
      ].join('\n'),
    );
    const ids = 'CREATE TABLE ids AS SELECT * FROM (VALUES (0, 3, 4), (1, 5, 6)) v(__citylens_cell, col, "row")';
    expect(await runRolledBack(sql, [ids])).toEqual([{ col: 3, row: 4, count: 7, value: 2.5 }]);
    const strict = cellMethodSql({ perCell, idsTable: 'ids', idColumns: ['col'], listsEmpty: false, emptyValue: null, minCount: 8 });
    expect(await runRolledBack(strict, [ids])).toEqual([{ col: 3, count: null, value: null }]);
  });

  it('cellMethodSql: districts list every cell, empty ones with 0 rows and the empty value', async () => {
    const sql = cellMethodSql({ perCell, idsTable: 'ids', idColumns: ['feature', 'name'], listsEmpty: true, emptyValue: 0, minCount: 0 });
    expect(sql).toBe(
      [
        'SELECT k."feature", k."name", coalesce(p.__n, 0) AS "count", CASE WHEN p.__cell IS NULL THEN 0 ELSE p.__value END AS "value"',
        'FROM "ids" k LEFT JOIN (',
        perCell,
        ') p ON p.__cell = k."__citylens_cell"',
        'ORDER BY k."__citylens_cell"',
      ].join('\n'),
    );
    const ids = "CREATE TABLE ids AS SELECT * FROM (VALUES (0, 0, 'A'), (1, NULL, NULL)) v(__citylens_cell, feature, name)";
    expect(await runRolledBack(sql, [ids])).toEqual([
      { feature: 0, name: 'A', count: 7, value: 2.5 },
      { feature: null, name: null, count: 0, value: 0 },
    ]);
    const mean = cellMethodSql({ perCell, idsTable: 'ids', idColumns: ['feature'], listsEmpty: true, emptyValue: null, minCount: 0 });
    expect(await runRolledBack(mean, [ids])).toEqual([{ feature: 0, count: 7, value: 2.5 }, { feature: null, count: 0, value: null }]);
  });

  it('featureListSql and featureValuesMethodSql: feature order by __fid, else rowid', async () => {
    expect(featureListSql('polygons', '__fid', 'name')).toBe('SELECT "__fid" AS feature, "name"::VARCHAR AS name\nFROM "polygons"\nORDER BY "__fid"');
    expect(featureListSql('polygons', null, null)).toBe('SELECT rowid AS feature\nFROM "polygons"\nORDER BY rowid');
    await explain(featureListSql('polygons', null, 'name'));
    const values = featureValuesMethodSql('polygons', 'population', '__fid', 'name');
    expect(values).toBe('SELECT "__fid" AS feature, "name"::VARCHAR AS name, "population"::DOUBLE AS value\nFROM "polygons"\nORDER BY "__fid"');
    expect(await runRolledBack(values, [DISTRICT_ROWS])).toEqual([{ feature: 0, name: 'A', value: 10 }, { feature: 1, name: 'B', value: 20 }]);
  });
});
