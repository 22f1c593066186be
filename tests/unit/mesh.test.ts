import { describe, expect, it } from 'vitest';
import { latLngToCell, cellToBoundary, splitLongToH3Index, h3IndexToSplitLong } from 'h3-js';
import { h3Shapes, polygonMesh } from '../../src/engine/mesh';
import type { PolygonShapes } from '../../src/engine/protocol';

function triangleArea(coords: Float64Array, t: Uint32Array): number {
  let sum = 0;
  for (let i = 0; i < t.length; i += 3) {
    const [a, b, c] = [t[i], t[i + 1], t[i + 2]];
    const ax = coords[2 * a], ay = coords[2 * a + 1];
    const bx = coords[2 * b], by = coords[2 * b + 1];
    const cx = coords[2 * c], cy = coords[2 * c + 1];
    sum += Math.abs((bx - ax) * (cy - ay) - (cx - ax) * (by - ay)) / 2;
  }
  return sum;
}

describe('polygonMesh', () => {
  // Feature 0: a 10×10 square with a 2×2 hole; feature 1: a MultiPolygon of two unit squares.
  const rings = [
    [0, 0, 10, 0, 10, 10, 0, 10, 0, 0],
    [4, 4, 6, 4, 6, 6, 4, 6, 4, 4],
    [20, 0, 21, 0, 21, 1, 20, 1, 20, 0],
    [30, 0, 31, 0, 31, 1, 30, 1, 30, 0],
  ];
  const coords = Float64Array.from(rings.flat());
  const ringOffsets = Uint32Array.from([0, 5, 10, 15, 20]);
  const shapes: PolygonShapes = {
    featureCount: 2,
    coords,
    ringOffsets,
    polygonRingOffsets: Uint32Array.from([0, 2, 3, 4]),
    featurePolygonOffsets: Uint32Array.from([0, 1, 3]),
  };
  const mesh = polygonMesh(shapes);

  it('triangulates around holes: the triangles cover exactly the filled area', () => {
    expect(triangleArea(mesh.coords, mesh.triangles)).toBeCloseTo(100 - 4 + 1 + 1, 9);
  });

  it('maps polygons and vertices to their features and breaks rings', () => {
    expect([...mesh.polygonStarts]).toEqual([0, 10, 15, 20]);
    expect([...mesh.polygonFeature]).toEqual([0, 1, 1]);
    expect(mesh.vertexFeature[9]).toBe(0);
    expect(mesh.vertexFeature[10]).toBe(1);
    expect([4, 9, 14, 19].map((i) => mesh.vertexValid[i])).toEqual([0, 0, 0, 0]);
    expect(mesh.vertexValid[3]).toBe(1);
  });
});

describe('h3Shapes', () => {
  it('gives each H3 cell its h3-js boundary as a closed ring', () => {
    const cells = [latLngToCell(40.75, -73.98, 9), latLngToCell(40.7, -74.0, 9)];
    const pairs = Uint32Array.from(cells.flatMap((c) => h3IndexToSplitLong(c)));
    const shapes = h3Shapes(pairs);
    expect(shapes.featureCount).toBe(2);
    const ring0 = [...shapes.coords.subarray(0, shapes.ringOffsets[1] * 2)];
    expect(ring0).toEqual(cellToBoundary(splitLongToH3Index(pairs[0], pairs[1]), true).flat());
  });
});
