// The convex hull of a point set and a point-in-convex-polygon test, for hotspots'
// include-empty (the empty cells whose centre lies inside the points' hull, as ArcGIS
// does for incident counts on a fishnet). Lon/lat is fine here: the local projection is
// affine in lon/lat, so the hull is the same in either.

/** The convex hull (Andrew's monotone chain), counter-clockwise, as x,y pairs without repeating the first point. */
export function convexHull(x: Float64Array, y: Float64Array): Float64Array {
  const n = x.length;
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a] - x[b] || y[a] - y[b]);
  const cross = (o: number, a: number, b: number) => (x[a] - x[o]) * (y[b] - y[o]) - (y[a] - y[o]) * (x[b] - x[o]);
  const hull = new Int32Array(2 * n + 1);
  let k = 0;
  for (let i = 0; i < n; i++) {
    while (k >= 2 && cross(hull[k - 2], hull[k - 1], order[i]) <= 0) k--;
    hull[k++] = order[i];
  }
  for (let i = n - 2, t = k + 1; i >= 0; i--) {
    while (k >= t && cross(hull[k - 2], hull[k - 1], order[i]) <= 0) k--;
    hull[k++] = order[i];
  }
  const m = n > 1 ? k - 1 : k;
  const out = new Float64Array(2 * m);
  for (let i = 0; i < m; i++) {
    out[2 * i] = x[hull[i]];
    out[2 * i + 1] = y[hull[i]];
  }
  return out;
}

/** Whether (px, py) lies inside or on a counter-clockwise convex ring of x,y pairs. */
export function insideConvex(ring: Float64Array, px: number, py: number): boolean {
  const m = ring.length / 2;
  if (m < 3) return false;
  for (let i = 0; i < m; i++) {
    const j = (i + 1) % m;
    const ax = ring[2 * i], ay = ring[2 * i + 1];
    const c = (ring[2 * j] - ax) * (py - ay) - (ring[2 * j + 1] - ay) * (px - ax);
    if (c < 0) return false;
  }
  return true;
}

/** The ring's bounding box [minX, minY, maxX, maxY]. */
export function ringBounds(ring: Float64Array): [number, number, number, number] {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (let i = 0; i < ring.length; i += 2) {
    if (ring[i] < x0) x0 = ring[i];
    if (ring[i] > x1) x1 = ring[i];
    if (ring[i + 1] < y0) y0 = ring[i + 1];
    if (ring[i + 1] > y1) y1 = ring[i + 1];
  }
  return [x0, y0, x1, y1];
}
