// The part of one straight segment lying within distance d of another, exactly: the
// points within d of segment A form a capsule (a rectangle along A with a half disc at
// each end), which is convex, so a line meets it in one interval. That interval is the
// hull of the line's intervals through the rectangle and through the two end discs.

/**
 * Parameters t ∈ [0, 1] of the points P + t·D of segment PD lying within d of segment
 * Q + u·E (u ∈ [0, 1]), written to out as [t0, t1]; false when there are none.
 * Plain numbers in one planar frame (metres).
 */
export function segmentNearInterval(
  px: number, py: number, dx: number, dy: number,
  qx: number, qy: number, ex: number, ey: number,
  d: number, out: Float64Array,
): boolean {
  let lo = Infinity, hi = -Infinity;
  // End discs of the capsule, at Q and at Q + E: |P − C + tD|² ≤ d².
  const a = dx * dx + dy * dy;
  for (let end = 0; end < 2; end++) {
    const wx = px - (qx + end * ex), wy = py - (qy + end * ey);
    const c = wx * wx + wy * wy - d * d;
    if (a === 0) {
      if (c <= 0) { lo = -Infinity; hi = Infinity; }
      continue;
    }
    const b = dx * wx + dy * wy;
    const disc = b * b - a * c;
    if (disc < 0) continue;
    const s = Math.sqrt(disc);
    const t0 = (-b - s) / a, t1 = (-b + s) / a;
    if (t0 < lo) lo = t0;
    if (t1 > hi) hi = t1;
  }
  // Rectangle of the capsule: along E, 0 ≤ u ≤ |E|; across it, |v| ≤ d.
  const len = Math.sqrt(ex * ex + ey * ey);
  if (len > 0) {
    const ux = ex / len, uy = ey / len;
    const wx = px - qx, wy = py - qy;
    // u(t) = u0 + t·u1 and v(t) = v0 + t·v1, each kept within its bounds.
    const u0 = wx * ux + wy * uy, u1 = dx * ux + dy * uy;
    const v0 = wy * ux - wx * uy, v1 = dy * ux - dx * uy;
    let r0 = -Infinity, r1 = Infinity, empty = false;
    if (u1 === 0) empty = u0 < 0 || u0 > len;
    else {
      const ta = -u0 / u1, tb = (len - u0) / u1;
      r0 = Math.min(ta, tb);
      r1 = Math.max(ta, tb);
    }
    if (v1 === 0) empty = empty || v0 < -d || v0 > d;
    else {
      const ta = (-d - v0) / v1, tb = (d - v0) / v1;
      r0 = Math.max(r0, Math.min(ta, tb));
      r1 = Math.min(r1, Math.max(ta, tb));
    }
    if (!empty && r0 <= r1) {
      if (r0 < lo) lo = r0;
      if (r1 > hi) hi = r1;
    }
  }
  if (lo < 0) lo = 0;
  if (hi > 1) hi = 1;
  if (!(lo <= hi)) return false;
  out[0] = lo;
  out[1] = hi;
  return true;
}
