// Cancelling a load: the promise rejects with an AbortError naming the file, no table is
// left in DuckDB, and what was loaded before stays.
import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine';
import { nodePlatform } from '../../src/engine/platform-node';
import type { LoadProgress } from '../../src/engine/protocol';
import { hasSharedData, sharedFile } from '../shared-data';

const CITIBIKE = 'nyc_citibike_station_status_2024-03.parquet';

function tables(engine: Engine): string[] {
  return engine.connection
    .query('SELECT table_name FROM duckdb_tables()')
    .toArray()
    .map((r) => String(r.toJSON().table_name));
}

describe.skipIf(!hasSharedData)('engine: cancelling a load', () => {
  const engine = new Engine(nodePlatform);
  beforeAll(async () => {
    await engine.init();
    await engine.loadUrl(sharedFile('sf_bike_parking_racks.csv'), {});
  });

  it('rejects a load cancelled at its first progress callback and leaves no table', async () => {
    const seen: LoadProgress[] = [];
    const load = engine.loadUrl(sharedFile(CITIBIKE), { loadId: 'first' }, (p) => {
      seen.push(p);
      if (seen.length === 1) engine.cancelLoad('first');
    });
    await expect(load).rejects.toMatchObject({ name: 'AbortError', message: `${CITIBIKE}: loading cancelled` });
    expect(seen.length).toBeGreaterThan(0);
    expect(engine.listDatasets().map((d) => d.id)).toEqual(['sf_bike_parking_racks']);
    expect(tables(engine).filter((t) => t.startsWith('nyc_citibike'))).toEqual([]);
  });

  it('stops between Parquet row groups once rows are in DuckDB, and drops the partial table', async () => {
    const inserts: LoadProgress[] = [];
    const load = engine.loadUrl(sharedFile(CITIBIKE), { loadId: 'mid' }, (p) => {
      if (p.phase !== 'insert' || !p.rows) return;
      inserts.push(p);
      // The first row group is already in the table when this arrives.
      expect(tables(engine)).toContain('nyc_citibike_station_status_2024_03');
      engine.cancelLoad('mid');
    });
    await expect(load).rejects.toMatchObject({ name: 'AbortError', message: `${CITIBIKE}: loading cancelled` });
    expect(inserts).toHaveLength(1);
    expect(inserts[0].rows).toBeLessThan(1_798_339);
    expect(inserts[0].rowsTotal).toBe(1_798_339);
    expect(tables(engine).filter((t) => t.startsWith('nyc_citibike'))).toEqual([]);
    expect(engine.listDatasets().map((d) => d.id)).toEqual(['sf_bike_parking_racks']);
  });

  it('loads the same file afterwards, and frees the load id', async () => {
    const info = await engine.loadUrl(sharedFile(CITIBIKE), { loadId: 'mid' });
    expect(info.rows).toBe(1_798_339);
    expect(info.id).toBe('nyc_citibike_station_status_2024_03');
    // Cancelling a finished load changes nothing.
    engine.cancelLoad('mid');
    expect(engine.listDatasets()).toHaveLength(2);
  });

  it('renames a dataset without changing its id or table', () => {
    const renamed = engine.renameDataset('sf_bike_parking_racks', '  SF racks ');
    expect(renamed).toMatchObject({ id: 'sf_bike_parking_racks', name: 'SF racks' });
    expect(engine.listDatasets().find((d) => d.id === 'sf_bike_parking_racks')!.name).toBe('SF racks');
    expect(tables(engine)).toContain('sf_bike_parking_racks');
    expect(() => engine.renameDataset('sf_bike_parking_racks', '  ')).toThrow(/non-empty name/);
  });
});
