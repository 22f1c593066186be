// GeoJSON geometry objects (any type, nested GeometryCollections too) → ShapeCollector.
// Also used for WKT, which wkt.ts parses into the same objects.
import type { ShapeCollector } from './shapes';

/** Feed one GeoJSON geometry object (any type, nested collections too) to the collector. */
export function addGeoJsonGeometry(c: ShapeCollector, g: unknown, depth = 0): void {
  if (g === null || g === undefined) return;
  if (typeof g !== 'object' || depth > 32) return c.unreadable();
  const geom = g as { type?: unknown; coordinates?: unknown; geometries?: unknown };
  const coords = geom.coordinates;
  const isArr = Array.isArray;
  const pos = (p: unknown) => (isArr(p) ? [p[0] as number, p[1] as number] : [NaN, NaN]);
  const path = (line: unknown, target: 'poly' | 'line') => {
    c.beginPath(target);
    if (isArr(line)) for (const p of line) c.pathVertex(...(pos(p) as [number, number]));
    return c.endPath();
  };
  const polygon = (rings: unknown) => {
    c.beginPolygon();
    if (isArr(rings)) {
      for (let r = 0; r < rings.length; r++) {
        // Holes only count after a kept outer ring.
        if (!path(rings[r], 'poly') && r === 0) break;
      }
    }
    c.endPolygon();
  };
  switch (geom.type) {
    case 'Point':
      if (isArr(coords) && coords.length === 0) return;
      c.point(...(pos(coords) as [number, number]));
      return;
    case 'MultiPoint':
      if (!isArr(coords)) return c.unreadable();
      for (const p of coords) c.point(...(pos(p) as [number, number]));
      return;
    case 'LineString':
      if (!isArr(coords)) return c.unreadable();
      if (coords.length) c.endLine(path(coords, 'line'));
      return;
    case 'MultiLineString':
      if (!isArr(coords)) return c.unreadable();
      for (const l of coords) c.endLine(path(l, 'line'));
      return;
    case 'Polygon':
      if (!isArr(coords)) return c.unreadable();
      if (coords.length) polygon(coords);
      return;
    case 'MultiPolygon':
      if (!isArr(coords)) return c.unreadable();
      for (const p of coords) polygon(p);
      return;
    case 'GeometryCollection':
      if (!isArr(geom.geometries)) return c.unreadable();
      for (const part of geom.geometries) addGeoJsonGeometry(c, part, depth + 1);
      return;
    default:
      c.unreadable();
  }
}
