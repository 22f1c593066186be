// "Show method" for every layer kind: its one statement, run in the console as it is,
// gives the layer's numbers exactly (cell by cell, NULL where the layer suppresses);
// the tables it reads stay pinned while a holder shows it, even after the aggregation
// cache has let them go, and are dropped when the last holder lets go.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodePlatform } from '../../src/engine/platform-node';
import { createEngineService } from '../../src/engine/service/engine-service';
import { h3At } from '../../src/engine/aggregate/h3';
import type { AggregateResult, CellsLayerQuery, DatasetInfo, LayerQuery, LayerResult } from '../../src/engine/protocol';
import { hasSharedData, sharedFile } from '../shared-data';
import { num, textRows } from './console-helpers';

const here = path.dirname(fileURLToPath(import.meta.url));

/** NaN as the console shows it (NULL), numbers as they are, for comparing rows. */
const same = (v: number) => (Number.isNaN(v) ? null : v);
const nums = (rows: Record<string, string | null>[], col: string) => rows.map((r) => same(num(r[col])));

function cellsOf(v: LayerResult): AggregateResult {
  if (v.kind === 'cells') return v.result;
  if (v.kind === 'areas' && v.result) return v.result;
  throw new Error(`no cells in a ${v.kind} answer`);
}

describe.skipIf(!hasSharedData)('show method, rerun in the console, for every layer kind', () => {
  const service = createEngineService(nodePlatform);
  let racks: DatasetInfo;
  let hoods: DatasetInfo;
  let lines: DatasetInfo;
  const layer = async (q: LayerQuery) => (await service.query({ type: 'layer', layer: q })).value;
  const method = async (q: LayerQuery, holder = 'test') => (await service.query({ type: 'layer-method', layer: q, holder })).value;
  const rerun = async (sql: string) => textRows((await service.query({ type: 'console-run', sql })).value);

  beforeAll(async () => {
    await service.init({ baseUrl: 'file:///' });
    racks = await service.loadUrl(sharedFile('sf_bike_parking_racks.csv'), {});
    hoods = await service.loadUrl(sharedFile('sf_planning_neighborhoods.geojson'), {});
    lines = await service.loadBytes('lines.geojson', readFileSync(path.join(here, '../fixtures/good/lines.geojson')), {});
  });

  it('points and heatmap: one row per mark, with its offsets and rows', async () => {
    const colour = { column: 'placement', scale: { scheme: 'viridis' as const, classification: 'quantile' as const, classes: 5 } };
    for (const q of [{ kind: 'points', dataset: racks.id, colour, sizeBy: 'spaces' }, { kind: 'heatmap', dataset: racks.id }] as LayerQuery[]) {
      const v = await layer(q);
      if (v.kind !== 'points') throw new Error('expected points');
      const m = await method(q);
      expect(m.layer).toBe(q.kind);
      const rows = await rerun(m.sql);
      expect(rows.length).toBe(v.marks.marks);
      const key = (dx: number, dy: number, n: number) => `${Math.fround(dx)} ${Math.fround(dy)} ${n}`;
      const fromLayer = Array.from({ length: v.marks.marks }, (_, i) => key(v.marks.offsets[2 * i], v.marks.offsets[2 * i + 1], v.marks.counts[i])).sort();
      const fromSql = rows.map((r) => key(num(r.dx), num(r.dy), num(r.n))).sort();
      expect(fromSql).toEqual(fromLayer);
      if (q.kind === 'points') expect(m.steps[0]).toMatchObject({ kind: 'sql' });
    }
  });

  it('grid, hexagon and H3: every cell’s id, count and statistic', async () => {
    const base = { dataset: racks.id, stat: 'mean' as const, value: 'spaces', minCount: 5 };
    const queries: CellsLayerQuery[] = [
      { kind: 'grid', ...base, by: { kind: 'grid', sizeM: 300 } },
      { kind: 'hexagon', ...base, stat: 'sum', by: { kind: 'hexagon', sizeM: 250 }, filters: [{ kind: 'range', column: 'spaces', min: 4 }] },
      { kind: 'h3', ...base, stat: 'median', by: { kind: 'h3', resolution: 8 } },
    ];
    for (const q of queries) {
      const r = cellsOf(await layer(q));
      const m = await method(q);
      expect(m.tables).toHaveLength(2);
      expect(m.steps[0]).toMatchObject({ kind: 'js', message: { code: `method-${q.kind}` } });
      const rows = await rerun(m.sql);
      expect(rows.length).toBe(r.length);
      if (q.kind === 'h3') expect(rows.map((x) => x.h3)).toEqual(Array.from({ length: r.length }, (_, i) => h3At(r.h3!, i)));
      else {
        expect(rows.map((x) => num(x.col))).toEqual(Array.from({ length: r.length }, (_, i) => r.ids[2 * i]));
        expect(rows.map((x) => num(x.row))).toEqual(Array.from({ length: r.length }, (_, i) => r.ids[2 * i + 1]));
      }
      expect(nums(rows, 'count')).toEqual(Array.from(r.counts, same));
      expect(nums(rows, 'value')).toEqual(Array.from(r.values, same));
      expect(r.suppressedCells).toBeGreaterThan(0);
    }
  });

  it('districts: every district and “outside”, with their counts and statistic', async () => {
    const q: CellsLayerQuery = { kind: 'districts', dataset: racks.id, by: { kind: 'districts', polygons: hoods.id }, stat: 'sum', value: 'racks', minCount: 3 };
    const r = cellsOf(await layer(q));
    const rows = await rerun((await method(q)).sql);
    expect(rows.length).toBe(r.length);
    expect(rows.map((x) => (x.feature === null ? -1 : num(x.feature)))).toEqual(Array.from(r.ids));
    expect(rows.map((x) => x.name)).toEqual(r.names);
    expect(nums(rows, 'count')).toEqual(Array.from(r.counts, same));
    expect(nums(rows, 'value')).toEqual(Array.from(r.values, same));
  });

  it('choropleth, outlines and lines: the features in order, with the column’s values', async () => {
    const cq: LayerQuery = { kind: 'choropleth', dataset: hoods.id, column: 'cartodb_id' };
    const c = await layer(cq);
    if (c.kind !== 'areas') throw new Error('expected areas');
    const crows = await rerun((await method(cq)).sql);
    expect(nums(crows, 'value')).toEqual(Array.from(c.values!, same));
    expect(crows.map((x) => x.name)).toEqual(c.names);
    const o = await layer({ kind: 'outlines', dataset: hoods.id });
    if (o.kind !== 'areas') throw new Error('expected areas');
    const orows = await rerun((await method({ kind: 'outlines', dataset: hoods.id })).sql);
    expect(orows.length).toBe(o.mesh.data!.featureCount);
    const l = await layer({ kind: 'lines', dataset: lines.id });
    if (l.kind !== 'lines') throw new Error('expected lines');
    const lm = await method({ kind: 'lines', dataset: lines.id });
    const lrows = await rerun(lm.sql);
    expect(lrows.map((x) => num(x.feature))).toEqual(Array.from({ length: l.lines.data!.featureCount }, (_, i) => i));
    expect(lm.steps).toEqual([{ kind: 'js', message: { code: 'method-shapes', params: { features: l.lines.data!.featureCount } } }]);
  });

  it('keeps a shown method’s tables after the cache lets them go, until the last holder lets go', async () => {
    const q: CellsLayerQuery = { kind: 'grid', dataset: racks.id, by: { kind: 'grid', sizeM: 1234 }, minCount: 0 };
    const m = await method(q, 'layer-a');
    await service.query({ type: 'console-pin', holder: 'console', tables: m.tables });
    const before = await rerun(m.sql);
    // Eight other assignments push this one out of the aggregation cache.
    for (let i = 0; i < 8; i++) await layer({ kind: 'grid', dataset: racks.id, by: { kind: 'grid', sizeM: 500 + 10 * i }, minCount: 0 });
    expect(await rerun(m.sql)).toEqual(before);
    expect((await service.query({ type: 'console-pin', holder: 'layer-a', tables: [] })).value).toEqual([...m.tables].sort());
    expect(await rerun(m.sql)).toEqual(before);
    expect((await service.query({ type: 'console-pin', holder: 'console', tables: [] })).value).toEqual([]);
    const gone = (await service.query({ type: 'console-run', sql: m.sql })).value;
    expect(gone.ok === false && gone.error.params?.detail).toMatch(/Catalog Error: Table with name __citylens_cell/);
  });
});
