// The Natural Earth backdrop, prepared at build time from world-atlas (public domain):
// land at 1:110m for the whole world (about 100 KB), and land at 1:10m cut to the
// dashboard's extent, so a city's coast and rivers read at zoom 10–12 (Manhattan is an
// island) while visitors never download the whole 10 m file (3 MB). The detail file holds
// the extent as a "sea" feature and the cut land as "land" features: the style paints the
// box in sea colour over the 110 m land, then the 10 m land over it.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { feature } from 'topojson-client';

const require = createRequire(import.meta.url);
/** File names in vendor/; src/map/basemap.ts reads the same names. */
export const BACKDROP_FILES = { world: 'land-110m.geojson', detail: 'land-detail.geojson' };
/** A bigger extent than this (degrees of longitude × latitude) gets no detail: it would ship most of the 10 m file. */
const MAX_DETAIL_AREA = 100;

/** Coordinates to 5 decimals (about 1 m), which is all 1:10m needs. */
const round = (x) => Math.round(x * 1e5) / 1e5;

/**
 * Sutherland–Hodgman: the ring (closed, [lon, lat] points) cut to the box, or null when
 * nothing is left. Concave rings come back with zero-width seams along the box's edges,
 * which a fill does not show.
 */
export function clipRing(ring, [w, s, e, n]) {
  let pts = ring.slice(0, -1);
  const edges = [
    [(p) => p[0] >= w, (a, b) => [w, a[1] + ((b[1] - a[1]) * (w - a[0])) / (b[0] - a[0])]],
    [(p) => p[0] <= e, (a, b) => [e, a[1] + ((b[1] - a[1]) * (e - a[0])) / (b[0] - a[0])]],
    [(p) => p[1] >= s, (a, b) => [a[0] + ((b[0] - a[0]) * (s - a[1])) / (b[1] - a[1]), s]],
    [(p) => p[1] <= n, (a, b) => [a[0] + ((b[0] - a[0]) * (n - a[1])) / (b[1] - a[1]), n]],
  ];
  for (const [inside, cross] of edges) {
    const input = pts;
    pts = [];
    for (let i = 0; i < input.length; i++) {
      const cur = input[i];
      const prev = input[(i + input.length - 1) % input.length];
      if (inside(cur)) {
        if (!inside(prev)) pts.push(cross(prev, cur));
        pts.push(cur);
      } else if (inside(prev)) pts.push(cross(prev, cur));
    }
    if (pts.length < 3) return null;
  }
  const out = pts.map(([x, y]) => [round(x), round(y)]);
  out.push(out[0]);
  return out;
}

/** The polygons of a (Multi)Polygon geometry cut to the box. */
export function clipPolygons(geometry, box) {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  const out = [];
  for (const rings of polygons) {
    const outer = clipRing(rings[0], box);
    if (!outer) continue;
    out.push([outer, ...rings.slice(1).map((r) => clipRing(r, box)).filter(Boolean)]);
  }
  return out;
}

/** The config's extent, or a box around its view about four screens wide; null when neither says. */
export function dashboardExtent(config) {
  if (Array.isArray(config?.extent) && config.extent.length === 4) return config.extent;
  const view = config?.view;
  if (!view || !Array.isArray(view.center) || typeof view.zoom !== 'number') return null;
  const [lon, lat] = view.center;
  const halfLon = (4 * 360) / 2 ** view.zoom;
  const halfLat = halfLon * Math.cos((lat * Math.PI) / 180);
  return [Math.max(-180, lon - halfLon), Math.max(-85, lat - halfLat), Math.min(180, lon + halfLon), Math.min(85, lat + halfLat)];
}

const landOf = (file) => {
  const topo = JSON.parse(readFileSync(require.resolve(`world-atlas/${file}`), 'utf8'));
  return feature(topo, topo.objects.land);
};

/** The detail FeatureCollection for an extent: the box as "sea", the 10 m land in it as "land". */
export function detailFor(extent) {
  if (!extent || (extent[2] - extent[0]) * (extent[3] - extent[1]) > MAX_DETAIL_AREA) return { type: 'FeatureCollection', features: [] };
  const [w, s, e, n] = extent;
  const sea = { type: 'Feature', properties: { kind: 'sea' }, geometry: { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] } };
  const land = landOf('land-10m.json');
  const polygons = land.features.flatMap((f) => clipPolygons(f.geometry, extent));
  const features = polygons.length ? [{ type: 'Feature', properties: { kind: 'land' }, geometry: { type: 'MultiPolygon', coordinates: polygons } }] : [];
  return { type: 'FeatureCollection', features: [sea, ...features] };
}

/** Every coordinate of a GeoJSON value rounded to `digits` decimals. */
function rounded(value, digits) {
  const f = 10 ** digits;
  const walk = (v) => (typeof v === 'number' ? Math.round(v * f) / f : Array.isArray(v) ? v.map(walk) : v);
  return { ...value, features: value.features.map((ft) => ({ ...ft, geometry: { ...ft.geometry, coordinates: walk(ft.geometry.coordinates) } })) };
}

/** Writes both backdrop files into `vendorDir` for a config (parsed JSON); returns their sizes. */
export function writeBackdrop(config, vendorDir) {
  // 1:110m is about 10 km per vertex: 3 decimals (about 100 m) lose nothing and halve the file.
  const world = JSON.stringify(rounded(landOf('land-110m.json'), 3));
  const detail = JSON.stringify(detailFor(dashboardExtent(config)));
  writeFileSync(path.join(vendorDir, BACKDROP_FILES.world), world);
  writeFileSync(path.join(vendorDir, BACKDROP_FILES.detail), detail);
  return { world: world.length, detail: detail.length };
}
