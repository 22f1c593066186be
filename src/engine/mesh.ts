// Polygons → a GPU-ready mesh, computed in the worker so the main thread only uploads
// typed arrays: earcut triangles (holes respected), polygon start indices, ring breaks
// (so outlines and side walls do not jump between rings), and vertex → feature ids for
// colouring and picking.
import earcut from 'earcut';
import { cellToBoundary, splitLongToH3Index } from 'h3-js';
import type { PolygonMesh, PolygonShapes } from './protocol';

export function polygonMesh(shapes: PolygonShapes): PolygonMesh {
  const { coords, ringOffsets, polygonRingOffsets, featurePolygonOffsets, featureCount } = shapes;
  const polygons = polygonRingOffsets.length - 1;
  const vertices = coords.length / 2;
  const polygonStarts = new Uint32Array(polygons + 1);
  const polygonFeature = new Uint32Array(polygons);
  const vertexFeature = new Uint32Array(vertices);
  const vertexValid = new Uint16Array(vertices).fill(1);
  const triangles: number[] = [];
  for (let f = 0; f < featureCount; f++) {
    for (let p = featurePolygonOffsets[f]; p < featurePolygonOffsets[f + 1]; p++) {
      polygonFeature[p] = f;
      const firstRing = polygonRingOffsets[p];
      const lastRing = polygonRingOffsets[p + 1];
      const start = ringOffsets[firstRing];
      const end = ringOffsets[lastRing];
      polygonStarts[p] = start;
      vertexFeature.fill(f, start, end);
      // The last vertex of each ring does not connect to the next ring's first.
      for (let r = firstRing; r < lastRing; r++) vertexValid[ringOffsets[r + 1] - 1] = 0;
      const holes: number[] = [];
      for (let r = firstRing + 1; r < lastRing; r++) holes.push(ringOffsets[r] - start);
      const tri = earcut(coords.subarray(start * 2, end * 2), holes, 2);
      for (const i of tri) triangles.push(i + start);
    }
  }
  polygonStarts[polygons] = vertices;
  return {
    featureCount,
    coords,
    polygonStarts,
    vertexValid,
    triangles: Uint32Array.from(triangles),
    polygonFeature,
    vertexFeature,
    ringStarts: ringOffsets,
  };
}

/** H3 cells (as [low, high] 32-bit pairs) → polygon shapes of their boundaries. */
export function h3Shapes(cells: Uint32Array): PolygonShapes {
  const n = cells.length / 2;
  const rings: number[][] = [];
  let total = 0;
  for (let i = 0; i < n; i++) {
    const h = splitLongToH3Index(cells[2 * i], cells[2 * i + 1]);
    const ring = cellToBoundary(h, true);
    const flat = ring.flat();
    rings.push(flat);
    total += flat.length;
  }
  const coords = new Float64Array(total);
  const ringOffsets = new Uint32Array(n + 1);
  let at = 0;
  rings.forEach((flat, i) => {
    coords.set(flat, at);
    at += flat.length;
    ringOffsets[i + 1] = at / 2;
  });
  const sequence = Uint32Array.from({ length: n + 1 }, (_, i) => i);
  return { featureCount: n, coords, ringOffsets, polygonRingOffsets: sequence, featurePolygonOffsets: sequence.slice() };
}
