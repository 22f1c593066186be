// Every straight edge of every ring (outer rings and holes alike) of a polygon dataset,
// grouped by feature: the boundary that the contiguity rules compare.
import type { PolygonShapes } from '../../protocol';

/** The boundary edges of a polygon dataset; feature f's are [featureOffsets[f], featureOffsets[f + 1]). */
export interface BoundarySegments {
  count: number;
  /** Vertex index (into coords, pairs) of each edge's start and end. */
  from: Uint32Array;
  to: Uint32Array;
  /** Feature of each edge. */
  feature: Int32Array;
  /** Where each feature's edges start; length featureCount + 1. */
  featureOffsets: Int32Array;
}

/**
 * The non-degenerate edges of every ring. Rings are closed (last vertex = first); a ring
 * left open gets its closing edge too, as the point-in-polygon test in districts.ts walks it.
 */
export function boundarySegments(shapes: PolygonShapes): BoundarySegments {
  const { featureCount, featurePolygonOffsets, polygonRingOffsets, ringOffsets, coords } = shapes;
  const same = (i: number, j: number) => coords[2 * i] === coords[2 * j] && coords[2 * i + 1] === coords[2 * j + 1];
  const cap = ringOffsets[ringOffsets.length - 1];
  const from = new Uint32Array(cap), to = new Uint32Array(cap);
  const feature = new Int32Array(cap);
  const featureOffsets = new Int32Array(featureCount + 1);
  let count = 0;
  const add = (f: number, i: number, j: number) => {
    if (same(i, j)) return; // repeated vertices make no edge
    from[count] = i;
    to[count] = j;
    feature[count++] = f;
  };
  for (let f = 0; f < featureCount; f++) {
    for (let p = featurePolygonOffsets[f]; p < featurePolygonOffsets[f + 1]; p++) {
      for (let r = polygonRingOffsets[p]; r < polygonRingOffsets[p + 1]; r++) {
        const v0 = ringOffsets[r], v1 = ringOffsets[r + 1];
        for (let v = v0; v + 1 < v1; v++) add(f, v, v + 1);
        if (v1 - v0 > 2 && !same(v0, v1 - 1)) add(f, v1 - 1, v0);
      }
    }
    featureOffsets[f + 1] = count;
  }
  return { count, from: from.slice(0, count), to: to.slice(0, count), feature: feature.slice(0, count), featureOffsets };
}
