// Before/after on the real Citi Bike data: mean bikes available per borough in the four
// days before and after 17 March 2024 equals a direct SQL computation, with the stations
// placed in boroughs by turf (an independent point-in-polygon), with and without units.
import { beforeAll, describe, expect, it } from 'vitest';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { Engine } from '../../src/engine/engine';
import { nodePlatform } from '../../src/engine/platform-node';
import { Aggregator } from '../../src/engine/aggregate/aggregator';
import { Analysis } from '../../src/engine/analysis';
import { CHANGE_CLASSES } from '../../src/engine/stats';
import type { CompareRequest, CompareResult } from '../../src/engine/protocol';
import { hasSharedData, sharedFile } from '../shared-data';
import { loadPolygons, turfLocator } from './aggregate-helpers';

const BEFORE = { from: '2024-03-13', to: '2024-03-17' };
const AFTER = { from: '2024-03-17', to: '2024-03-21' };

describe.skipIf(!hasSharedData)('compare on Citi Bike per borough', () => {
  const engine = new Engine(nodePlatform);
  let bikes: string;
  let boroughs: string;
  let analysis: Analysis;
  let names: string[];

  beforeAll(async () => {
    await engine.init();
    bikes = (await engine.loadUrl(sharedFile('nyc_citibike_station_status_2024-03.parquet'), {})).id;
    [boroughs] = await loadPolygons(engine, ['nyc_boroughs.geojson']);
    analysis = new Analysis(new Aggregator(engine), engine);
    // The oracle's borough of every distinct position, by turf, as a table to join on.
    const { features, locate } = turfLocator('nyc_boroughs.geojson');
    names = features.map((f) => String(f.properties?.name));
    const pos = engine.connection.query(`SELECT DISTINCT lon, lat FROM "${bikes}"`).toArray().map((r) => r.toJSON() as { lon: number; lat: number });
    // Doubles travel as Arrow doubles: SQL number literals would be DECIMALs that need not round back.
    const lon = Float64Array.from(pos, (p) => p.lon), lat = Float64Array.from(pos, (p) => p.lat);
    const fid = Int32Array.from(pos, (p) => locate(p.lon, p.lat));
    engine.connection.insertArrowFromIPCStream(tableToIPC(tableFromArrays({ lon, lat, fid }), 'stream'), { name: 'oracle_position', create: true });
    const nameRows = names.map((nm, i) => `(${i}, '${nm}')`).join(', ');
    engine.connection.query(`CREATE TABLE oracle_borough AS SELECT p.lon, p.lat, n.borough FROM oracle_position p LEFT JOIN (VALUES ${nameRows}) n(fid, borough) USING (fid)`);
  }, 120_000);

  const request = (extra: Partial<CompareRequest> = {}): CompareRequest => ({
    dataset: bikes,
    by: { kind: 'districts', polygons: boroughs, nameColumn: 'name' },
    stat: 'mean',
    value: 'num_bikes_available',
    time: { column: 'ts_utc' },
    before: BEFORE,
    after: AFTER,
    minCount: 0,
    ...extra,
  });

  const byName = (r: CompareResult) => new Map(Array.from({ length: r.cells.length }, (_, i) => [r.cells.names?.[i] ?? 'outside', i]));

  function oracle(sql: string): Map<string, { before: number | null; after: number | null }> {
    const rows = engine.connection.query(sql).toArray().map((r) => r.toJSON() as { borough: string; w: number; v: number });
    const out = new Map<string, { before: number | null; after: number | null }>();
    for (const r of rows) {
      const e = out.get(r.borough) ?? { before: null, after: null };
      if (r.w === 0) e.before = r.v;
      else e.after = r.v;
      out.set(r.borough, e);
    }
    return out;
  }
  const windowCase = `CASE WHEN ts_utc >= TIMESTAMP '2024-03-13' AND ts_utc < TIMESTAMP '2024-03-17' THEN 0 WHEN ts_utc >= TIMESTAMP '2024-03-17' AND ts_utc < TIMESTAMP '2024-03-21' THEN 1 END`;

  it('row-level means equal SQL, and repeated readings are warned about', async () => {
    const r = await analysis.compare(request());
    const want = oracle(`SELECT borough, w, avg(num_bikes_available::DOUBLE) AS v FROM (SELECT b.borough, ${windowCase} AS w, s.num_bikes_available FROM "${bikes}" s JOIN oracle_borough b USING (lon, lat) WHERE b.borough IS NOT NULL) WHERE w IS NOT NULL GROUP BY ALL`);
    const idx = byName(r);
    expect(want.size).toBe(4); // Staten Island has no station
    for (const [borough, w] of want) {
      const i = idx.get(borough)!;
      expect(r.before[i]).toBeCloseTo(w.before!, 10);
      expect(r.after[i]).toBeCloseTo(w.after!, 10);
      expect(r.change[i]).toBeCloseTo(w.after! - w.before!, 10);
      expect(r.percentChange[i]).toBeCloseTo((100 * (w.after! - w.before!)) / w.before!, 8);
    }
    expect(r.test).toBe('welch');
    expect(r.days).toEqual({ before: 4, after: 4 });
    expect(r.warnings.map((m) => m.code)).toContain('compare-repeated-readings');
    expect(CHANGE_CLASSES[r.classes[idx.get('outside')!]]).toBe('outside');
    expect(Number.isNaN(r.p[idx.get('outside')!])).toBe(true);
  });

  it('station-day units: the mean of station-day means equals SQL', async () => {
    const r = await analysis.compare(request({ unit: { column: 'station_id', bin: 'day' } }));
    const want = oracle(`SELECT borough, w, avg(u) AS v FROM (SELECT b.borough, ${windowCase} AS w, s.station_id, date_trunc('day', ts_utc) AS d, avg(num_bikes_available::DOUBLE) AS u FROM "${bikes}" s JOIN oracle_borough b USING (lon, lat) WHERE b.borough IS NOT NULL GROUP BY ALL) WHERE w IS NOT NULL GROUP BY ALL`);
    const idx = byName(r);
    for (const [borough, w] of want) {
      const i = idx.get(borough)!;
      expect(r.before[i]).toBeCloseTo(w.before!, 10);
      expect(r.after[i]).toBeCloseTo(w.after!, 10);
    }
    expect(r.test).toBe('welch-units');
    expect(r.warnings.map((m) => m.code)).not.toContain('compare-repeated-readings');
  });

  it('counts over equal windows are raw counts, over unequal ones rates per day', async () => {
    const equal = await analysis.compare(request({ stat: 'count', value: undefined }));
    const want = oracle(`SELECT borough, w, count(*)::DOUBLE AS v FROM (SELECT b.borough, ${windowCase} AS w FROM "${bikes}" s JOIN oracle_borough b USING (lon, lat) WHERE b.borough IS NOT NULL) WHERE w IS NOT NULL GROUP BY ALL`);
    const idx = byName(equal);
    for (const [borough, w] of want) {
      expect(equal.countBefore[idx.get(borough)!]).toBe(w.before);
      expect(equal.before[idx.get(borough)!]).toBe(w.before);
    }
    expect(equal.perDay).toBe(false);
    const unequal = await analysis.compare(request({ stat: 'count', value: undefined, after: { from: '2024-03-17', to: '2024-03-19' } }));
    expect(unequal.perDay).toBe(true);
    const i = byName(unequal).get('Brooklyn')!;
    expect(unequal.before[i]).toBeCloseTo(want.get('Brooklyn')!.before! / 4, 9);
  });

  it('refuses overlapping or empty windows with a message', async () => {
    await expect(analysis.compare(request({ after: { from: '2024-03-15', to: '2024-03-19' } }))).rejects.toThrow(/overlap/);
    await expect(analysis.compare(request({ before: { from: '2024-03-17', to: '2024-03-13' } }))).rejects.toThrow(/starts .* at or after it ends/);
    await expect(analysis.compare(request({ before: { from: '2023-01-01', to: '2023-02-01' } }))).rejects.toThrow(/none of the data/);
  });
});
