// Point-in-polygon for districts: a flatbush index over every polygon's bounding box,
// then an exact even-odd ray test over the polygon's rings (outer and holes together,
// so holes exclude). A MultiPolygon's parts are tested one by one; where features
// overlap, the lowest feature index wins, so results are deterministic.
import Flatbush from 'flatbush';
import type { PolygonShapes } from '../protocol';

/** A point-in-polygon index over the features of a polygon dataset. */
export class PolygonIndex {
  private readonly index: Flatbush | null;
  private readonly polygonFeature: Int32Array;

  constructor(private readonly shapes: PolygonShapes) {
    const { featureCount, featurePolygonOffsets, polygonRingOffsets, ringOffsets, coords } = shapes;
    const polygons = featurePolygonOffsets[featureCount];
    this.polygonFeature = new Int32Array(polygons);
    for (let f = 0; f < featureCount; f++) {
      for (let p = featurePolygonOffsets[f]; p < featurePolygonOffsets[f + 1]; p++) this.polygonFeature[p] = f;
    }
    if (polygons === 0) {
      this.index = null;
      return;
    }
    this.index = new Flatbush(polygons);
    for (let p = 0; p < polygons; p++) {
      let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
      const v0 = ringOffsets[polygonRingOffsets[p]];
      const v1 = ringOffsets[polygonRingOffsets[p + 1]];
      for (let v = v0; v < v1; v++) {
        const x = coords[2 * v], y = coords[2 * v + 1];
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
      this.index.add(x0, y0, x1, y1);
    }
    this.index.finish();
  }

  get featureCount(): number {
    return this.shapes.featureCount;
  }

  /** Even-odd test of one polygon (outer ring + holes). */
  containsInPolygon(p: number, x: number, y: number): boolean {
    const { polygonRingOffsets, ringOffsets, coords } = this.shapes;
    let inside = false;
    for (let r = polygonRingOffsets[p]; r < polygonRingOffsets[p + 1]; r++) {
      const v0 = ringOffsets[r];
      const v1 = ringOffsets[r + 1];
      // Rings are closed, but the edge last→first is walked too, so open rings also work.
      for (let i = v0, j = v1 - 1; i < v1; j = i++) {
        const yi = coords[2 * i + 1], yj = coords[2 * j + 1];
        if (yi > y !== yj > y) {
          const xi = coords[2 * i], xj = coords[2 * j];
          if (x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
        }
      }
    }
    return inside;
  }

  /** The feature containing (lon, lat), or -1. */
  locate(x: number, y: number): number {
    if (!this.index) return -1;
    let best = -1;
    for (const p of this.index.search(x, y, x, y)) {
      const f = this.polygonFeature[p];
      if ((best === -1 || f < best) && this.containsInPolygon(p, x, y)) best = f;
    }
    return best;
  }

  /** The feature containing each position, or -1. */
  assign(lons: Float64Array, lats: Float64Array): Int32Array {
    const feature = new Int32Array(lons.length);
    for (let i = 0; i < lons.length; i++) feature[i] = this.locate(lons[i], lats[i]);
    return feature;
  }
}

const R = 6371008.8; // mean Earth radius, as turf's area(), so the two agree
const RAD = Math.PI / 180;

/** Spherical area of a ring in m² (unsigned), the formula of Chamberlain & Duquette (2007). */
export function ringAreaM2(coords: Float64Array, v0: number, v1: number): number {
  const n = v1 - v0;
  if (n < 3) return 0;
  let total = 0;
  for (let k = 0; k < n; k++) {
    const a = v0 + k, b = v0 + ((k + 1) % n), c = v0 + ((k + 2) % n);
    total += (coords[2 * c] - coords[2 * a]) * RAD * Math.sin(coords[2 * b + 1] * RAD);
  }
  return Math.abs((total * R * R) / 2);
}

/** Area of every feature in km²: outer rings minus holes. */
export function featureAreasKm2(shapes: PolygonShapes): Float64Array {
  const { featureCount, featurePolygonOffsets, polygonRingOffsets, ringOffsets, coords } = shapes;
  const out = new Float64Array(featureCount);
  for (let f = 0; f < featureCount; f++) {
    let m2 = 0;
    for (let p = featurePolygonOffsets[f]; p < featurePolygonOffsets[f + 1]; p++) {
      for (let r = polygonRingOffsets[p]; r < polygonRingOffsets[p + 1]; r++) {
        const a = ringAreaM2(coords, ringOffsets[r], ringOffsets[r + 1]);
        m2 += r === polygonRingOffsets[p] ? a : -a;
      }
    }
    out[f] = m2 / 1e6;
  }
  return out;
}

/** Feature f as GeoJSON MultiPolygon coordinates (for exports). */
export function featureCoordinates(shapes: PolygonShapes, f: number): [number, number][][][] {
  const { featurePolygonOffsets, polygonRingOffsets, ringOffsets, coords } = shapes;
  const polys: [number, number][][][] = [];
  for (let p = featurePolygonOffsets[f]; p < featurePolygonOffsets[f + 1]; p++) {
    const rings: [number, number][][] = [];
    for (let r = polygonRingOffsets[p]; r < polygonRingOffsets[p + 1]; r++) {
      const ring: [number, number][] = [];
      for (let v = ringOffsets[r]; v < ringOffsets[r + 1]; v++) ring.push([coords[2 * v], coords[2 * v + 1]]);
      rings.push(ring);
    }
    polys.push(rings);
  }
  return polys;
}
