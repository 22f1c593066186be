// What a table holds, and per-feature columns: exact text, and DuckDB binds each
// against the fixture schema (a few also run on rows inserted in a rolled-back transaction).
import { describe, expect, it } from 'vitest';
import {
  columnValuesSql,
  describeSql,
  distinctCountsSql,
  featureNamesSql,
  nullCountsSql,
  rowCountSql,
  tableMemorySql,
} from '../../src/engine/sql';
import { explain, runRolledBack } from './sql-fixture';

const KINDS = `INSERT INTO points (__fid, kind, ok) VALUES (0, 'a', true), (1, 'b', NULL), (2, 'a', false), (3, NULL, NULL)`;

describe('describe builders', () => {
  it('describeSql lists the columns in order', async () => {
    expect(describeSql('points')).toBe('DESCRIBE "points"');
    await explain(describeSql('points'));
    const rows = await runRolledBack(describeSql('polygons'));
    expect(rows.map((r) => [r.column_name, r.column_type])).toEqual([
      ['__fid', 'INTEGER'],
      ['name', 'VARCHAR'],
      ['population', 'DOUBLE'],
    ]);
  });

  it('rowCountSql', async () => {
    expect(rowCountSql('points')).toBe('SELECT count(*)::BIGINT AS n\nFROM "points"');
    await explain(rowCountSql('points'));
    expect(await runRolledBack(rowCountSql('points'), [KINDS])).toEqual([{ n: 4 }]);
  });

  it('nullCountsSql: one column per input column, in order', async () => {
    const sql = nullCountsSql('points', ['kind', 'odd "name"']);
    expect(sql).toBe('SELECT (count(*) - count("kind"))::DOUBLE AS n0, (count(*) - count("odd ""name"""))::DOUBLE AS n1\nFROM "points"');
    await explain(sql);
    expect(await runRolledBack(nullCountsSql('points', ['kind', 'ok']), [KINDS])).toEqual([{ n0: 1, n1: 2 }]);
  });

  it('distinctCountsSql over the whole table or its first rows', async () => {
    const all = distinctCountsSql('points', ['kind', 'ok']);
    expect(all).toBe('SELECT count(DISTINCT "kind")::DOUBLE AS d0, count(DISTINCT "ok")::DOUBLE AS d1\nFROM "points"');
    const first = distinctCountsSql('points', ['kind', 'ok'], 100_000);
    expect(first).toBe(
      'SELECT count(DISTINCT "kind")::DOUBLE AS d0, count(DISTINCT "ok")::DOUBLE AS d1\nFROM (SELECT "kind", "ok"\nFROM "points"\nLIMIT 100000)',
    );
    await explain(all);
    await explain(first);
    expect(await runRolledBack(all, [KINDS])).toEqual([{ d0: 2, d1: 2 }]);
    // The first two rows: kinds 'a' and 'b' (2); booleans true and NULL (1: NULL is not counted).
    expect(await runRolledBack(distinctCountsSql('points', ['kind', 'ok'], 2), [KINDS])).toEqual([{ d0: 2, d1: 1 }]);
  });

  it('tableMemorySql', async () => {
    expect(tableMemorySql()).toBe("SELECT coalesce(sum(memory_usage_bytes), 0)::DOUBLE AS b\nFROM duckdb_memory()\nWHERE tag = 'IN_MEMORY_TABLE'");
    await explain(tableMemorySql());
  });
});

describe('feature builders', () => {
  it('columnValuesSql in feature order, or table order', async () => {
    expect(columnValuesSql('polygons', 'population', '__fid')).toBe('SELECT "population"::DOUBLE AS v\nFROM "polygons"\nORDER BY "__fid"');
    expect(columnValuesSql('polygons', 'population', null)).toBe('SELECT "population"::DOUBLE AS v\nFROM "polygons"');
    await explain(columnValuesSql('polygons', 'population', '__fid'));
    const rows = await runRolledBack(columnValuesSql('polygons', 'population', '__fid'), [
      `INSERT INTO polygons VALUES (1, 'b', 20), (0, 'a', 10), (2, NULL, NULL)`,
    ]);
    expect(rows.map((r) => r.v)).toEqual([10, 20, null]);
  });

  it('featureNamesSql as text, in feature order', async () => {
    expect(featureNamesSql('polygons', 'name', '__fid')).toBe('SELECT "name"::VARCHAR AS n\nFROM "polygons"\nORDER BY "__fid"');
    expect(featureNamesSql('polygons', '__fid', null)).toBe('SELECT "__fid"::VARCHAR AS n\nFROM "polygons"');
    await explain(featureNamesSql('polygons', 'name', '__fid'));
    const rows = await runRolledBack(featureNamesSql('polygons', 'name', '__fid'), [`INSERT INTO polygons VALUES (1, 'b', 20), (0, 'a', 10)`]);
    expect(rows.map((r) => r.n)).toEqual(['a', 'b']);
  });
});
