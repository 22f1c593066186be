// LoadOptions.id: a config's dataset id becomes the table's id as it is, so the config's
// layers find their table; an id that is not a table name, or is taken, fails the load
// with a coded error naming it, never quietly another id.
import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine';
import { nodePlatform } from '../../src/engine/platform-node';
import { engineFailure } from '../../src/engine/engine-error';

const CSV = 'name,lon,lat,n\na,-73.99,40.73,1\nb,-73.98,40.74,2\nc,-73.97,40.75,4\n';
const bytes = () => new TextEncoder().encode(CSV);

describe('engine: the table id a load asks for', () => {
  const engine = new Engine(nodePlatform);
  beforeAll(async () => {
    await engine.init();
  });

  it('uses the id as given, whatever the name and file name would make', async () => {
    const info = await engine.loadBytes('Bike Stations 2024-03.csv', bytes(), { id: 'bikes_2024_03', name: 'Citi Bike, March 2024' });
    expect(info.id).toBe('bikes_2024_03');
    expect(info.name).toBe('Citi Bike, March 2024');
    const rows = engine.connection.query('SELECT count(*)::INTEGER AS n, sum(n)::INTEGER AS s FROM bikes_2024_03').toArray()[0].toJSON();
    expect(rows).toEqual({ n: 3, s: 7 });
    // Without an id the name decides, as before.
    const other = await engine.loadBytes('Bike Stations 2024-03.csv', bytes(), { name: 'Citi Bike, March 2024' });
    expect(other.id).toBe('citi_bike_march_2024');
  });

  it('refuses an id that is taken, naming the file and the id, and loads nothing', async () => {
    const before = engine.listDatasets().map((d) => d.id);
    const err = await engine.loadBytes('again.csv', bytes(), { id: 'bikes_2024_03' }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect(engineFailure(err)?.code).toBe('dataset-id-taken');
    expect((err as Error).message).toBe('again.csv: dataset id "bikes_2024_03" is taken by a dataset already loaded');
    expect(engine.listDatasets().map((d) => d.id)).toEqual(before);
  });

  it('refuses an id that is not a table name rather than change it', async () => {
    for (const id of ['bikes-2024', 'Bikes', '2024', '', 'a b', 'x'.repeat(61)]) {
      const err = await engine.loadBytes('x.csv', bytes(), { id }).catch((e: Error) => e);
      expect(engineFailure(err)?.code).toBe('dataset-id-invalid');
      expect((err as Error).message).toMatch(new RegExp(`^x\\.csv: dataset id ${JSON.stringify(id).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not a table id`));
    }
    expect(engine.listDatasets().map((d) => d.id)).toEqual(['bikes_2024_03', 'citi_bike_march_2024']);
  });
});
