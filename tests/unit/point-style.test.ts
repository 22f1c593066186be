import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine';
import { nodePlatform } from '../../src/engine/platform-node';
import { pointStyle } from '../../src/engine/point-style';
import { scaleFromParts } from '../../src/scales/colour';
import { hasSharedData, sharedFile } from '../shared-data';

const key = (c: Uint8Array, i: number) => `${c[4 * i]},${c[4 * i + 1]},${c[4 * i + 2]},${c[4 * i + 3]}`;

describe.skipIf(!hasSharedData)('point colours and sizes from columns', () => {
  const engine = new Engine(nodePlatform);
  const opts = { scheme: 'viridis' as const, classification: 'quantile' as const, classes: 5 };
  beforeAll(async () => {
    await engine.init();
    await engine.loadUrl(sharedFile('nyc_311_animal_complaints_2025.csv'), {});
    await engine.loadUrl(sharedFile('sf_bike_parking_racks.csv'), {});
  });

  it('colours each 311 complaint by its type: one colour per type, counts as in SQL', () => {
    const info = engine.dataset('nyc_311_animal_complaints_2025');
    const style = pointStyle(engine.connection, info, { dataset: info.id, colorBy: 'Complaint Type', scale: opts });
    const positions = engine.pointPositions(info.id);
    expect(style.count).toBe(positions.count);
    expect(style.count).toBe(4_907);
    const byColour = new Map<string, number>();
    for (let i = 0; i < style.count; i++) byColour.set(key(style.colours!, i), (byColour.get(key(style.colours!, i)) ?? 0) + 1);
    const scale = scaleFromParts(style.scale!);
    expect(scale.categories!.length).toBe(9);
    const sql = `SELECT "Complaint Type" AS k, count(*)::INTEGER AS n FROM "${info.id}" WHERE "Latitude" IS NOT NULL AND "Longitude" IS NOT NULL GROUP BY 1`;
    const expected = new Map(engine.connection.query(sql).toArray().map((r: { toJSON(): unknown }) => {
      const o = r.toJSON() as { k: string; n: number };
      return [o.k, o.n];
    }));
    scale.categories!.forEach((cat, i) => {
      const c = scale.colours[i];
      expect(byColour.get(c.join(','))).toBe(expected.get(cat));
    });
  });

  it('classes numeric values and sizes points by the square root of a column', () => {
    const info = engine.dataset('sf_bike_parking_racks');
    const style = pointStyle(engine.connection, info, { dataset: info.id, colorBy: 'spaces', sizeBy: 'spaces', scale: opts });
    expect(style.count).toBe(2_520);
    const scale = scaleFromParts(style.scale!);
    const spaces = engine.connection.query(`SELECT spaces::DOUBLE AS v FROM "${info.id}"`).toArray().map((r: { toJSON(): unknown }) => (r.toJSON() as { v: number }).v);
    const max = Math.max(...spaces);
    for (const i of [0, 1, 100, 2519]) {
      expect(key(style.colours!, i)).toBe(scale.colourOf(spaces[i]).join(','));
      expect(style.radii![i]).toBeCloseTo(1 + 8 * Math.sqrt(spaces[i] / max), 5);
    }
    expect(style.sql).toContain('"spaces"');
  });
});
