// Queen and rook contiguity between the features of a polygon dataset, with a tolerance
// for the gaps and overlaps of real boundary files (issue 11):
// - queen: the boundaries of A and B come within toleranceM of each other. Two edges are
//   that close exactly when a vertex of one lies within toleranceM of the other, or they
//   cross; so this is issue 11's vertex rule, plus boundaries that cross (overlapping
//   features) without a vertex near the crossing.
// - rook: the length of A's boundary that B's boundary runs along within toleranceM is at
//   least minSharedM, or the same with A and B swapped. "Runs along" is measured on A as
//   the nearest points on A's edges of the parts of B's edges within toleranceM. Measuring
//   instead every point of A within toleranceM of B would count 2 × toleranceM around a
//   single touching corner (1 m at the defaults, enough to pass minSharedM), so a
//   chessboard's diagonal squares would be rook neighbours.
// Both are symmetric by definition. Lengths and distances are in metres, in a local
// equirectangular frame per edge of A: origin at the edge's start, scales from the WGS84
// radii of curvature at the edge's mid-latitude (projection.ts). Over the few metres that
// matter the frame's error is below 1e-4 of the distance, on any dataset's extent, which a
// single frame for the whole dataset would not give at continental scale.
// Candidate edge pairs come from a flatbush over every edge's bounding box, searched
// with the edge's own box grown by the tolerance.
import Flatbush from 'flatbush';
import type { PolygonShapes } from '../../protocol';
import { localProjection } from '../projection';
import { boundarySegments } from './boundary-segments';
import { neighbourListFromPairs, type NeighbourList } from './neighbour-list';
import { segmentNearInterval } from './segment-near';
import { EngineError } from '../../engine-error';

/** Contiguity tolerances, in metres. */
export interface ContiguityOptions {
  /** How far apart two boundaries may be and still touch; default 0.5. */
  toleranceM?: number;
  /** Rook only: the shortest shared boundary that counts; default 1. */
  minSharedM?: number;
}

/** Contiguity neighbours of every feature of a polygon dataset (multipolygons and holes included); symmetric. */
export function polygonContiguity(shapes: PolygonShapes, rule: 'queen' | 'rook', options: ContiguityOptions = {}): NeighbourList {
  const tol = options.toleranceM ?? 0.5;
  const minShared = options.minSharedM ?? 1;
  if (!(tol >= 0 && Number.isFinite(tol))) throw new EngineError('contiguity-tolerance-invalid', { value: String(tol) });
  if (!(minShared > 0 && Number.isFinite(minShared))) throw new EngineError('contiguity-min-shared-invalid', { value: String(minShared) });
  const n = shapes.featureCount;
  const { coords } = shapes;
  const segs = boundarySegments(shapes);
  const pairs = new PairBuffer();
  if (segs.count === 0) return neighbourListFromPairs(n, pairs.from, pairs.to, 0);

  const kx = new Float64Array(segs.count), ky = new Float64Array(segs.count);
  const index = new Flatbush(segs.count);
  for (let s = 0; s < segs.count; s++) {
    const i = segs.from[s], j = segs.to[s];
    const p = localProjection(0, (coords[2 * i + 1] + coords[2 * j + 1]) / 2);
    kx[s] = p.kx;
    ky[s] = p.ky;
    index.add(
      Math.min(coords[2 * i], coords[2 * j]), Math.min(coords[2 * i + 1], coords[2 * j + 1]),
      Math.max(coords[2 * i], coords[2 * j]), Math.max(coords[2 * i + 1], coords[2 * j + 1]),
    );
  }
  index.finish();

  const linked = new Int32Array(n).fill(-1); // linked[B] = A once A–B is known
  const shared = new Map<number, number>(); // rook: B → length of A's boundary along B so far
  const near = new Float64Array(2);
  const hitB: number[] = [], hitLo: number[] = [], hitHi: number[] = [];
  const grow = 1 + 1e-9; // keeps the box search conservative under rounding

  for (let a = 0; a < n; a++) {
    shared.clear();
    for (let s = segs.featureOffsets[a]; s < segs.featureOffsets[a + 1]; s++) {
      const i = segs.from[s], j = segs.to[s];
      const lon = coords[2 * i], lat = coords[2 * i + 1];
      const sx = kx[s], sy = ky[s];
      const dx = (coords[2 * j] - lon) * sx, dy = (coords[2 * j + 1] - lat) * sy;
      const gx = (tol / sx) * grow + 1e-12, gy = (tol / sy) * grow + 1e-12;
      const hits = index.search(
        Math.min(lon, coords[2 * j]) - gx, Math.min(lat, coords[2 * j + 1]) - gy,
        Math.max(lon, coords[2 * j]) + gx, Math.max(lat, coords[2 * j + 1]) + gy,
      );
      hitB.length = hitLo.length = hitHi.length = 0;
      for (const h of hits) {
        const b = segs.feature[h];
        if (b === a || linked[b] === a) continue;
        const qi = segs.from[h], qj = segs.to[h];
        const qx = (coords[2 * qi] - lon) * sx, qy = (coords[2 * qi + 1] - lat) * sy;
        const ex = (coords[2 * qj] - lon) * sx - qx, ey = (coords[2 * qj + 1] - lat) * sy - qy;
        // The part of B's edge within tol of A's edge, as parameters along B's edge.
        if (!segmentNearInterval(qx, qy, ex, ey, 0, 0, dx, dy, tol, near)) continue;
        if (rule === 'queen') {
          link(a, b);
          continue;
        }
        // Its nearest points on A's edge: the projection onto A's edge, clamped, is
        // monotone along B's edge, so the ends' projections bound them.
        const dd = dx * dx + dy * dy;
        const t0 = clamp01(((qx + near[0] * ex) * dx + (qy + near[0] * ey) * dy) / dd);
        const t1 = clamp01(((qx + near[1] * ex) * dx + (qy + near[1] * ey) * dy) / dd);
        if (t0 === t1) continue;
        hitB.push(b);
        hitLo.push(Math.min(t0, t1));
        hitHi.push(Math.max(t0, t1));
      }
      if (hitB.length > 0) addAlong(Math.sqrt(dx * dx + dy * dy));
    }
    for (const [b, m] of shared) if (m >= minShared) link(a, b);
  }
  return neighbourListFromPairs(n, pairs.from, pairs.to, pairs.count);

  function link(a: number, b: number): void {
    linked[b] = a;
    pairs.push(a, b);
    pairs.push(b, a);
  }

  /** Adds to shared[B] the union length, along A's edge of length len, of each B's intervals. */
  function addAlong(len: number): void {
    const order = hitB.map((_, k) => k).sort((x, y) => hitB[x] - hitB[y] || hitLo[x] - hitLo[y]);
    let k = 0;
    while (k < order.length) {
      const b = hitB[order[k]];
      let total = 0, lo = hitLo[order[k]], hi = hitHi[order[k]];
      for (k++; k < order.length && hitB[order[k]] === b; k++) {
        const x = order[k];
        if (hitLo[x] > hi) {
          total += hi - lo;
          lo = hitLo[x];
          hi = hitHi[x];
        } else if (hitHi[x] > hi) hi = hitHi[x];
      }
      total += hi - lo;
      shared.set(b, (shared.get(b) ?? 0) + total * len);
    }
  }
}

function clamp01(t: number): number {
  return t < 0 ? 0 : t > 1 ? 1 : t;
}

/** Growable (from, to) link pairs. */
class PairBuffer {
  from = new Int32Array(1024);
  to = new Int32Array(1024);
  count = 0;

  push(a: number, b: number): void {
    if (this.count === this.from.length) {
      const f = new Int32Array(this.count * 2), t = new Int32Array(this.count * 2);
      f.set(this.from);
      t.set(this.to);
      this.from = f;
      this.to = t;
    }
    this.from[this.count] = a;
    this.to[this.count++] = b;
  }
}
