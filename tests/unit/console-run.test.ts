// The SQL console over the real sample data, through the engine service as the worker
// runs it: console queries give the engine API's numbers; refused statements get their
// messages and leave every dataset and layer as it was; errors point into the text;
// values come back as DuckDB's text (HTML stays text); the table is capped and says so,
// while CSV and Parquet exports have every row; results go on the map as datasets.
import { beforeAll, describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { readParquet } from 'parquet-wasm/node';
import { nodePlatform } from '../../src/engine/platform-node';
import { createEngineService } from '../../src/engine/service/engine-service';
import type { DatasetInfo } from '../../src/engine/protocol';
import { engineText } from '../../src/i18n';
import { hasSharedData, sharedFile } from '../shared-data';
import { num, okRows, parseCsv, textRows } from './console-helpers';

describe.skipIf(!hasSharedData)('SQL console over the sample data', () => {
  const service = createEngineService(nodePlatform);
  let racks: DatasetInfo;
  let animals: DatasetInfo;
  const run = async (sql: string, maxRows?: number) => (await service.query({ type: 'console-run', sql, maxRows })).value;

  beforeAll(async () => {
    await service.init({ baseUrl: 'file:///' });
    racks = await service.loadUrl(sharedFile('sf_bike_parking_racks.csv'), {});
    animals = await service.loadUrl(sharedFile('nyc_311_animal_complaints_2025.csv'), {});
  });

  it('gives the numbers of the engine API: totals of an aggregation and time bins', async () => {
    const hex = await service.query({ type: 'aggregate', dataset: racks.id, by: { kind: 'hexagon', sizeM: 400 }, stat: 'sum', value: 'spaces', minCount: 0 });
    let rows = 0;
    let spaces = 0;
    for (let i = 0; i < hex.value.length; i++) {
      rows += hex.value.counts[i];
      spaces += hex.value.values[i];
    }
    const [total] = textRows(await run(`SELECT count(*) AS n, sum(spaces) AS s FROM ${racks.id} WHERE lon IS NOT NULL AND lat IS NOT NULL`));
    expect([num(total.n), num(total.s)]).toEqual([rows, spaces]);
    expect(rows).toBe(2520);

    // The load read "Created Date" (%m/%d/%Y %H:%M text) as a TIMESTAMP.
    const bins = await service.query({ type: 'time-bins', dataset: animals.id, column: 'Created Date', bin: 'month', minCount: 0 });
    const months = textRows(await run(`SELECT month("Created Date") AS m, count(*) AS n\nFROM ${animals.id}\nWHERE "Created Date" IS NOT NULL\nGROUP BY 1 ORDER BY 1`));
    expect(months.map((m) => num(m.n))).toEqual(Array.from(bins.value.counts));
    expect(months.map((m) => num(m.m))).toEqual(Array.from(bins.value.keys, (k) => new Date(k).getUTCMonth() + 1));
  });

  it('refuses each dangerous kind with its message, and the datasets and layers stay', async () => {
    const refused: [string, string][] = [
      [`DROP TABLE ${racks.id}`, 'console-refused-drop'],
      [`ALTER TABLE ${racks.id} DROP COLUMN spaces`, 'console-refused-alter'],
      ['INSTALL spatial', 'console-refused-install'],
      ['LOAD spatial', 'console-refused-load'],
      ["ATTACH 'other.db'", 'console-refused-attach'],
      ["SET memory_limit = '1GB'", 'console-refused-set'],
      ['PRAGMA enable_profiling', 'console-refused-pragma'],
      [`COPY ${racks.id} TO 'racks.csv'`, 'console-refused-copy'],
      ["EXPORT DATABASE 'out'", 'console-refused-export'],
      [`DELETE FROM ${racks.id}`, 'console-refused-write'],
      [`SELECT 1; DROP TABLE ${racks.id}`, 'console-refused-multiple'],
    ];
    for (const [sql, code] of refused) {
      const r = await run(sql);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect([sql, r.error.code]).toEqual([sql, code]);
      // Worded by the catalogue, not left as the code.
      expect(engineText(r.error)).not.toBe(code);
    }
    const [after] = textRows(await run(`SELECT count(*) AS n FROM ${racks.id}`));
    expect(num(after.n)).toBe(2520);
    const layer = await service.query({ type: 'layer', layer: { kind: 'hexagon', dataset: racks.id, by: { kind: 'hexagon', sizeM: 400 }, minCount: 0 } });
    expect(layer.value.kind).toBe('cells');
  });

  it('answers a mistake with DuckDB’s message and the place in the text', async () => {
    const sql = `SELECT spaces,\n       nope\nFROM ${racks.id}`;
    const r = await run(sql);
    if (r.ok) throw new Error('expected an error');
    expect(r.error.code).toBe('console-error');
    expect(String(r.error.params!.detail)).toMatch(/^Binder Error: Referenced column "nope" not found/);
    expect(sql.slice(r.range!.from, r.range!.to)).toBe('nope');
    const syntax = await run('SELECT spaces FROM');
    expect(syntax.ok || syntax.range).toMatchObject({ from: 14 });
  });

  it('returns values as DuckDB’s text: HTML stays text, NULL stays null, big integers keep their digits', async () => {
    const rows = textRows(await run(`SELECT '<img src=x onerror=alert(1)>' AS html, NULL::INTEGER AS nothing, 613196570331971583::UBIGINT AS h3, DATE '2024-03-01' AS d, [1, 2] AS l`));
    expect(rows).toEqual([{ html: '<img src=x onerror=alert(1)>', nothing: null, h3: '613196570331971583', d: '2024-03-01', l: '[1, 2]' }]);
  });

  it('caps the rows of the table and says so; CSV and Parquet exports have every row', async () => {
    const r = okRows(await run(`SELECT address, spaces, lon, lat FROM ${racks.id} ORDER BY spaces DESC, address`, 100));
    expect([r.rowsShown, r.rowsTotal]).toEqual([100, 2520]);
    expect(r.mappings[0]).toEqual({ kind: 'lonlat', lon: 'lon', lat: 'lat' });
    const want = textRows(await run(`SELECT address, spaces, lon, lat FROM ${racks.id} ORDER BY spaces DESC, address`));
    const csv = await service.query({ type: 'console-export', format: 'csv' });
    const lines = parseCsv(new TextDecoder().decode(csv.value.bytes));
    expect(lines[0]).toEqual(['address', 'spaces', 'lon', 'lat']);
    expect(lines.length).toBe(2521);
    expect(lines.slice(1)).toEqual(want.map((w) => [w.address ?? '', w.spaces ?? '', w.lon ?? '', w.lat ?? '']));
    const pq = await service.query({ type: 'console-export', format: 'parquet' });
    const back = tableFromIPC(readParquet(pq.value.bytes).intoIPCStream());
    expect(back.numRows).toBe(2520);
    let spaces = 0;
    for (const v of back.getChild('spaces')!) spaces += Number(v);
    const [total] = textRows(await run(`SELECT sum(spaces) AS s FROM ${racks.id}`));
    expect(spaces).toBe(num(total.s));
  });

  it('writes integers past 2^53 to Parquet as text, every digit kept', async () => {
    okRows(await run('SELECT 613196570331971583::UBIGINT AS h3, 7::BIGINT AS n'));
    const pq = await service.query({ type: 'console-export', format: 'parquet' });
    const back = tableFromIPC(readParquet(pq.value.bytes).intoIPCStream());
    expect(back.getChild('h3')!.get(0)).toBe('613196570331971583');
    expect(Number(back.getChild('n')!.get(0))).toBe(7);
  });

  it('runs under a memory limit of its own and restores the engine’s afterwards', async () => {
    // The buffer pool's own limit, as DuckDB prints it.
    const limit = async () => (await service.query({ type: 'memory' })).value.databaseSize!.memoryLimit;
    const before = await limit();
    const [inside] = textRows(await run('SELECT memory_limit AS m FROM pragma_database_size()'));
    expect(inside.m).not.toBe(before);
    expect(await limit()).toBe(before);
    textRows(await run('SELECT 1 AS one'));
    expect(await limit()).toBe(before);
  });

  it('creates tables in scratch, lists them, and adds a result to the map as a dataset', async () => {
    const created = okRows(await run(`CREATE OR REPLACE TABLE scratch.big_racks AS SELECT * FROM ${racks.id} WHERE spaces >= 20`));
    expect(created.created).toEqual({ schema: 'scratch', name: 'big_racks', kind: 'table' });
    const schema = await service.query({ type: 'console-schema' });
    expect(schema.value.find((t) => t.name === 'big_racks')?.columns.map((c) => c.name)).toEqual(racks.columns.map((c) => c.name));
    const [n] = textRows(await run(`SELECT count(*) AS n FROM big_racks`));
    const [m] = textRows(await run(`SELECT count(*) AS n FROM ${racks.id} WHERE spaces >= 20`));
    expect(n.n).toBe(m.n);

    okRows(await run(`SELECT lon, lat, spaces FROM big_racks`));
    const added = await service.query({ type: 'console-add', mapping: { kind: 'lonlat', lon: 'lon', lat: 'lat' }, name: 'Big racks', source: 'SQL console' });
    expect(added.value).toMatchObject({ name: 'Big racks', source: 'SQL console', rows: num(n.n), geometry: { kind: 'point' } });
    const hex = await service.query({ type: 'aggregate', dataset: added.value.id, by: { kind: 'hexagon', sizeM: 400 }, minCount: 0 });
    expect(hex.value.rows).toBe(num(n.n));
  });
});
