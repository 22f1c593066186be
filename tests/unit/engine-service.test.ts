// The engine service behind the worker (createEngineService), on the Node host with a
// real Engine: dispatch by request type, a layer's data in one answer, geometry left out
// when the caller holds it (and triangulated once per dataset), copy-before-transfer, and
// queued requests dropped on cancel. Expected figures are worked out by hand from the
// tiny datasets below.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { latLngToCell, splitLongToH3Index } from 'h3-js';
import { nodePlatform } from '../../src/engine/platform-node';
import { createEngineService } from '../../src/engine/service/engine-service';
import { transferList } from '../../src/engine/service/transfer';
import type {
  AggregateRequest,
  Answer,
  DatasetInfo,
  EngineRequest,
  LayerQuery,
  LayerResult,
  PolygonMesh,
  QueryProgress,
} from '../../src/engine/protocol';

const here = path.dirname(fileURLToPath(import.meta.url));
const bytes = (text: string) => new TextEncoder().encode(text);

// Two 0.1° squares side by side, A west of B; three points in A, two in B, one outside.
const square = (x0: number, y0: number) => [[[x0, y0], [x0 + 0.1, y0], [x0 + 0.1, y0 + 0.1], [x0, y0 + 0.1], [x0, y0]]];
const DISTRICTS = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { name: 'A', density: 1.5 }, geometry: { type: 'Polygon', coordinates: square(-74, 40) } },
    { type: 'Feature', properties: { name: 'B', density: 4 }, geometry: { type: 'Polygon', coordinates: square(-73.9, 40) } },
  ],
});
const POINTS: [number, number, number][] = [
  [-73.95, 40.05, 1],
  [-73.98, 40.02, 2],
  [-73.92, 40.08, 3],
  [-73.85, 40.05, 10],
  [-73.82, 40.03, 20],
  [-73.5, 40.5, 100],
];
const CSV = `lon,lat,v\n${POINTS.map((p) => p.join(',')).join('\n')}\n`;

/** What a structured-clone transfer does to the sender: every buffer in the answer is detached. */
function transferAway<T>(answer: T): T {
  return structuredClone(answer, { transfer: transferList(answer) });
}

function areas(value: LayerResult) {
  if (value.kind !== 'areas') throw new Error(`expected areas, got ${value.kind}`);
  return value;
}

describe('engine service', () => {
  const service = createEngineService(nodePlatform);
  let points: DatasetInfo;
  let districts: DatasetInfo;
  let lines: DatasetInfo;
  const districtLayer = (extra: object = {}) =>
    ({ kind: 'districts', dataset: points.id, by: { kind: 'districts', polygons: districts.id }, minCount: 0, ...extra }) as const;

  beforeAll(async () => {
    await service.init({ baseUrl: 'file:///' });
    points = await service.loadBytes('points.csv', bytes(CSV), {});
    districts = await service.loadBytes('districts.geojson', bytes(DISTRICTS), {});
    lines = await service.loadBytes('lines.geojson', readFileSync(path.join(here, '../fixtures/good/lines.geojson')), {});
  });

  it('lists the request types it answers, typed', async () => {
    const { value, request, method } = await service.query({ type: 'capabilities' });
    expect([...value].sort()).toEqual(
      [
        'aggregate', 'capabilities', 'cell-series', 'compare', 'console-add', 'console-export', 'console-pin', 'console-run', 'console-schema',
        'datasets', 'hotspots', 'layer', 'layer-export', 'layer-method', 'lines', 'memory', 'playback-domain', 'point-marks', 'polygons',
        'remove', 'rename', 'time-bins',
      ],
    );
    expect(request).toEqual({ type: 'capabilities' });
    expect(method).toEqual({ code: 'method-capabilities', params: { count: 22 } });
  });

  it('refuses an unknown request type by name', async () => {
    const bogus = { type: 'hotspot-map' } as unknown as EngineRequest;
    await expect(service.query(bogus)).rejects.toThrow('unknown request type "hotspot-map"');
  });

  it('answers a district layer with mesh, counts and names in one answer', async () => {
    const layer = districtLayer();
    const answer = await service.query({ type: 'layer', layer });
    expect(answer.request).toEqual({ type: 'layer', layer });
    const v = areas(answer.value);
    expect(v.result!.counts).toEqual(Float64Array.from([3, 2, 1]));
    expect(v.names).toEqual(['A', 'B', null]); // outside every district: worded by the UI
    expect(v.values).toBeNull();
    const mesh = v.mesh.data!;
    // Each square is a closed ring of 5 vertices, triangulated into 2 triangles.
    expect(mesh.featureCount).toBe(2);
    expect(mesh.vertexFeature).toEqual(Uint32Array.from([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]));
    expect(mesh.triangles.length).toBe(12);
    expect(answer.sql).toBe(v.result!.sql);
    expect(answer.sql).toMatch(/\bSELECT\b/);
    expect(answer.method).toEqual({ code: 'method-polygon-mesh', params: { features: 2 } });
  });

  it('leaves out the mesh the caller holds, and triangulates once per dataset', async () => {
    const first = areas((await service.query({ type: 'layer', layer: districtLayer({ stat: 'sum', value: 'v' }) })).value);
    const built = service.counters.geometry.built;
    const held = first.mesh.key;
    const mean = areas((await service.query({ type: 'layer', layer: districtLayer({ stat: 'mean', value: 'v' }), have: [held] })).value);
    expect(mean.mesh).toEqual({ key: held, data: null });
    expect(mean.result!.values).toEqual(Float64Array.from([2, 15, 100]));
    // Asked without `have`, the mesh comes again, from the cache: no new triangulation.
    const max = areas((await service.query({ type: 'layer', layer: districtLayer({ stat: 'max', value: 'v' }) })).value);
    expect(max.mesh.key).toBe(held);
    expect(max.mesh.data!.triangles.length).toBe(12);
    expect(max.result!.values).toEqual(Float64Array.from([3, 20, 100]));
    expect(service.counters.geometry.built).toBe(built);
  });

  it('copies what it keeps before it is transferred', async () => {
    const a = await service.query({ type: 'layer', layer: { kind: 'outlines', dataset: districts.id } });
    const sent = areas(a.value).mesh.data!;
    transferAway(a);
    expect(sent.coords.byteLength).toBe(0); // detached, as the worker's copy would be
    const b = areas((await service.query({ type: 'layer', layer: { kind: 'outlines', dataset: districts.id } })).value);
    expect(b.mesh.data!.coords).toEqual(Float64Array.from([...square(-74, 40)[0], ...square(-73.9, 40)[0]].flat()));
    const shapes = await service.query({ type: 'polygons', dataset: districts.id });
    transferAway(shapes);
    const again = await service.query({ type: 'polygons', dataset: districts.id });
    expect(again.value!.featureCount).toBe(2);
    expect(again.value!.coords.length).toBe(20);
  });

  it('answers a choropleth with its column, names and the dataset mesh under the same key', async () => {
    const outlines = areas((await service.query({ type: 'layer', layer: { kind: 'outlines', dataset: districts.id } })).value);
    const answer = await service.query({
      type: 'layer',
      layer: { kind: 'choropleth', dataset: districts.id, column: 'density' },
      have: [outlines.mesh.key],
    });
    const v = areas(answer.value);
    expect(v.values).toEqual(Float64Array.from([1.5, 4]));
    expect(v.names).toEqual(['A', 'B']);
    expect(v.mesh).toEqual({ key: outlines.mesh.key, data: null });
    expect(answer.method).toEqual({ code: 'method-column-values', params: { column: 'density', features: 2 } });
    // The statements that read the values and the names, shown with the layer.
    const statements = answer.sql!.split(';\n').map((q) => q.replace(/;$/, ''));
    expect(statements).toHaveLength(2);
    expect(statements[0]).toMatch(/"density"/);
    expect(statements[1]).toMatch(/"name"/);
  });

  it('builds the H3 mesh in the worker from the aggregate, keyed by the cell set', async () => {
    const h3 = (extra: Pick<AggregateRequest, 'filters' | 'stat' | 'value'> = {}): LayerQuery => ({
      kind: 'h3',
      dataset: points.id,
      by: { kind: 'h3', resolution: 7 },
      minCount: 0,
      ...extra,
    });
    const all = areas((await service.query({ type: 'layer', layer: h3() })).value);
    const cells = new Set(POINTS.map(([lon, lat]) => latLngToCell(lat, lon, 7)));
    const r = all.result!;
    const got = Array.from({ length: r.length }, (_, i) => splitLongToH3Index(r.h3![2 * i], r.h3![2 * i + 1]));
    expect(new Set(got)).toEqual(cells);
    expect(all.mesh.data!.featureCount).toBe(cells.size);
    // The same cells again: the caller holds the mesh, so it stays behind.
    const sum = areas((await service.query({ type: 'layer', layer: h3({ stat: 'sum', value: 'v' }), have: [all.mesh.key] })).value);
    expect(sum.mesh).toEqual({ key: all.mesh.key, data: null });
    // Fewer cells (v ≤ 3 keeps the three points in A): another set, another key, a mesh sent.
    const few = areas((await service.query({ type: 'layer', layer: h3({ filters: [{ kind: 'range', column: 'v', max: 3 }] }), have: [all.mesh.key] })).value);
    const fewCells = new Set(POINTS.filter((p) => p[2] <= 3).map(([lon, lat]) => latLngToCell(lat, lon, 7)));
    expect(few.mesh.key).not.toBe(all.mesh.key);
    expect(few.mesh.data!.featureCount).toBe(fewCells.size);
  });

  it('answers points, heatmaps, lines and grid cells', async () => {
    const marks = await service.query({ type: 'layer', layer: { kind: 'points', dataset: points.id } });
    expect(marks.value.kind === 'points' && [marks.value.marks.rows, marks.value.marks.marks]).toEqual([6, 6]);
    expect(marks.sql).toMatch(/^SELECT/);
    const heat = await service.query({ type: 'layer', layer: { kind: 'heatmap', dataset: points.id } });
    expect(heat.value.kind === 'points' && heat.value.marks.colours).toBeNull();
    const path = await service.query({ type: 'layer', layer: { kind: 'lines', dataset: lines.id } });
    expect(path.value.kind === 'lines' && path.value.lines.data!.featureCount).toBe(2);
    expect(path.method).toEqual({ code: 'method-shapes', params: { features: 2 } });
    const grid = await service.query({
      type: 'layer',
      layer: { kind: 'grid', dataset: points.id, by: { kind: 'grid', sizeM: 100_000 }, minCount: 0 },
    });
    expect(grid.value.kind).toBe('cells');
    await expect(
      service.query({ type: 'layer', layer: { kind: 'h3', dataset: points.id, by: { kind: 'grid', sizeM: 500 } } }),
    ).rejects.toThrow('a h3 layer cannot draw a grid aggregation');
  });

  it('drops a cancelled queued request with an AbortError and runs the next', async () => {
    const dropped = service.counters.queue.dropped;
    const agg = { type: 'aggregate', dataset: points.id, by: { kind: 'grid', sizeM: 1000 } } as const;
    const a = service.query(agg, { id: 'a' });
    const b = service.query({ ...agg, stat: 'sum', value: 'v' }, { id: 'b' });
    const c = service.query({ type: 'datasets' }, { id: 'c' });
    await service.cancel('b');
    await expect(b).rejects.toMatchObject({ name: 'AbortError', message: 'aggregate request: cancelled' });
    expect((await a).value.rows).toBe(6);
    expect((await c).value.map((d) => d.id)).toEqual([points.id, districts.id, lines.id]);
    expect(service.counters.queue.dropped).toBe(dropped + 1);
  });

  it('does not send the answer of a request cancelled while it runs', async () => {
    const seen: QueryProgress['phase'][] = [];
    const running = service.query(
      { type: 'layer', layer: districtLayer({ stat: 'median', value: 'v' }) },
      {
        id: 'r',
        onProgress: (p) => {
          seen.push(p.phase);
          if (p.phase === 'running') void service.cancel('r');
        },
      },
    );
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual(['running']);
  });

  it('reports queued requests as queued', async () => {
    const phases: string[] = [];
    const first = service.query({ type: 'datasets' });
    const second = service.query({ type: 'datasets' }, { onProgress: (p) => phases.push(p.phase) });
    await Promise.all([first, second]);
    expect(phases).toEqual(['queued', 'running']);
  });

  it('cancels a load by its call id', async () => {
    const load = service.loadBytes('again.csv', bytes(CSV), {}, { id: 'load-1', onProgress: () => void service.cancel('load-1') });
    await expect(load).rejects.toMatchObject({ name: 'AbortError', message: 'again.csv: loading cancelled' });
    expect((await service.query({ type: 'datasets' })).value).toHaveLength(3);
  });

  it('renames, measures memory, and forgets a removed dataset and its geometry', async () => {
    const renamed = await service.query({ type: 'rename', dataset: lines.id, name: 'Routes' });
    expect(renamed.value).toMatchObject({ id: lines.id, name: 'Routes' });
    const memory: Answer<'memory'> = await service.query({ type: 'memory' });
    expect(memory.value.duckdbBytes).toBeGreaterThan(0);
    expect(memory.sql).toContain('duckdb_memory()');
    const before = areas((await service.query({ type: 'layer', layer: { kind: 'outlines', dataset: districts.id } })).value).mesh.key;
    await service.query({ type: 'remove', dataset: districts.id });
    await expect(service.query({ type: 'layer', layer: districtLayer() })).rejects.toThrow(`no dataset named ${districts.id}`);
    const back = await service.loadBytes('districts.geojson', bytes(DISTRICTS), {});
    expect(back.id).toBe(districts.id);
    const after = areas((await service.query({ type: 'layer', layer: { kind: 'outlines', dataset: back.id }, have: [before] })).value);
    // The same id loaded again is new geometry: a new key, and the mesh is sent.
    expect(after.mesh.key).not.toBe(before);
    expect((after.mesh.data as PolygonMesh).featureCount).toBe(2);
  });
});
