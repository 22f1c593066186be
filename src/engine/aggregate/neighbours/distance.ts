// Distance neighbours (issue 11): `knn:k`, the k nearest other observations by
// great-circle distance between centres, ties broken by id compared as strings; and
// `band:<metres>`, every other observation within that distance.
// Candidates come from a flatbush over an equirectangular plane (x = lon·cos φ0, y = lat,
// in degrees); the plane distance is off the great-circle distance by at most the spread
// of cos φ over the data's latitudes, so each search radius is widened by that bound and
// every candidate is then measured on the sphere. The answer is exact, not approximate
// (for data that does not straddle the antimeridian, where the plane would cut it in two).
import Flatbush from 'flatbush';
import { NeighbourListBuilder, type NeighbourList } from './neighbour-list';

/** The mean Earth radius (IUGG), as turf and most great-circle tools use. */
export const EARTH_RADIUS_M = 6371008.8;
const RAD = Math.PI / 180;

/** Great-circle distance in metres (haversine). */
export function greatCircleM(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const s1 = Math.sin(((lat2 - lat1) * RAD) / 2);
  const s2 = Math.sin(((lon2 - lon1) * RAD) / 2);
  const h = s1 * s1 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * s2 * s2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The plane, its index, and the bound that turns a great-circle radius into a plane radius. */
interface Plane {
  index: Flatbush;
  x: Float64Array;
  y: Float64Array;
  /** Plane degrees per great-circle metre, at most: radius_plane = metres · widen. */
  widen: number;
}

function planeOf(centres: Float64Array): Plane {
  const n = centres.length / 2;
  let latMin = Infinity, latMax = -Infinity, lonMin = Infinity, lonMax = -Infinity;
  for (let i = 0; i < n; i++) {
    const lon = centres[2 * i], lat = centres[2 * i + 1];
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) throw new Error(`internal: observation ${i} has no centre`);
    latMin = Math.min(latMin, lat); latMax = Math.max(latMax, lat);
    lonMin = Math.min(lonMin, lon); lonMax = Math.max(lonMax, lon);
  }
  const lat0 = (latMin + latMax) / 2;
  const c0 = Math.cos(lat0 * RAD);
  // A geodesic between two centres can bulge poleward of both; widen the latitude range
  // by the data's own span, which bounds that bulge for anything smaller than a hemisphere.
  const span = Math.max(latMax - latMin, (lonMax - lonMin) * c0, 1e-6);
  const far = Math.min(89.999, Math.max(Math.abs(latMin), Math.abs(latMax)) + span);
  // Along a path, plane length / sphere length ≤ max(1, c0 / cos φ) over the latitudes it
  // crosses; so sphere distance d ≥ plane distance / that ratio, in radians of arc.
  const ratio = Math.max(1, c0 / Math.cos(far * RAD));
  const x = new Float64Array(n), y = new Float64Array(n);
  const index = new Flatbush(Math.max(1, n));
  for (let i = 0; i < n; i++) {
    x[i] = centres[2 * i] * c0;
    y[i] = centres[2 * i + 1];
    index.add(x[i], y[i], x[i], y[i]);
  }
  if (n === 0) index.add(0, 0, 0, 0);
  index.finish();
  return { index, x, y, widen: (ratio / (EARTH_RADIUS_M * RAD)) * (1 + 1e-9) };
}

/**
 * knn:k over n observations (centres: lon,lat pairs; ids: their ids as text). Each row
 * holds the k nearest others; fewer when there are fewer than k others.
 */
export function knnNeighbours(centres: Float64Array, ids: readonly string[], k: number): NeighbourList {
  const n = centres.length / 2;
  if (ids.length !== n) throw new Error(`knnNeighbours: ${n} centres but ${ids.length} ids`);
  const plane = planeOf(centres);
  const builder = new NeighbourListBuilder(n, n * k);
  const dist = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const lon = centres[2 * i], lat = centres[2 * i + 1];
    // The k + 1 nearest in the plane (i itself among them) bound the k-th true distance;
    // every observation truly within that bound lies inside the widened plane radius.
    const first = plane.index.neighbors(plane.x[i], plane.y[i], k + 1);
    let bound = 0;
    for (const j of first) if (j !== i) bound = Math.max(bound, greatCircleM(lon, lat, centres[2 * j], centres[2 * j + 1]));
    const candidates = first.length <= k ? first : plane.index.neighbors(plane.x[i], plane.y[i], Infinity, bound * plane.widen);
    const others = candidates.filter((j) => j !== i);
    for (const j of others) dist[j] = greatCircleM(lon, lat, centres[2 * j], centres[2 * j + 1]);
    others.sort((a, b) => dist[a] - dist[b] || (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0));
    for (let m = 0; m < Math.min(k, others.length); m++) builder.push(others[m]);
    builder.endRow();
  }
  return builder.finish();
}

/** band:<metres> over n observations: every other observation whose centre is within `metres`. Symmetric. */
export function bandNeighbours(centres: Float64Array, metres: number): NeighbourList {
  const n = centres.length / 2;
  const plane = planeOf(centres);
  const builder = new NeighbourListBuilder(n);
  const radius = metres * plane.widen;
  for (let i = 0; i < n; i++) {
    const lon = centres[2 * i], lat = centres[2 * i + 1];
    for (const j of plane.index.neighbors(plane.x[i], plane.y[i], Infinity, radius)) {
      if (j !== i && greatCircleM(lon, lat, centres[2 * j], centres[2 * j + 1]) <= metres) builder.push(j);
    }
    builder.endRow();
  }
  return builder.finish();
}
