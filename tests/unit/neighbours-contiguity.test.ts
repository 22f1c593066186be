// Queen and rook contiguity on hand-made shapes laid out in metres, with the answers
// worked out by hand in each test, and the queen rule against a literal brute force.
import { describe, expect, it } from 'vitest';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { polygonContiguity } from '../../src/engine/aggregate/neighbours';
import { segmentNearInterval } from '../../src/engine/aggregate/neighbours/segment-near';
import { localProjection, unproject } from '../../src/engine/aggregate/projection';
import { shapesFromFeatures } from './aggregate-helpers';
import { asymmetricLinks, expectWellFormed, rowsOf, vertexRuleQueen } from './neighbours-helpers';

// Shapes are drawn in metres east/north of a point in Manhattan.
const origin = localProjection(-73.98, 40.75);
type Box = [number, number, number, number]; // x0, y0, x1, y1 in metres
const ring = ([x0, y0, x1, y1]: Box) => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]].map(([x, y]) => unproject(origin, x, y));
const square = (b: Box): Feature<Polygon> => ({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring(b)] } });
const polygon = (points: [number, number][]): Feature<Polygon> => ({
  type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[...points, points[0]].map(([x, y]) => unproject(origin, x, y))] },
});
const both = ['queen', 'rook'] as const;
const contiguity = (features: Feature<Polygon | MultiPolygon>[], rule: 'queen' | 'rook', options = {}) => {
  const shapes = shapesFromFeatures(features);
  const list = polygonContiguity(shapes, rule, options);
  expectWellFormed(list, features.length);
  return rowsOf(list);
};

describe('segmentNearInterval (the part of a segment within d of another)', () => {
  const out = new Float64Array(2);
  it('a parallel segment 0.3 away meets the capsule of radius 0.5 where the end discs allow: x ∈ [−0.4, 5.4]', () => {
    // P(t) = (−10 + 20t, 0.3) against the segment (0,0)–(5,0); √(0.5² − 0.3²) = 0.4.
    expect(segmentNearInterval(-10, 0.3, 20, 0, 0, 0, 5, 0, 0.5, out)).toBe(true);
    expect(out[0]).toBeCloseTo(9.6 / 20, 12);
    expect(out[1]).toBeCloseTo(15.4 / 20, 12);
  });
  it('a crossing at right angles: |y| ≤ 0.5 around the crossing', () => {
    expect(segmentNearInterval(2, -10, 0, 20, 0, 0, 5, 0, 0.5, out)).toBe(true);
    expect(out[0]).toBeCloseTo(9.5 / 20, 12);
    expect(out[1]).toBeCloseTo(10.5 / 20, 12);
  });
  it('clipped to the segment, and empty when too far', () => {
    expect(segmentNearInterval(4, 0.1, 10, 0, 0, 0, 5, 0, 0.5, out)).toBe(true);
    expect([out[0], out[1]]).toEqual([0, expect.closeTo((5 + Math.sqrt(0.24) - 4) / 10, 12)]);
    expect(segmentNearInterval(-10, 0.6, 20, 0, 0, 0, 5, 0, 0.5, out)).toBe(false);
    expect(segmentNearInterval(5.3, 0.3, 1, 1, 0, 0, 5, 0, 0.5, out)).toBe(true); // starts in the end disc
    expect(out[0]).toBe(0);
  });
});

describe('polygonContiguity on hand-made shapes', () => {
  it('2 × 2 chessboard: diagonal squares touch at one corner, so queen yes and rook no', () => {
    // 0 bottom-left, 1 bottom-right, 2 top-left, 3 top-right; 100 m squares.
    const board = [square([0, 0, 100, 100]), square([100, 0, 200, 100]), square([0, 100, 100, 200]), square([100, 100, 200, 200])];
    expect(contiguity(board, 'queen')).toEqual([[1, 2, 3], [0, 2, 3], [0, 1, 3], [0, 1, 2]]);
    expect(contiguity(board, 'rook')).toEqual([[1, 2], [0, 3], [0, 3], [1, 2]]);
  });

  it('a 0.3 m gap is within the 0.5 m tolerance, a 0.7 m gap is not, unless the tolerance grows', () => {
    for (const rule of both) {
      expect(contiguity([square([0, 0, 100, 100]), square([100.3, 0, 200, 100])], rule)).toEqual([[1], [0]]);
      expect(contiguity([square([0, 0, 100, 100]), square([100.7, 0, 200, 100])], rule)).toEqual([[], []]);
      expect(contiguity([square([0, 0, 100, 100]), square([100.7, 0, 200, 100])], rule, { toleranceM: 1 })).toEqual([[1], [0]]);
    }
  });

  it('a shared edge of 0.8 m: queen yes, rook no (under 1 m); 1.2 m: rook yes', () => {
    // B sits on A's right edge, overlapping it for the top 0.8 m (then 1.2 m) only.
    // Counting every point of A within 0.5 m of B would give 0.8 + 2 · 0.5 = 1.8 m.
    const a = square([0, 0, 100, 100]);
    const b08 = square([100, 99.2, 200, 199.2]);
    expect(contiguity([a, b08], 'queen')).toEqual([[1], [0]]);
    expect(contiguity([a, b08], 'rook')).toEqual([[], []]);
    expect(contiguity([a, square([100, 98.8, 200, 198.8])], 'rook')).toEqual([[1], [0]]);
    // The measured length is the 0.8 m itself, to the centimetre.
    expect(contiguity([a, b08], 'rook', { minSharedM: 0.79 })).toEqual([[1], [0]]);
    expect(contiguity([a, b08], 'rook', { minSharedM: 0.81 })).toEqual([[], []]);
  });

  it('a shared edge split into differently cut pieces on each side is measured once, as its length', () => {
    // A's right edge is one segment; B's left edge is cut at 30, 30.5, 60 and overlaps itself nowhere.
    const a = square([0, 0, 100, 100]);
    const b = polygon([[100, 0], [200, 0], [200, 100], [100, 100], [100, 60], [100, 30.5], [100, 30]]);
    for (const m of [99.9, 100.1]) expect(contiguity([a, b], 'rook', { minSharedM: m })).toEqual(m < 100 ? [[1], [0]] : [[], []]);
  });

  it('holes and multipolygons: a square filling a hole, and a feature touching through its second part', () => {
    const holed: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring([0, 0, 300, 300]), ring([100, 100, 200, 200]).reverse()] } };
    const inHole = square([100, 100, 200, 200]);
    const twoParts: Feature<MultiPolygon> = {
      type: 'Feature', properties: {},
      geometry: { type: 'MultiPolygon', coordinates: [[ring([300, 0, 400, 100])], [ring([1000, 0, 1100, 100])]] },
    };
    const besideSecondPart = square([1100.2, 0, 1200, 100]);
    const alone = square([5000, 5000, 5100, 5100]);
    const inside = square([130, 130, 170, 170]); // inside the hole's square, touching nothing
    const features = [holed, inHole, twoParts, besideSecondPart, alone, inside];
    for (const rule of both) expect(contiguity(features, rule)).toEqual([[1, 2], [0], [0, 3], [2], [], []]);
  });

  it('boundaries that cross (overlapping features) are queen neighbours even with no vertex near the crossing', () => {
    // B overlaps A's right half; its corners are 20 m outside A and A's corners 20 m inside B.
    const a = square([0, 0, 100, 100]);
    const b = square([50, -20, 150, 120]);
    expect(vertexRuleQueen(shapesFromFeatures([a, b]), 0.5)).toEqual([[], []]);
    expect(contiguity([a, b], 'queen')).toEqual([[1], [0]]);
    // The edges cross at right angles: no length of boundary runs along the other.
    expect(contiguity([a, b], 'rook')).toEqual([[], []]);
  });

  it('jittered blocks: symmetric, rook within queen, and queen equal to the literal vertex rule', () => {
    // A 6 × 6 block grid whose blocks each get their own copy of the corners, moved up to
    // ±0.4 m, and extra vertices along some edges, so no two boundaries coincide.
    let seed = 7;
    const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32) - 0.5;
    const blocks: Feature<Polygon>[] = [];
    for (let r = 0; r < 6; r++) {
      for (let c = 0; c < 6; c++) {
        const pts: [number, number][] = [];
        const corners: [number, number][] = [[c, r], [c + 1, r], [c + 1, r + 1], [c, r + 1]];
        corners.forEach(([x, y], k) => {
          pts.push([x * 80 + 0.8 * rand(), y * 80 + 0.8 * rand()]);
          const [nx, ny] = corners[(k + 1) % 4];
          if ((r + c + k) % 3 === 0) pts.push([((x + nx) / 2) * 80 + 0.5 * rand(), ((y + ny) / 2) * 80 + 0.5 * rand()]);
        });
        blocks.push(polygon(pts));
      }
    }
    const shapes = shapesFromFeatures(blocks);
    const queen = polygonContiguity(shapes, 'queen');
    const rook = polygonContiguity(shapes, 'rook');
    expect(asymmetricLinks(queen)).toBe(0);
    expect(asymmetricLinks(rook)).toBe(0);
    expect(rowsOf(queen)).toEqual(vertexRuleQueen(shapes, 0.5));
    const queenRows = rowsOf(queen);
    rowsOf(rook).forEach((row, i) => row.forEach((j) => expect(queenRows[i]).toContain(j)));
    // Edge-sharing blocks are within 0.8 m everywhere along 80 m: all rook neighbours.
    rowsOf(rook).forEach((row, i) => {
      const [c, r] = [i % 6, Math.floor(i / 6)];
      for (const [dc, dr] of [[1, 0], [-1, 0], [0, 1], [0, -1]]) {
        if (c + dc >= 0 && c + dc < 6 && r + dr >= 0 && r + dr < 6) expect(row).toContain((r + dr) * 6 + c + dc);
      }
    });
  });

  it('features without polygons are isolated; bad options are refused', () => {
    const shapes = shapesFromFeatures([square([0, 0, 1, 1])]);
    expect(rowsOf(polygonContiguity({ ...shapes, featureCount: 2, featurePolygonOffsets: Uint32Array.of(0, 1, 1) }, 'queen'))).toEqual([[], []]);
    expect(() => polygonContiguity(shapes, 'queen', { toleranceM: -1 })).toThrow(/toleranceM/);
    expect(() => polygonContiguity(shapes, 'rook', { minSharedM: 0 })).toThrow(/minSharedM/);
  });
});
