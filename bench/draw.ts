// First frame of a point layer in deck.gl, in this page's 800×600 Deck: the app's own
// layer (src/map/point-layer.ts: the engine's merged marks with stacked opacity) against a
// ScatterplotLayer with one instance per row, as a deck.gl or kepler.gl user draws it
// (also binary attributes, the fastest way deck.gl offers). Timed from handing the layer
// to Deck until the frame that drew it has been rasterised (a 1-pixel readPixels waits
// for the GPU, here SwiftShader on the CPU). Both frames are kept and compared pixel by
// pixel: merging identical rows must not change the picture.
import { COORDINATE_SYSTEM } from '@deck.gl/core';
import { ScatterplotLayer } from '@deck.gl/layers';
import { POINT_COLOR, pointLayer } from '../src/map/point-layer';
import { state } from './engine-ops';
import { deck, startDeck } from './peers';
import { longTasksBetween } from './probe';

let seq = 0;
const frames = new Map<string, Uint8Array>();

/** One float32 offset pair per row, from the per-row positions the "positions" op kept (not timed). */
function perRowOffsets(key: string, origin: [number, number]) {
  const { lon, lat } = state.positions.get(key)!;
  const out = new Float32Array(lon.length * 2);
  for (let i = 0; i < lon.length; i++) {
    out[2 * i] = lon[i] - origin[0];
    out[2 * i + 1] = lat[i] - origin[1];
  }
  return out;
}

export async function drawPoints({ key, merged }: { key: string; merged: boolean }) {
  const m = state.marks.get(key);
  if (!m) throw new Error(`no marks for "${key}" (run the "positions" step first)`);
  // The app's default view of NYC; the Deck keeps it (the same view for ours and the peer).
  await startDeck(m.origin, 10.6);
  const d = deck!;
  const id = `points-${++seq}`;
  const layer = merged
    ? pointLayer(id, m, { opacity: 0.8 })
    : new ScatterplotLayer({
        id,
        data: { length: m.rows, attributes: { getPosition: { value: perRowOffsets(key, m.origin), size: 2 } } },
        coordinateSystem: COORDINATE_SYSTEM.LNGLAT_OFFSETS,
        coordinateOrigin: [m.origin[0], m.origin[1], 0],
        radiusUnits: 'pixels',
        getRadius: 2.5,
        radiusMinPixels: 1.5,
        getFillColor: POINT_COLOR,
        stroked: false,
        opacity: 0.8,
      } as never);
  const gl = d.getCanvas()!.getContext('webgl2')!;
  let t1 = 0;
  const t0 = performance.now();
  await new Promise<void>((resolve) => {
    d.setProps({
      layers: [layer],
      onAfterRender: () => {
        gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
        t1 = performance.now();
        // The whole frame, before it is presented and cleared, to compare ours with the peer.
        const pixels = new Uint8Array(gl.drawingBufferWidth * gl.drawingBufferHeight * 4);
        gl.readPixels(0, 0, gl.drawingBufferWidth, gl.drawingBufferHeight, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
        frames.set(`${key}:${merged}`, pixels);
        resolve();
      },
    });
  });
  d.setProps({ layers: [], onAfterRender: () => {} });
  return { ms: t1 - t0, longTasks: await longTasksBetween(t0, t1), rows: m.rows, instances: merged ? m.marks : m.rows };
}

/**
 * How far the app's merged frame is from the one-instance-per-row frame (the last
 * drawPoints of each). Pixels differ slightly where both are opaque (8-bit rounding of
 * the blends) and more on anti-aliased edges: there each of hundreds of copies adds
 * alpha below half a step of the 8-bit framebuffer, so drawing every row rounds the
 * edge away, while one mark with the stacked opacity draws the exact value.
 */
export function compareDraws({ key }: { key: string }) {
  const a = frames.get(`${key}:true`);
  const b = frames.get(`${key}:false`);
  if (!a || !b) throw new Error(`draw "${key}" both ways first`);
  const OPAQUE = 250;
  const out = { ms: 0, pixels: a.length / 4, covered: 0, opaque: 0, differing: 0, over16: 0, over16Opaque: 0, maxDiff: 0, maxDiffOpaque: 0 };
  for (let i = 0; i < a.length; i += 4) {
    if (a[i + 3] === 0 && b[i + 3] === 0) continue;
    out.covered++;
    const opaque = a[i + 3] >= OPAQUE && b[i + 3] >= OPAQUE;
    if (opaque) out.opaque++;
    let d = 0;
    for (let c = 0; c < 4; c++) d = Math.max(d, Math.abs(a[i + c] - b[i + c]));
    if (d > 0) out.differing++;
    if (d > 16) out.over16++;
    if (d > 16 && opaque) out.over16Opaque++;
    out.maxDiff = Math.max(out.maxDiff, d);
    if (opaque) out.maxDiffOpaque = Math.max(out.maxDiffOpaque, d);
  }
  return out;
}
