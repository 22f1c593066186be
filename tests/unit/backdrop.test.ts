// The Natural Earth backdrop made at build time: 1:10m land cut to the dashboard's extent
// (so Manhattan is an island at zoom 10–12) beside 1:110m for the world, and never the
// whole 10 m file. Areas and point-in-polygon answers come from oracles written here.
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BACKDROP_FILES, clipRing, dashboardExtent, detailFor, writeBackdrop } from '../../scripts/basemap/backdrop.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
type Ring = [number, number][];

/** Shoelace area of a closed ring. */
function area(ring: Ring): number {
  let a = 0;
  for (let i = 0; i + 1 < ring.length; i++) a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return Math.abs(a) / 2;
}

/** Even-odd ray casting. */
function inRing([x, y]: [number, number], ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

describe('cutting rings to a box', () => {
  it('keeps the part inside, for convex and concave rings', () => {
    const square: Ring = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]];
    expect(area(clipRing(square, [5, 5, 15, 15])!)).toBeCloseTo(25, 9);
    expect(area(clipRing(square, [-1, -1, 11, 11])!)).toBeCloseTo(100, 9);
    expect(clipRing(square, [20, 20, 30, 30])).toBeNull();
    // An L (area 75: the square less its top-right quarter) cut to the right half: 25.
    const l: Ring = [[0, 0], [10, 0], [10, 5], [5, 5], [5, 10], [0, 10], [0, 0]];
    expect(area(clipRing(l, [5, 0, 10, 10])!)).toBeCloseTo(25, 9);
    expect(area(clipRing(l, [0, 0, 10, 10])!)).toBeCloseTo(75, 9);
  });
});

describe('the sample dashboard backdrop', () => {
  const config = JSON.parse(readFileSync(path.join(root, 'public/citylens.config.json'), 'utf8'));
  const detail = detailFor(dashboardExtent(config));

  it('makes Manhattan an island: its streets land, the Hudson and East River water', () => {
    const [sea, land] = detail.features;
    expect(sea.properties.kind).toBe('sea');
    expect(land.properties.kind).toBe('land');
    const polygons = (land.geometry as GeoJSON.MultiPolygon).coordinates as Ring[][];
    const isLand = (p: [number, number]) => polygons.some(([outer, ...holes]) => inRing(p, outer) && !holes.some((h) => inRing(p, h)));
    expect(isLand([-73.98, 40.76])).toBe(true); // Midtown
    expect(isLand([-73.95, 40.65])).toBe(true); // Brooklyn
    expect(isLand([-74.015, 40.76])).toBe(false); // the Hudson
    expect(isLand([-73.962, 40.75])).toBe(false); // the East River
    expect(isLand([-74.05, 40.65])).toBe(false); // Upper New York Bay
  });

  it('ships small files: the cut 10 m land and the 110 m world, never the whole 10 m file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'backdrop-'));
    const sizes = writeBackdrop(config, dir);
    expect(statSync(path.join(dir, BACKDROP_FILES.detail)).size).toBe(sizes.detail);
    expect(sizes.detail).toBeLessThan(50_000);
    expect(sizes.world).toBeLessThan(120_000);
    expect(statSync(path.join(root, 'node_modules/world-atlas/land-10m.json')).size).toBeGreaterThan(3_000_000);
  });

  it('takes the config extent, else a box around its view, and gives no detail for a world view', () => {
    expect(dashboardExtent(config)).toEqual([-75, 40.2, -72.9, 41.3]);
    const around = dashboardExtent({ view: { center: [10, 0], zoom: 10 } })!;
    // Four 256-px tiles of zoom 10 each way: 4 × 360 / 2^10 = 1.40625° (× cos 0 in latitude).
    [10 - 1.40625, -1.40625, 10 + 1.40625, 1.40625].forEach((want, i) => expect(around[i]).toBeCloseTo(want, 9));
    expect(detailFor(dashboardExtent({ view: { center: [0, 20], zoom: 1.5 } })).features).toEqual([]);
    expect(detailFor(null).features).toEqual([]);
  });
});
