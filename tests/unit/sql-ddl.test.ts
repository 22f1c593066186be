// Catalog statements and settings: exact text, and DuckDB accepts them against the
// fixture schema (EXPLAIN, then run in a rolled-back transaction to check names).
import { describe, expect, it } from 'vitest';
import {
  alterColumnTypeSql,
  createTableAsSql,
  dropColumnSql,
  dropTableSql,
  renameTableSql,
  setSql,
  versionSql,
} from '../../src/engine/sql';
import { explain, runRolledBack } from './sql-fixture';

describe('DDL builders', () => {
  it('dropTableSql: IF EXISTS by default, plain when asked', async () => {
    expect(dropTableSql('points')).toBe('DROP TABLE IF EXISTS "points"');
    expect(dropTableSql('points', false)).toBe('DROP TABLE "points"');
    expect(dropTableSql('a"b')).toBe('DROP TABLE IF EXISTS "a""b"');
    await explain(dropTableSql('points', false));
    await runRolledBack(dropTableSql('nope'));
    await expect(runRolledBack(dropTableSql('nope', false))).rejects.toThrow(/nope/);
  });

  it('createTableAsSql wraps a query', async () => {
    const sql = createTableAsSql('copy', 'SELECT lon, lat FROM points');
    expect(sql).toBe('CREATE TABLE "copy" AS SELECT lon, lat FROM points');
    await explain(sql);
    await runRolledBack(sql);
  });

  it('renameTableSql', async () => {
    const sql = renameTableSql('points', 'renamed');
    expect(sql).toBe('ALTER TABLE "points" RENAME TO "renamed"');
    await explain(sql);
    await runRolledBack(sql);
  });

  it('dropColumnSql', async () => {
    const sql = dropColumnSql('points', 'geom');
    expect(sql).toBe('ALTER TABLE "points" DROP COLUMN "geom"');
    await explain(sql);
    await runRolledBack(sql);
    await expect(runRolledBack(dropColumnSql('points', 'nope'))).rejects.toThrow(/nope/);
  });

  it('alterColumnTypeSql', async () => {
    const sql = alterColumnTypeSql('points', 'raw_time', 'TIMESTAMP', 'try_cast("raw_time" AS TIMESTAMP)');
    expect(sql).toBe('ALTER TABLE "points" ALTER COLUMN "raw_time" SET DATA TYPE TIMESTAMP USING try_cast("raw_time" AS TIMESTAMP)');
    await explain(sql);
    await runRolledBack(sql);
  });
});

describe('settings builders', () => {
  it('setSql quotes the name and writes booleans, numbers and text as literals', async () => {
    expect(setSql('autoinstall_known_extensions', false)).toBe('SET "autoinstall_known_extensions" = false');
    expect(setSql('threads', 1)).toBe('SET "threads" = 1');
    expect(setSql('memory_limit', "1'GB")).toBe(`SET "memory_limit" = '1''GB'`);
    expect(() => setSql('threads', NaN)).toThrow(/finite/);
    await explain(setSql('autoinstall_known_extensions', false));
    // The engine's own settings: running them again changes nothing.
    await runRolledBack(setSql('autoload_known_extensions', false));
    expect(await runRolledBack(`SELECT current_setting('autoload_known_extensions') AS v`)).toEqual([{ v: false }]);
  });

  it('versionSql', async () => {
    expect(versionSql()).toBe('SELECT version() AS v');
    await explain(versionSql());
    const [row] = await runRolledBack(versionSql());
    expect(String(row.v)).toMatch(/^v\d+\.\d+\.\d+/);
  });
});
