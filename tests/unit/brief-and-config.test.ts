// The brief's top-10 ranking and the exported dashboard config, over a real engine answer
// and hand-made state. Expected figures are worked out by hand from the tiny datasets below.
import { beforeAll, describe, expect, it } from 'vitest';
import { nodePlatform } from '../../src/engine/platform-node';
import { createEngineService } from '../../src/engine/service/engine-service';
import type { DatasetInfo } from '../../src/engine/protocol';
import { createLayer } from '../../src/config/layer';
import { DashboardConfig } from '../../src/config/dashboard';
import { topRows } from '../../src/ui/print/top-rows';
import { currentConfig } from '../../src/ui/export/dashboard-config';

const bytes = (text: string) => new TextEncoder().encode(text);
const square = (x0: number, y0: number) => [[[x0, y0], [x0 + 0.1, y0], [x0 + 0.1, y0 + 0.1], [x0, y0 + 0.1], [x0, y0]]];
// Three districts: A (v 1, 2, 3), B (10, 20), C (5); one point outside (100).
const DISTRICTS = JSON.stringify({
  type: 'FeatureCollection',
  features: ['A', 'B', 'C'].map((name, i) => ({ type: 'Feature', properties: { name }, geometry: { type: 'Polygon', coordinates: square(-74 + i * 0.1, 40) } })),
});
const CSV = 'lon,lat,v\n-73.95,40.05,1\n-73.98,40.02,2\n-73.92,40.08,3\n-73.85,40.05,10\n-73.82,40.03,20\n-73.75,40.05,5\n-73.5,40.5,100\n';

describe('brief top rows', () => {
  const service = createEngineService(nodePlatform);
  let points: DatasetInfo;
  let districts: DatasetInfo;
  beforeAll(async () => {
    await service.init({ baseUrl: 'file:///' });
    points = await service.loadBytes('points.csv', bytes(CSV), {});
    districts = await service.loadBytes('districts.geojson', bytes(DISTRICTS), {});
  });

  it('ranks districts by the value shown, leaving out the outside entry and suppressed districts', async () => {
    const layer = { dataset: points.id, by: { kind: 'districts', polygons: districts.id }, stat: 'mean', value: 'v' } as const;
    const open = (await service.query({ type: 'aggregate', ...layer, minCount: 0 })).value;
    expect(topRows(open, open.values, 10).map((r) => [r.label, r.value, r.count])).toEqual([
      ['B', 15, 2],
      ['C', 5, 1],
      ['A', 2, 3],
    ]);
    // k = 2: C (1 row) is suppressed and never ranked.
    const k2 = (await service.query({ type: 'aggregate', ...layer, minCount: 2 })).value;
    expect(topRows(k2, k2.values, 1).map((r) => r.label)).toEqual(['B']);
    expect(topRows(k2, k2.values, 10).map((r) => r.label)).toEqual(['B', 'A']);
    // Another measure ranks by its own values: rows per km² follow the counts here (equal areas).
    expect(topRows(open, open.perKm2, 10).map((r) => r.label)).toEqual(['A', 'B', 'C']);
  });
});

describe('exported dashboard config', () => {
  it('holds the view, basemap, datasets and layers of now, and validates as version 2', () => {
    const config = DashboardConfig.parse({ version: 2, title: 'Bikes', load: ['bikes'], datasets: [{ id: 'bikes', url: 'data/bikes.parquet' }] });
    const info = (id: string, name: string) => ({ id, name }) as DatasetInfo;
    const hex = createLayer('hexagon', 'racks', { title: 'Racks per hexagon', sizeM: 250 });
    const filed = createLayer('points', 'dropped-file', { title: 'From a file' });
    const out = currentConfig(
      config,
      { view: { center: [-122.4123456, 37.7712345], zoom: 12.345 }, basemap: 'none', sources: [], layers: [hex, filed] },
      [info('bikes', 'Bikes'), info('racks', 'SF racks'), info('dropped-file', 'x.csv')],
      { bikes: { entry: 'bikes' }, racks: { url: 'data/sample/sf_bike_parking_racks.csv' } },
    );
    expect(out.view).toEqual({ center: [-122.41235, 37.77123], zoom: 12.35 });
    expect(out.basemap.default).toBe('none');
    expect(out.load).toEqual(['bikes', 'racks']);
    expect(out.datasets).toEqual([{ id: 'bikes', url: 'data/bikes.parquet' }, { id: 'racks', url: 'data/sample/sf_bike_parking_racks.csv', name: 'SF racks' }]);
    // A layer over a file the reader opened cannot be in a config.
    expect(out.layers).toEqual([hex]);
    expect(DashboardConfig.parse(JSON.parse(JSON.stringify(out)))).toEqual(out);
  });

  it('holds each dataset\'s time state under the config\'s name of it; a file\'s is left out', () => {
    const config = DashboardConfig.parse({ version: 2, load: ['bikes'], datasets: [{ id: 'bikes', url: 'data/bikes.parquet' }] });
    const info = (id: string, name: string) => ({ id, name }) as DatasetInfo;
    const mornings = { hours: { from: 7, to: 10 }, days: [1, 2, 3, 4, 5], zone: 'America/New_York' };
    const nights = { hours: { from: 22, to: 2 } };
    const out = currentConfig(
      config,
      { view: { center: [0, 0], zoom: 1 }, basemap: 'none', sources: [], layers: [], time: { bikes_table: mornings, racks: nights, dropped: nights } },
      [info('bikes_table', 'Bikes'), info('racks', 'SF racks'), info('dropped', 'x.csv')],
      { bikes_table: { entry: 'bikes' }, racks: { url: 'data/racks.csv' } },
    );
    expect(out.time).toEqual({ bikes: mornings, racks: nights });
    expect(DashboardConfig.parse(JSON.parse(JSON.stringify(out)))).toEqual(out);
    expect(currentConfig(config, { view: { center: [0, 0], zoom: 1 }, basemap: 'none', sources: [], layers: [] }, [], {}).time).toBeUndefined();
  });
});
