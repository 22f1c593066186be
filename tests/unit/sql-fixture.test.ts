import { describe, expect, it } from 'vitest';
import { explain } from './sql-fixture';

describe('the SQL fixture schema', () => {
  it('binds a query over it and refuses an unknown column', async () => {
    await explain('SELECT count(*) FROM points WHERE lon BETWEEN -180 AND 180');
    await expect(explain('SELECT nope FROM points')).rejects.toThrow(/nope/);
  });
});
