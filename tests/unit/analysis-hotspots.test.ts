// Hotspots end to end in the engine and the CLI on a planted fixture: 36 square blocks,
// a 3×3 cluster of busy ones. The centre block is hot by construction; the exported
// table has the CLI's columns, ordered by id, and small-count blocks stay suppressed.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine';
import { nodePlatform } from '../../src/engine/platform-node';
import { Aggregator } from '../../src/engine/aggregate/aggregator';
import { Analysis } from '../../src/engine/analysis';
import { HOTSPOT_CLASSES } from '../../src/engine/stats';
import type { AggregateResult } from '../../src/engine/protocol';
import { hotspotTable } from '../../src/engine/export/tables';
import { tableToCsv } from '../../src/engine/export/write';
import { denseGiStar, firstDisagreement } from './stats-oracles';
import { arcMetres } from './neighbours-helpers';
import { booleanPointInPolygon, convex, featureCollection, point } from '@turf/turf';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BLOCKS = path.join(root, 'tests/fixtures/e2e/hotspot-blocks.geojson');
const POINTS = path.join(root, 'tests/fixtures/e2e/hotspot-points.csv');
const XSS = '<img src=x onerror=alert(1)>';

function cli(...args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(path.join(root, 'node_modules/.bin/tsx'), ['src/cli/main.ts', ...args], { cwd: root }, (err, _out, stderr) =>
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stderr }),
    );
  });
}

describe('hotspots on planted blocks', () => {
  const engine = new Engine(nodePlatform);
  let points: string, blocks: string, analysis: Analysis;
  beforeAll(async () => {
    await engine.init();
    blocks = (await engine.loadUrl(BLOCKS, {})).id;
    points = (await engine.loadUrl(POINTS, {})).id;
    analysis = new Analysis(new Aggregator(engine), engine);
  }, 60_000);

  it('finds the planted cluster centre hot at 99 %, with queen neighbours and FDR', async () => {
    const h = await analysis.hotspots({ dataset: points, by: { kind: 'districts', polygons: blocks, nameColumn: 'name' } });
    const centre = h.cells.names!.indexOf(XSS);
    expect(HOTSPOT_CLASSES[h.classes[centre]]).toBe('hot-99');
    expect(h.observations).toBe(36);
    expect(h.neighbours).toEqual({ kind: 'queen' });
    // Its z is the largest: all eight neighbours are busy blocks.
    let best = 0;
    for (let i = 0; i < h.z.length; i++) if (h.z[i] > h.z[best]) best = i;
    expect(best).toBe(centre);
    expect(HOTSPOT_CLASSES[h.classes[h.cells.length - 1]]).toBe('outside');
    expect(h.warnings).toEqual([]);
  });

  it('suppresses small blocks with k = 6 but keeps them in the sums', async () => {
    const all = await analysis.hotspots({ dataset: points, by: { kind: 'districts', polygons: blocks }, minCount: 0 });
    const k6 = await analysis.hotspots({ dataset: points, by: { kind: 'districts', polygons: blocks }, minCount: 6 });
    for (let i = 0; i < all.cells.length - 1; i++) {
      if (all.cells.counts[i] < 6) {
        expect(HOTSPOT_CLASSES[k6.classes[i]]).toBe('suppressed');
        expect(Number.isNaN(k6.z[i])).toBe(true);
      } else {
        expect(k6.z[i]).toBe(all.z[i]);
      }
    }
  });

  it('the CLI writes id,count,value,z,p,class ordered by id, the same numbers as the engine', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'citylens-hot-'));
    const out = path.join(dir, 'hot.csv');
    const run = await cli('hotspots', POINTS, '--by', `districts:${BLOCKS}:name`, '--min-count', '0', '--out', out);
    expect(run.stderr).toMatch(/36 observations/);
    expect(run.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    const [head, ...rows] = text.trim().split('\n');
    expect(head).toBe('id,count,value,z,p,class');
    const ids = rows.map((r) => (r.startsWith('"') ? r.slice(1, r.indexOf('"', 1)) : r.split(',')[0]));
    expect(ids).toEqual([...ids].sort());
    const h = await analysis.hotspots({ dataset: points, by: { kind: 'districts', polygons: blocks, nameColumn: 'name' }, minCount: 0 });
    expect(text).toBe(tableToCsv(hotspotTable(h)));
    const outside = rows.find((r) => r.startsWith('outside,'))!;
    expect(outside.endsWith(',,,outside')).toBe(true);
  }, 60_000);

  it('knn:4 between block centroids gives the Gi* of the four nearest, by an oracle', async () => {
    const h = await analysis.hotspots({ dataset: points, by: { kind: 'districts', polygons: blocks, nameColumn: 'name' }, neighbours: { kind: 'knn', k: 4 }, minCount: 0 });
    // The oracle reads the blocks itself: a rectangle's centroid is its box's middle; ids are the names.
    const features = (JSON.parse(readFileSync(BLOCKS, 'utf8')) as { features: { properties: { name: string }; geometry: { coordinates: number[][][] } }[] }).features;
    const centre = features.map((f): [number, number] => {
      const xs = f.geometry.coordinates[0].map((c) => c[0]), ys = f.geometry.coordinates[0].map((c) => c[1]);
      return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
    });
    const names = features.map((f) => f.properties.name);
    const links = centre.map((c, i) => centre.map((d, j) => ({ j, m: arcMetres(c, d) })).filter((o) => o.j !== i)
      .sort((a, b) => a.m - b.m || (names[a.j] < names[b.j] ? -1 : names[a.j] > names[b.j] ? 1 : 0)).slice(0, 4).map((o) => o.j));
    const x = Array.from(h.cells.counts.subarray(0, features.length));
    const oracle = denseGiStar(x, links);
    expect(h.links).toBe(4 * features.length);
    expect(firstDisagreement(h.z.subarray(0, features.length), oracle.z, 1e-9)).toBeNull();
    expect(HOTSPOT_CLASSES[h.classes[names.indexOf(XSS)]]).toMatch(/^hot-/);
  });

  it('band neighbours on a grid: 1.7 cells reaches exactly the eight ring:1 cells, so z is the same', async () => {
    const ring = await analysis.hotspots({ dataset: points, by: { kind: 'grid', sizeM: 300 }, minCount: 0 });
    const band = await analysis.hotspots({ dataset: points, by: { kind: 'grid', sizeM: 300 }, neighbours: { kind: 'band', metres: 510 }, minCount: 0 });
    expect(band.links).toBe(ring.links);
    expect(firstDisagreement(band.z, ring.z, 1e-12)).toBeNull();
    const wider = await analysis.hotspots({ dataset: points, by: { kind: 'grid', sizeM: 300 }, neighbours: { kind: 'band', metres: 650 }, minCount: 0 });
    expect(wider.links).toBeGreaterThan(ring.links);
  });

  it('include-empty adds as zeros exactly the empty grid cells whose centre lies in the points\' hull', async () => {
    const plain = await analysis.hotspots({ dataset: points, by: { kind: 'grid', sizeM: 300 }, minCount: 0 });
    const h = await analysis.hotspots({ dataset: points, by: { kind: 'grid', sizeM: 300 }, minCount: 0, includeEmpty: true });
    // The oracle: turf's hull of the points, and cell centres from the affine col → lon and
    // row → lat of the local equirectangular grid, fitted on two cells of the plain result.
    const pts = readFileSync(POINTS, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').slice(0, 2).map(Number));
    const hull = convex(featureCollection(pts.map((p) => point(p))))!;
    const cell = (r: AggregateResult, i: number) => ({ col: r.ids[2 * i], row: r.ids[2 * i + 1], lon: r.centers![2 * i], lat: r.centers![2 * i + 1] });
    const cells = Array.from({ length: plain.cells.length }, (_, i) => cell(plain.cells, i));
    const a = cells[0], bc = cells.find((c) => c.col !== a.col)!, br = cells.find((c) => c.row !== a.row)!;
    const lonOf = (col: number) => a.lon + ((bc.lon - a.lon) / (bc.col - a.col)) * (col - a.col);
    const latOf = (row: number) => a.lat + ((br.lat - a.lat) / (br.row - a.row)) * (row - a.row);
    const has = new Set(cells.map((c) => `${c.col}:${c.row}`));
    const expected = new Set(has);
    const cols = cells.map((c) => c.col), rows = cells.map((c) => c.row);
    for (let c = Math.min(...cols) - 3; c <= Math.max(...cols) + 3; c++) {
      for (let r = Math.min(...rows) - 3; r <= Math.max(...rows) + 3; r++) {
        if (booleanPointInPolygon(point([lonOf(c), latOf(r)]), hull)) expected.add(`${c}:${r}`);
      }
    }
    const got = Array.from({ length: h.cells.length }, (_, i) => cell(h.cells, i));
    expect(new Set(got.map((c) => `${c.col}:${c.row}`))).toEqual(expected);
    expect(h.added).toBe(expected.size - has.size);
    expect(h.added).toBeGreaterThan(0);
    got.forEach((c, i) => {
      if (has.has(`${c.col}:${c.row}`)) return;
      expect(h.cells.counts[i]).toBe(0);
      expect(h.x[i]).toBe(0);
      expect(c.lon).toBeCloseTo(lonOf(c.col), 9);
    });
    // Gi* over the zeros too, with ring:1 (Chebyshev ≤ 1) links found by the oracle.
    const links = got.map((c, i) => got.flatMap((d, j) => (j !== i && Math.abs(d.col - c.col) <= 1 && Math.abs(d.row - c.row) <= 1 ? [j] : [])));
    const oracle = denseGiStar(Array.from(h.cells.counts), links);
    expect(firstDisagreement(h.z, oracle.z, 1e-9)).toBeNull();
  });

  it('refuses a ring rule for districts and too many permutations, naming them', async () => {
    await expect(analysis.hotspots({ dataset: points, by: { kind: 'districts', polygons: blocks }, neighbours: { kind: 'ring', k: 1 } })).rejects.toThrow(/not ring/);
    await expect(analysis.hotspots({ dataset: points, by: { kind: 'grid', sizeM: 300 }, permutations: -1 })).rejects.toThrow(/permutations/);
  });
});
