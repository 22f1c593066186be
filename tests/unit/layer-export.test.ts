// The Export menu's table files, written in the engine service: CSV, GeoJSON and Parquet of a
// cell layer's aggregate with the CLI's columns, suppressed cells empty. Expected figures are
// worked out by hand from the tiny datasets below.
import { beforeAll, describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { nodePlatform } from '../../src/engine/platform-node';
import { createEngineService } from '../../src/engine/service/engine-service';
import type { CellsLayerQuery, DatasetInfo } from '../../src/engine/protocol';

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (b: Uint8Array) => new TextDecoder().decode(b);

// Two 0.1° squares side by side, A west of B; three points in A (v 1, 2, 3), two in B (10, 20), one outside (100).
const square = (x0: number, y0: number) => [[[x0, y0], [x0 + 0.1, y0], [x0 + 0.1, y0 + 0.1], [x0, y0 + 0.1], [x0, y0]]];
const DISTRICTS = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { name: 'A' }, geometry: { type: 'Polygon', coordinates: square(-74, 40) } },
    { type: 'Feature', properties: { name: 'B' }, geometry: { type: 'Polygon', coordinates: square(-73.9, 40) } },
  ],
});
const CSV = 'lon,lat,v\n-73.95,40.05,1\n-73.98,40.02,2\n-73.92,40.08,3\n-73.85,40.05,10\n-73.82,40.03,20\n-73.5,40.5,100\n';

/** RFC 4180 without quotes (none here): header and rows as objects. */
function parseCsv(s: string): Record<string, string>[] {
  const [head, ...lines] = s.trimEnd().split('\n');
  const names = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [names[i], v])));
}

describe('layer export', () => {
  const service = createEngineService(nodePlatform);
  let points: DatasetInfo;
  let districts: DatasetInfo;
  // Mean of v per district; k = 3 suppresses B (2 rows).
  const layer = (): CellsLayerQuery => ({ kind: 'districts', dataset: points.id, by: { kind: 'districts', polygons: districts.id }, stat: 'mean', value: 'v', minCount: 3 });

  beforeAll(async () => {
    await service.init({ baseUrl: 'file:///' });
    points = await service.loadBytes('points.csv', bytes(CSV), {});
    districts = await service.loadBytes('districts.geojson', bytes(DISTRICTS), {});
  });

  it('writes the CSV with the CLI columns, rows by id, the suppressed district empty', async () => {
    const { value } = await service.query({ type: 'layer-export', layer: layer(), format: 'csv' });
    expect(value.mimeType).toBe('text/csv');
    const rows = parseCsv(text(value.bytes));
    expect(rows.map((r) => r.id)).toEqual(['A', 'B', 'outside']);
    expect(value.rows).toBe(3);
    expect(Object.keys(rows[0])).toEqual(value.columns);
    expect(value.columns[0]).toBe('id');
    expect(value.columns).toContain('mean_v');
    expect(rows[0]).toMatchObject({ count: '3', mean_v: '2', suppressed: 'false' });
    expect(rows[1]).toMatchObject({ count: '', mean_v: '', suppressed: 'true' });
    // The same numbers the layer draws.
    const { value: drawn } = await service.query({ type: 'layer', layer: layer() });
    if (drawn.kind !== 'areas' || !drawn.result) throw new Error('expected an aggregate');
    expect(Array.from(drawn.result.values).slice(0, 2)).toEqual([2, NaN]);
  });

  it('writes GeoJSON whose features are the districts with the CSV properties', async () => {
    const { value } = await service.query({ type: 'layer-export', layer: layer(), format: 'geojson' });
    const fc = JSON.parse(text(value.bytes));
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.map((f: { properties: { id: string } }) => f.properties.id)).toEqual(['A', 'B', 'outside']);
    const a = fc.features[0];
    expect(a.properties).toMatchObject({ count: 3, mean_v: 2, suppressed: false });
    expect(fc.features[1].properties.mean_v).toBeNull();
    const ring = a.geometry.type === 'Polygon' ? a.geometry.coordinates[0] : a.geometry.coordinates[0][0];
    const xs = ring.map((p: number[]) => p[0]);
    const ys = ring.map((p: number[]) => p[1]);
    expect([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].map((x) => Math.round(x * 1e6) / 1e6)).toEqual([-74, 40, -73.9, 40.1]);
  });

  it('writes Parquet that reads back to the CSV table', async () => {
    const [{ value: pq }, { value: csv }] = [
      await service.query({ type: 'layer-export', layer: layer(), format: 'parquet' }),
      await service.query({ type: 'layer-export', layer: layer(), format: 'csv' }),
    ];
    expect(text(pq.bytes.subarray(0, 4))).toBe('PAR1');
    const wasm = await import('parquet-wasm/node');
    const table = tableFromIPC(wasm.readParquet(pq.bytes).intoIPCStream());
    expect(table.schema.fields.map((f) => f.name)).toEqual(csv.columns);
    const rows = parseCsv(text(csv.bytes));
    for (const name of csv.columns) {
      const col = table.getChild(name)!;
      // get(i), not toArray(): a null float reads as 0 in the values buffer.
      expect(Array.from({ length: col.length }, (_, i) => col.get(i) as unknown).map((v) => (v === null || (typeof v === 'number' && Number.isNaN(v)) ? '' : String(v)))).toEqual(rows.map((r) => r[name]));
    }
  });
});
