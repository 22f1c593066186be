// knn and band neighbours against a brute-force oracle written here: every pair's
// great-circle distance through 3D unit vectors (chord → arc), not the engine's haversine,
// sorted by (distance, id as a string). Also the tie rule, duplicate centres, a spread at
// high latitude where the plane the index uses is most distorted, and district centroids.
import { describe, expect, it } from 'vitest';
import { bandNeighbours, knnNeighbours } from '../../src/engine/aggregate/neighbours';
import { featureCentroid } from '../../src/engine/aggregate/centroids';
import type { PolygonShapes } from '../../src/engine/protocol';
import type { NeighbourList } from '../../src/engine/aggregate/neighbours';
import { lcg } from './stats-oracles';
import { arcMetres as arcM } from './neighbours-helpers';

function rows(list: NeighbourList): number[][] {
  return Array.from({ length: list.offsets.length - 1 }, (_, i) => Array.from(list.neighbours.subarray(list.offsets[i], list.offsets[i + 1])));
}

function points(n: number, seed: number, lon0: number, lat0: number, spanLon: number, spanLat: number): [number, number][] {
  const rnd = lcg(seed);
  return Array.from({ length: n }, () => [lon0 + spanLon * rnd(), lat0 + spanLat * rnd()]);
}
const flat = (pts: [number, number][]) => Float64Array.from(pts.flat());

function knnOracle(pts: [number, number][], ids: string[], k: number): number[][] {
  return pts.map((p, i) => {
    const others = pts.map((q, j) => ({ j, d: arcM(p, q) })).filter((o) => o.j !== i);
    others.sort((a, b) => a.d - b.d || (ids[a.j] < ids[b.j] ? -1 : ids[a.j] > ids[b.j] ? 1 : 0));
    return others.slice(0, k).map((o) => o.j).sort((a, b) => a - b);
  });
}

function bandOracle(pts: [number, number][], metres: number): number[][] {
  return pts.map((p, i) => pts.map((q, j) => (j !== i && arcM(p, q) <= metres ? j : -1)).filter((j) => j >= 0));
}

describe('knn neighbours', () => {
  it('equal the brute-force k nearest over a city (k = 1, 6, 8)', () => {
    const pts = points(400, 7, -74.05, 40.65, 0.2, 0.15);
    const ids = pts.map((_, i) => `c${i}`);
    for (const k of [1, 6, 8]) expect(rows(knnNeighbours(flat(pts), ids, k))).toEqual(knnOracle(pts, ids, k));
  });

  it('equal the brute-force k nearest across 40° of longitude at 60–72° N', () => {
    const pts = points(300, 11, 0, 60, 40, 12);
    const ids = pts.map((_, i) => String(i));
    expect(rows(knnNeighbours(flat(pts), ids, 5))).toEqual(knnOracle(pts, ids, 5));
  });

  it('break ties by id compared as strings ("10" before "9")', () => {
    // Two points at the same distance east and west of the first (lon ±0.01 at one latitude).
    const pts: [number, number][] = [[0, 40.7], [0.01, 40.7], [-0.01, 40.7]];
    expect(rows(knnNeighbours(flat(pts), ['a', '9', '10'], 1))[0]).toEqual([2]);
    expect(rows(knnNeighbours(flat(pts), ['a', '10', '9'], 1))[0]).toEqual([1]);
  });

  it('never count the observation itself, list fewer when there are fewer others, and handle shared centres', () => {
    const pts: [number, number][] = [[-74, 40.7], [-74, 40.7], [-74, 40.7], [-73.99, 40.7]];
    const list = rows(knnNeighbours(flat(pts), ['a', 'b', 'c', 'd'], 2));
    expect(list).toEqual([[1, 2], [0, 2], [0, 1], [0, 1]]);
    expect(rows(knnNeighbours(flat(pts), ['a', 'b', 'c', 'd'], 10))).toEqual([[1, 2, 3], [0, 2, 3], [0, 1, 3], [0, 1, 2]]);
  });
});

describe('band neighbours', () => {
  it('equal every pair within the distance, symmetric, over a city', () => {
    const pts = points(400, 3, -74.05, 40.65, 0.2, 0.15);
    for (const m of [300, 1500]) {
      const list = rows(bandNeighbours(flat(pts), m));
      expect(list).toEqual(bandOracle(pts, m));
      list.forEach((row, i) => row.forEach((j) => expect(list[j]).toContain(i)));
    }
  });

  it('equal every pair within 150 km at 60–72° N', () => {
    const pts = points(200, 5, 0, 60, 40, 12);
    expect(rows(bandNeighbours(flat(pts), 150_000))).toEqual(bandOracle(pts, 150_000));
  });
});

describe('district centroids', () => {
  const shapes = (rings: number[][][][]): PolygonShapes => {
    const coords: number[] = [], ringOffsets = [0], polygonRingOffsets = [0];
    for (const poly of rings) {
      for (const ring of poly) {
        for (const [x, y] of ring) coords.push(x, y);
        ringOffsets.push(coords.length / 2);
      }
      polygonRingOffsets.push(ringOffsets.length - 1);
    }
    return { featureCount: 1, coords: Float64Array.from(coords), ringOffsets: Uint32Array.from(ringOffsets), polygonRingOffsets: Uint32Array.from(polygonRingOffsets), featurePolygonOffsets: Uint32Array.from([0, rings.length]) };
  };
  const square = (x0: number, y0: number, s: number, cw = false) => {
    const r = [[x0, y0], [x0 + s, y0], [x0 + s, y0 + s], [x0, y0 + s], [x0, y0]];
    return cw ? r.reverse() : r;
  };

  it('weights by area: a square with a corner hole, in either ring orientation', () => {
    // 2×2 square (centre 1,1, area 4) less a 1×1 hole (centre 0.5,0.5): (4·1 − 1·0.5) / 3.
    for (const cw of [false, true]) {
      const [x, y] = featureCentroid(shapes([[square(10, 40, 2, cw), square(10, 40, 1, !cw)]]), 0);
      expect(x).toBeCloseTo(10 + 3.5 / 3, 12);
      expect(y).toBeCloseTo(40 + 3.5 / 3, 12);
    }
  });

  it('weights the parts of a multipolygon by their areas', () => {
    // A 1×1 square centred at (0.5, 0.5) and a 2×2 one centred at (11, 1): (1·0.5 + 4·11) / 5.
    const [x, y] = featureCentroid(shapes([[square(0, 0, 1)], [square(10, 0, 2, true)]]), 0);
    expect(x).toBeCloseTo((0.5 + 44) / 5, 12);
    expect(y).toBeCloseTo((0.5 + 4) / 5, 12);
  });
});
