// Cancel stops a runaway console statement (a cross join of the 1.8M Citi Bike rows
// with themselves) between DuckDB's slices; the engine answers again, the data and its
// layers are as they were. The time from Cancel to the next answer is measured by the
// benchmark (scripts/bench); here it is only printed.
import { beforeAll, describe, expect, it } from 'vitest';
import { nodePlatform } from '../../src/engine/platform-node';
import { createEngineService } from '../../src/engine/service/engine-service';
import type { DatasetInfo } from '../../src/engine/protocol';
import { hasSharedData, sharedFile } from '../shared-data';
import { num, textRows } from './console-helpers';

const ROWS = 1_798_339;

describe.skipIf(!hasSharedData)('cancelling a console statement', () => {
  const service = createEngineService(nodePlatform);
  let bikes: DatasetInfo;

  beforeAll(async () => {
    await service.init({ baseUrl: 'file:///' });
    bikes = await service.loadUrl(sharedFile('nyc_citibike_station_status_2024-03.parquet'), {});
  }, 120_000);

  it('stops a cross join of the 1.8M rows with themselves, and the next statement runs', async () => {
    const sql = `SELECT count(*) AS n, sum(a.num_bikes_available * b.num_docks_available) AS s\nFROM ${bikes.id} a CROSS JOIN ${bikes.id} b`;
    const running = service.query({ type: 'console-run', sql }, { id: 'runaway' });
    const outcome = running.then(
      () => 'finished',
      (err: Error) => err.name,
    );
    // Let it run a few of DuckDB's slices first.
    await new Promise((r) => setTimeout(r, 400));
    const t0 = performance.now();
    await service.cancel('runaway');
    expect(await outcome).toBe('AbortError');
    const stopped = performance.now() - t0;
    const [after] = textRows((await service.query({ type: 'console-run', sql: `SELECT count(*) AS n FROM ${bikes.id}` })).value);
    const answered = performance.now() - t0;
    expect(num(after.n)).toBe(ROWS);
    console.log(`console cancel: stopped ${stopped.toFixed(0)} ms after Cancel, next answer after ${answered.toFixed(0)} ms`);

    // The dataset and a layer over it are as they were.
    const layer = await service.query({ type: 'layer', layer: { kind: 'h3', dataset: bikes.id, by: { kind: 'h3', resolution: 7 }, minCount: 0 } });
    expect(layer.value.kind === 'areas' && layer.value.result!.rows).toBe(ROWS);
  }, 120_000);

  it('drops a statement cancelled while it waits behind another, and the id is free again', async () => {
    const slow = service.query({ type: 'console-run', sql: `SELECT count(*) FROM ${bikes.id} a CROSS JOIN ${bikes.id} b` }, { id: 'slow' });
    const queued = service.query({ type: 'console-run', sql: 'SELECT 1 AS one' }, { id: 'queued' });
    await service.cancel('queued');
    await expect(queued).rejects.toMatchObject({ name: 'AbortError' });
    await service.cancel('slow');
    await expect(slow).rejects.toMatchObject({ name: 'AbortError' });
    const [one] = textRows((await service.query({ type: 'console-run', sql: 'SELECT 1 AS one' }, { id: 'slow' })).value);
    expect(one.one).toBe('1');
  }, 120_000);
});
