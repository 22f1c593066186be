// A local equirectangular projection centred on the dataset: metres per degree come
// from the WGS84 ellipsoid's radii of curvature at the origin's latitude, so a cell of
// N metres is N metres in Santander and in Oslo (within ~1% over a city's extent).
const A = 6378137; // WGS84 semi-major axis
const E2 = 0.00669437999014; // WGS84 first eccentricity squared
const RAD = Math.PI / 180;

/** An equirectangular projection: x = (lon − lon0)·kx, y = (lat − lat0)·ky, in metres. */
export interface LocalProjection {
  lon0: number;
  lat0: number;
  /** Metres per degree of longitude / latitude at the origin. */
  kx: number;
  ky: number;
}

/** The projection centred on (lon0, lat0). */
export function localProjection(lon0: number, lat0: number): LocalProjection {
  const s = Math.sin(lat0 * RAD);
  const w = 1 - E2 * s * s;
  const n = A / Math.sqrt(w); // prime vertical radius
  const m = (A * (1 - E2)) / (w * Math.sqrt(w)); // meridional radius
  return { lon0, lat0, kx: n * Math.cos(lat0 * RAD) * RAD, ky: m * RAD };
}

/** lon/lat → x/y metres. */
export function project(p: LocalProjection, lon: number, lat: number): [number, number] {
  return [(lon - p.lon0) * p.kx, (lat - p.lat0) * p.ky];
}

/** x/y metres → lon/lat. */
export function unproject(p: LocalProjection, x: number, y: number): [number, number] {
  return [p.lon0 + x / p.kx, p.lat0 + y / p.ky];
}
