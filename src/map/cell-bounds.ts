// Where one cell or district of a drawn layer lies, to zoom to it: a box around a cell's
// centre, or the bounds of a district's vertices in the layer's mesh (geometry, not rows).
import type { BBox } from '../engine/protocol';
import type { LayerData } from './deck-layers';

const PAD_DEG = 0.004;

/** The bounds of result cell i of a layer, or null when it has none (outside). */
export function cellBounds(data: LayerData, i: number): BBox | null {
  if (data.kind !== 'cells' && data.kind !== 'areas') return null;
  const r = data.result;
  if (!r || i < 0 || i >= r.length) return null;
  if (r.centers) {
    const x = r.centers[2 * i], y = r.centers[2 * i + 1];
    return [x - PAD_DEG, y - PAD_DEG, x + PAD_DEG, y + PAD_DEG];
  }
  if (data.kind !== 'areas' || r.ids[i] < 0) return null;
  const fid = r.ids[i], { mesh } = data;
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (let v = 0; v < mesh.vertexFeature.length; v++) {
    if (mesh.vertexFeature[v] !== fid) continue;
    const x = mesh.coords[2 * v], y = mesh.coords[2 * v + 1];
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  return x0 <= x1 ? [x0, y0, x1, y1] : null;
}
