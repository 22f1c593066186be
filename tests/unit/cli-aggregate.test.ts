// The CLI as a child process, against the engine API on the same files.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine';
import { nodePlatform } from '../../src/engine/platform-node';
import { Aggregator } from '../../src/engine/aggregate/aggregator';
import type { AggregateResult } from '../../src/engine/protocol';
import { parseArgs } from '../../src/cli/args';
import { parseWhere, splitList, whereToFilter } from '../../src/config/where';
import { hasSharedData, sharedFile } from '../shared-data';
import { cli, parseCsv } from './cli-runner';
import { loadPolygons } from './aggregate-helpers';

const CSV311 = sharedFile('nyc_311_animal_complaints_2025.csv');
const BOROUGHS = sharedFile('nyc_boroughs.geojson');

describe('CLI argument parsing', () => {
  it('parses every --by form, where clauses and defaults', () => {
    const c = parseArgs(['aggregate', 'p.csv', '--by', 'districts:/x/b.geojson:boro name', '--value', 'v', '--where', 'Complaint Type!=A\\,B,C', '--out', 'o.parquet']);
    expect(c).toMatchObject({
      command: 'aggregate',
      by: { kind: 'districts', file: '/x/b.geojson', nameColumn: 'boro name' },
      stat: 'mean',
      format: 'parquet',
      where: [{ column: 'Complaint Type', op: '!=', text: 'A\\,B,C' }],
    });
    expect(splitList('A\\,B,C')).toEqual(['A,B', 'C']);
    expect(whereToFilter(parseWhere('capacity>=20'), 'number')).toEqual({ kind: 'range', column: 'capacity', min: 20, minExclusive: false });
    expect(whereToFilter(parseWhere('x=1,2'), 'number')).toEqual({ kind: 'in', column: 'x', values: [1, 2], not: false });
    expect(parseArgs(['aggregate', 'p.csv', '--by', 'hex:500', '--out', 'o.csv'])).toMatchObject({ by: { kind: 'hexagon', sizeM: 500 }, stat: 'count' });
    expect(parseArgs(['aggregate', 'p.csv', '--by', 'hexagon:250', '--out', 'o.csv'])).toMatchObject({ by: { kind: 'hexagon', sizeM: 250 } });
    expect(parseArgs(['aggregate', 'p.csv', '--by', 'h3:9', '--out', 'o.geojson'])).toMatchObject({ by: { kind: 'h3', resolution: 9 } });
  });
  it('refuses bad arguments with a message', () => {
    expect(() => parseArgs(['aggregate', 'p.csv', '--by', 'hex:-5', '--out', 'o.csv'])).toThrow(/metres/);
    expect(() => parseArgs(['aggregate', 'p.csv', '--by', 'h3:16', '--out', 'o.csv'])).toThrow(/0-15/);
    expect(() => parseArgs(['aggregate', 'p.csv', '--by', 'grid:100', '--out', 'o.xlsx'])).toThrow(/\.csv, \.geojson or \.parquet/);
    expect(() => parseArgs(['aggregate', 'p.csv', '--by', 'grid:100', '--stat', 'sum', '--out', 'o.csv'])).toThrow(/needs --value/);
    expect(() => parseArgs(['aggregate', 'p.csv', '--by', 'grid:100', '--where', 'nope', '--out', 'o.csv'])).toThrow(/<column><op><value>/);
    expect(() => whereToFilter(parseWhere('x>abc'), 'number')).toThrow(/not a number/);
    expect(() => parseArgs(['frobnicate'])).toThrow(/unknown command/);
  });
});

describe.skipIf(!hasSharedData)('CLI: same numbers as the engine API', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'citylens-cli-'));
  const engine = new Engine(nodePlatform);
  let api: AggregateResult;
  let agg: Aggregator;
  let points: string;

  beforeAll(async () => {
    await engine.init();
    points = (await engine.loadUrl(CSV311, {})).id;
    const ids = await loadPolygons(engine, ['nyc_boroughs.geojson']);
    agg = new Aggregator(engine);
    api = await agg.aggregate({
      dataset: points,
      by: { kind: 'districts', polygons: ids[0], nameColumn: 'name' },
      filters: [{ kind: 'in', column: 'Complaint Type', values: ['Animal in a Park'], not: true }],
    });
  });

  it('grid and hexagon counts on the 311 CSV add up to its rows with coordinates', async () => {
    for (const by of [{ kind: 'grid', sizeM: 300 }, { kind: 'hexagon', sizeM: 300 }] as const) {
      const r = await agg.aggregate({ dataset: points, by, minCount: 0 });
      expect(r.counts.reduce((a, b) => a + b, 0)).toBe(4_969 - 62);
    }
  });

  it('filters the 311 rows by a time window on "Created Date", as plain SQL does', async () => {
    const col = engine.dataset(points).columns.find((c) => c.name === 'Created Date')!;
    // The CSV reader may or may not have recognised the dates; both must work.
    const format = col.kind === 'string' ? '%m/%d/%Y %H:%M' : undefined;
    const t = format ? `strptime("Created Date", '${format}')` : '"Created Date"';
    const time = { column: 'Created Date', format, from: '2025-02-01', to: '2025-03-01' };
    const r = await agg.aggregate({ dataset: points, by: { kind: 'h3', resolution: 7 }, time, minCount: 0 });
    const plain = engine.connection
      .query(`SELECT count(*)::DOUBLE AS n FROM "${points}" WHERE "Longitude" IS NOT NULL AND ${t} >= TIMESTAMP '2025-02-01' AND ${t} < TIMESTAMP '2025-03-01'`)
      .toArray()[0].toJSON();
    expect(r.rows).toBe(plain.n);
    expect(r.rows).toBeGreaterThan(0);
    const months = agg.timeBins({ dataset: points, column: 'Created Date', format, bin: 'month', minCount: 0 });
    expect(Array.from(months.keys, (k) => new Date(k).toISOString().slice(0, 7))).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(months.rows).toBe(4_969);
    expect(months.counts[1]).toBeGreaterThanOrEqual(plain.n);
  });

  it('reads a text time column through its strptime format', async () => {
    // A format no CSV sniffer recognises, so the column stays text.
    const lines = ['lon,lat,when'];
    const stamps = ['D28/M02/Y2025 23:59', 'D01/M03/Y2025 00:00', 'D01/M03/Y2025 07:15', 'D15/M03/Y2025 12:00', 'D02/M04/Y2025 09:00', 'garbage'];
    stamps.forEach((w, i) => lines.push(`${-73.98 + i * 0.001},40.75,${w}`));
    const info = await engine.loadBytes('text-times.csv', new TextEncoder().encode(lines.join('\n')), {});
    expect(info.columns.find((c) => c.name === 'when')!.kind).toBe('string');
    const time = { column: 'when', format: 'D%d/M%m/Y%Y %H:%M', from: '2025-03-01', to: '2025-04-01' };
    const r = await agg.aggregate({ dataset: info.id, by: { kind: 'grid', sizeM: 10_000 }, time, minCount: 0 });
    expect(r.rows).toBe(3);
    const months = agg.timeBins({ dataset: info.id, column: 'when', format: time.format, bin: 'month', minCount: 0 });
    expect(Array.from(months.counts)).toEqual([1, 3, 1]); // the unparseable row has no month
    await expect(agg.aggregate({ dataset: info.id, by: { kind: 'grid', sizeM: 100 }, time: { column: 'when', from: '2025-03-01' } })).rejects.toThrow(/time format/);
  });

  it('writes the district CSV the engine API computes, suppressed cells blank', async () => {
    const out = path.join(dir, 'boroughs.csv');
    const run = await cli('aggregate', CSV311, '--by', `districts:${BOROUGHS}:name`, '--where', 'Complaint Type!=Animal in a Park', '--out', out);
    expect(run.stderr).toMatch(/6 cells/);
    expect(run.code).toBe(0);
    const rows = parseCsv(readFileSync(out, 'utf8'));
    // The engine leaves the outside entry's name null; the CSV words it, as it always has.
    expect(api.names!.at(-1)).toBeNull();
    // The id is the name (all unique), rows ordered by it.
    const want = api.names!.map((n, i) => ({ id: n ?? 'outside', i })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    expect(rows.map((r) => r.id)).toEqual(want.map((w) => w.id));
    rows.forEach((row, k) => {
      const i = want[k].i;
      expect(row.suppressed).toBe(api.suppressed[i] ? 'true' : 'false');
      expect(row.count).toBe(api.suppressed[i] ? '' : String(api.counts[i]));
    });
    // All five boroughs have complaints; the handful outside are below k = 5.
    expect(rows.filter((r) => r.suppressed === 'false').length).toBe(5);
    expect(rows.find((r) => r.id === 'outside')).toMatchObject({ count: '', suppressed: 'true' });
  });

  it('writes GeoJSON polygons and a Parquet file with the same statistic', async () => {
    const gj = path.join(dir, 'hex.geojson');
    const pq = path.join(dir, 'hex.parquet');
    const args = ['--by', 'hex:800', '--value', 'Incident Zip', '--stat', 'median', '--min-count', '3'];
    const [a, b] = [await cli('aggregate', CSV311, ...args, '--out', gj), await cli('aggregate', CSV311, ...args, '--out', pq)];
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    const r = await agg.aggregate({ dataset: points, by: { kind: 'hexagon', sizeM: 800 }, value: 'Incident Zip', stat: 'median', minCount: 3 });
    const fc = JSON.parse(readFileSync(gj, 'utf8'));
    expect(fc.features.length).toBe(r.length);
    // Features are ordered by id (col:row); find each one's cell in the API's result.
    const at = new Map(Array.from({ length: r.length }, (_, i) => [`${r.ids[2 * i]}:${r.ids[2 * i + 1]}`, i]));
    fc.features.forEach((f: { geometry: { type: string; coordinates: number[][][] }; properties: Record<string, unknown> }) => {
      const i = at.get(String(f.properties.id))!;
      expect(f.properties.id).toBe(`${f.properties.col}:${f.properties.row}`);
      expect(f.geometry.type).toBe('Polygon');
      expect(f.geometry.coordinates[0].length).toBe(7);
      expect(f.properties['median_Incident Zip'] ?? null).toBe(r.suppressed[i] ? null : Number.isNaN(r.values[i]) ? null : r.values[i]);
    });
    const back = await engine.loadUrl(pq, {});
    const read = engine.connection.query(`SELECT count(*)::DOUBLE AS n, sum("count")::DOUBLE AS c, count(*) FILTER (WHERE suppressed)::DOUBLE AS s FROM "${back.id}"`).toArray()[0].toJSON();
    let visible = 0;
    for (let i = 0; i < r.length; i++) if (!r.suppressed[i]) visible += r.counts[i];
    expect(read).toEqual({ n: r.length, c: visible, s: r.suppressedCells });
  });

  it('prints info as JSON', async () => {
    const run = await cli('info', CSV311);
    expect(run.code).toBe(0);
    const info = JSON.parse(run.stdout);
    expect(info).toMatchObject({ rows: 4_969, rowsWithoutCoordinates: 62, geometry: { kind: 'point', lon: 'Longitude', lat: 'Latitude' } });
    expect(info.columns).toContainEqual({ name: 'Complaint Type', type: 'VARCHAR' });
  });

  it('exits non-zero with a clear message on bad arguments and bad files', async () => {
    const bad = path.join(dir, 'bad.parquet');
    writeFileSync(bad, 'PAR1 not really');
    const cases: [string[], number, RegExp][] = [
      [['aggregate', CSV311, '--by', 'hex:0', '--out', 'x.csv'], 2, /cell size/],
      [['aggregate', path.join(dir, 'missing.csv'), '--by', 'hex:100', '--out', 'x.csv'], 2, /no such file/],
      [['aggregate', CSV311, '--by', 'hex:100', '--where', 'Nope=1', '--out', path.join(dir, 'x.csv')], 2, /no column "Nope"/],
      [['aggregate', bad, '--by', 'hex:100', '--out', path.join(dir, 'x.csv')], 1, /bad\.parquet/],
    ];
    for (const [args, code, message] of cases) {
      const run = await cli(...args);
      expect(run.code).toBe(code);
      expect(run.stderr).toMatch(message);
    }
  });
});
