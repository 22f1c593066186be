// Hotspots over more than 100,000 grid cells, through the engine service's `layer`
// request as the app sends it (issue 11: "Gi* on 100,000 cells works end to end"). The
// points are seeded random with a planted dense block; the oracle is the Gi* formula
// written here over the layer's own counts, with Chebyshev ≤ 1 neighbours found from
// the cells' column and row, at sampled cells.
import { beforeAll, describe, expect, it } from 'vitest';
import { nodePlatform } from '../../src/engine/platform-node';
import { createEngineService } from '../../src/engine/service/engine-service';
import { HOTSPOT_CLASSES } from '../../src/engine/stats';
import type { DatasetInfo } from '../../src/engine/protocol';
import { lcg, normalTwoSidedOracle } from './stats-oracles';

const N = 420_000;
const PLANTED = 6_000;

function pointsCsv(): Uint8Array {
  const rnd = lcg(2024);
  const lines = ['lon,lat'];
  // About 9 km × 9 km south of Central Park, and a dense 200 m block inside it.
  for (let i = 0; i < N; i++) lines.push(`${(-74.03 + 0.106 * rnd()).toFixed(7)},${(40.70 + 0.081 * rnd()).toFixed(7)}`);
  for (let i = 0; i < PLANTED; i++) lines.push(`${(-73.98 + 0.0024 * rnd()).toFixed(7)},${(40.74 + 0.0018 * rnd()).toFixed(7)}`);
  return new TextEncoder().encode(lines.join('\n') + '\n');
}

describe('hotspots on more than 100,000 cells', () => {
  const service = createEngineService(nodePlatform);
  let points: DatasetInfo;
  beforeAll(async () => {
    await service.init({ baseUrl: 'file:///' });
    points = await service.loadBytes('many-points.csv', pointsCsv(), {});
  }, 120_000);

  it('draws the layer with its classes, and z agrees with the formula at sampled cells', async () => {
    const { value } = await service.query({ type: 'layer', layer: { kind: 'grid', dataset: points.id, by: { kind: 'grid', sizeM: 25 }, minCount: 0, analysis: { kind: 'hotspots' } } });
    if (value.kind !== 'cells' || value.analysis?.kind !== 'hotspots') throw new Error(`expected a hotspot cells layer, got ${value.kind}`);
    const h = value.analysis.result;
    const r = value.result;
    expect(r.length).toBeGreaterThan(100_000);
    expect(h.observations).toBe(r.length);
    let rows = 0;
    for (let i = 0; i < r.length; i++) rows += r.counts[i];
    expect(rows).toBe(N + PLANTED);

    const key = (c: number, w: number) => `${c}:${w}`;
    const count = new Map<string, number>();
    for (let i = 0; i < r.length; i++) count.set(key(r.ids[2 * i], r.ids[2 * i + 1]), r.counts[i]);
    const n = r.length;
    let sum = 0, sq = 0;
    for (let i = 0; i < n; i++) { sum += r.counts[i]; sq += r.counts[i] ** 2; }
    const mean = sum / n, s = Math.sqrt(sq / n - mean * mean);
    let hottest = 0;
    for (let i = 0; i < n; i++) if (h.z[i] > h.z[hottest]) hottest = i;
    for (let i = 0; i < n; i += 997) {
      let lag = 0, w = 0;
      for (let dc = -1; dc <= 1; dc++) for (let dr = -1; dr <= 1; dr++) {
        const v = count.get(key(r.ids[2 * i] + dc, r.ids[2 * i + 1] + dr));
        if (v !== undefined) { lag += v; w++; }
      }
      const z = (lag - mean * w) / (s * Math.sqrt((n * w - w * w) / (n - 1)));
      expect(Math.abs(h.z[i] - z)).toBeLessThan(1e-9 * Math.max(1, Math.abs(z)));
      expect(Math.abs(h.p[i] - normalTwoSidedOracle(z))).toBeLessThan(1e-12);
    }
    // The hottest cell lies in the planted block, and is hot at 99 % after FDR.
    expect(r.centers![2 * hottest]).toBeGreaterThan(-73.9805);
    expect(r.centers![2 * hottest]).toBeLessThan(-73.9771);
    expect(HOTSPOT_CLASSES[h.classes[hottest]]).toBe('hot-99');
  }, 120_000);
});
