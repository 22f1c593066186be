// The extent a file declares (GeoJSON and TopoJSON `bbox` members, GeoParquet column
// `bbox`), 2D or 3D as written, as the engine's [minX, minY, maxX, maxY].
import type { BBox } from '../protocol';

/** A declared bbox of 4 numbers, or 6 with z (minX, minY, minZ, maxX, maxY, maxZ), in 2D; null when absent or short. */
export function declaredBBox(b: readonly number[] | undefined | null): BBox | null {
  if (!b || b.length < 4) return null;
  return b.length >= 6 ? [b[0], b[1], b[3], b[4]] : [b[0], b[1], b[2], b[3]];
}
