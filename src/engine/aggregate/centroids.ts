// Area-weighted centroids of polygon features, the centre a district has for knn and
// band neighbours (issue 11). Computed in the lon/lat plane, as GEOS and turf's
// centerOfMass do: scaling x by a constant cos φ0 moves no centroid, so this is also the
// centroid in any one equirectangular projection of the dataset.
import type { PolygonShapes } from '../protocol';

/** Centroid of feature f as [lon, lat]: outer rings add their area, holes subtract it; the vertex mean for one without area; NaN without vertices. */
export function featureCentroid(shapes: PolygonShapes, f: number): [number, number] {
  const { featurePolygonOffsets, polygonRingOffsets, ringOffsets, coords } = shapes;
  // Offsets from the first vertex keep the products small and the sums exact enough.
  const ox = coords[2 * ringOffsets[polygonRingOffsets[featurePolygonOffsets[f]]]];
  const oy = coords[2 * ringOffsets[polygonRingOffsets[featurePolygonOffsets[f]]] + 1];
  let area = 0, cx = 0, cy = 0;
  for (let p = featurePolygonOffsets[f]; p < featurePolygonOffsets[f + 1]; p++) {
    for (let r = polygonRingOffsets[p]; r < polygonRingOffsets[p + 1]; r++) {
      let a = 0, sx = 0, sy = 0;
      for (let v = ringOffsets[r]; v < ringOffsets[r + 1] - 1; v++) {
        const x0 = coords[2 * v] - ox, y0 = coords[2 * v + 1] - oy;
        const x1 = coords[2 * v + 2] - ox, y1 = coords[2 * v + 3] - oy;
        const cross = x0 * y1 - x1 * y0;
        a += cross;
        sx += (x0 + x1) * cross;
        sy += (y0 + y1) * cross;
      }
      // Rings come in either orientation: the outer ring counts positive, holes negative.
      const sign = (r === polygonRingOffsets[p] ? 1 : -1) * Math.sign(a);
      area += (sign * a) / 2;
      cx += (sign * sx) / 6;
      cy += (sign * sy) / 6;
    }
  }
  if (area > 0) return [ox + cx / area, oy + cy / area];
  // No area (a degenerate ring): the mean of its vertices still places it.
  let n = 0, mx = 0, my = 0;
  for (let v = ringOffsets[polygonRingOffsets[featurePolygonOffsets[f]]]; v < ringOffsets[polygonRingOffsets[featurePolygonOffsets[f + 1]]]; v++) {
    mx += coords[2 * v];
    my += coords[2 * v + 1];
    n++;
  }
  return n ? [mx / n, my / n] : [NaN, NaN];
}

/** Centroids of the given features, lon,lat pairs. */
export function featureCentroids(shapes: PolygonShapes, features: ArrayLike<number>): Float64Array {
  const out = new Float64Array(2 * features.length);
  for (let i = 0; i < features.length; i++) {
    const [lon, lat] = featureCentroid(shapes, features[i]);
    out[2 * i] = lon;
    out[2 * i + 1] = lat;
  }
  return out;
}
