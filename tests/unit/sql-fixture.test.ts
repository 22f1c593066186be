import { describe, expect, it } from 'vitest';
import { explain, fixtureEngine, runRolledBack } from './sql-fixture';

describe('the SQL fixture schema', () => {
  it('binds a query over it and refuses an unknown column', async () => {
    await explain('SELECT count(*) FROM points WHERE lon BETWEEN -180 AND 180');
    await expect(explain('SELECT nope FROM points')).rejects.toThrow(/nope/);
  });

  it('reads its registered CSV file', async () => {
    expect(await runRolledBack(`SELECT kind FROM read_csv('fixture.csv') ORDER BY kind`)).toEqual([{ kind: 'a' }, { kind: 'b' }]);
  });

  it('runs a catalog statement rolled back: names are checked, the schema stays', async () => {
    await expect(runRolledBack('ALTER TABLE points DROP COLUMN nope')).rejects.toThrow(/nope/);
    await runRolledBack('ALTER TABLE points DROP COLUMN kind');
    const { connection } = await fixtureEngine();
    const columns = connection.query('DESCRIBE points').toArray().map((r: { toJSON(): unknown }) => (r.toJSON() as { column_name: string }).column_name);
    expect(columns).toContain('kind');
  });
});
