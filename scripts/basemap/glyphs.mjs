// MapLibre glyph PBFs ("SDF font ranges") made at build time from the Noto Sans TTFs in
// the @expo-google-fonts/noto-sans npm package (SIL OFL): no npm package ships the PBFs,
// and a style's labels must not reach a font server. Same conventions as Mapbox's fontnik,
// which MapLibre's text layout assumes: 24 px em, 3 px buffer, SDF radius 8, cutoff 0.25,
// `top` measured from an ascender line. Distances are exact (to the flattened outline),
// inside/outside by the non-zero winding rule.
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import opentype from 'opentype.js';

const require = createRequire(import.meta.url);
const SIZE = 24;
const BUFFER = 3;
const RADIUS = 8;
const CUTOFF = 0.25;

/** fontstack name → TTF in the npm package. Styles name these in `text-font`. */
export const FONTS = {
  'NotoSans-Regular': '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  'NotoSans-Medium': '@expo-google-fonts/noto-sans/500Medium/NotoSans_500Medium.ttf',
  'NotoSans-Italic': '@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf',
};

export const fontFile = (name) => require.resolve(FONTS[name]);

/** Glyph outline → line segments [x0, y0, x1, y1, …] in pixels (y up). */
function segments(commands, scale) {
  const out = [];
  let x = 0, y = 0, sx = 0, sy = 0;
  const line = (nx, ny) => {
    out.push(x, y, nx, ny);
    x = nx;
    y = ny;
  };
  // Curves become chords about 2 px long: at 24 px that is within ~0.05 px of the curve.
  const curve = (point, hull) => {
    const n = Math.max(1, Math.min(8, Math.ceil(hull / 2)));
    for (let i = 1; i <= n; i++) line(...point(i / n));
  };
  const dist = (ax, ay, bx, by) => Math.hypot(bx - ax, by - ay);
  for (const c of commands) {
    const [cx, cy, x1, y1, x2, y2] = [c.x, c.y, c.x1, c.y1, c.x2, c.y2].map((v) => (v ?? 0) * scale);
    if (c.type === 'M') [x, y, sx, sy] = [cx, cy, cx, cy];
    else if (c.type === 'L') line(cx, cy);
    else if (c.type === 'Q') {
      const [ax, ay] = [x, y];
      const hull = dist(ax, ay, x1, y1) + dist(x1, y1, cx, cy);
      curve((t) => [(1 - t) ** 2 * ax + 2 * (1 - t) * t * x1 + t * t * cx, (1 - t) ** 2 * ay + 2 * (1 - t) * t * y1 + t * t * cy], hull);
    } else if (c.type === 'C') {
      const [ax, ay] = [x, y];
      const b = (t, p0, p1, p2, p3) => (1 - t) ** 3 * p0 + 3 * (1 - t) ** 2 * t * p1 + 3 * (1 - t) * t * t * p2 + t ** 3 * p3;
      const hull = dist(ax, ay, x1, y1) + dist(x1, y1, x2, y2) + dist(x2, y2, cx, cy);
      curve((t) => [b(t, ax, x1, x2, cx), b(t, ay, y1, y2, cy)], hull);
    } else if (c.type === 'Z' && (x !== sx || y !== sy)) line(sx, sy);
  }
  return Float64Array.from(out);
}

/** Signed distance field of one glyph, fontnik layout, or null for an empty glyph. */
function sdf(seg, left, top, width, height) {
  const w = width + 2 * BUFFER;
  const h = height + 2 * BUFFER;
  const bitmap = new Uint8Array(w * h);
  for (let j = 0; j < h; j++) {
    const py = top + BUFFER - j - 0.5;
    for (let i = 0; i < w; i++) {
      const px = left - BUFFER + i + 0.5;
      let best = Infinity;
      let winding = 0;
      for (let k = 0; k < seg.length; k += 4) {
        const x0 = seg[k], y0 = seg[k + 1], x1 = seg[k + 2], y1 = seg[k + 3];
        const dx = x1 - x0, dy = y1 - y0;
        const len2 = dx * dx + dy * dy;
        const t = len2 > 0 ? Math.max(0, Math.min(1, ((px - x0) * dx + (py - y0) * dy) / len2)) : 0;
        const ex = x0 + t * dx - px, ey = y0 + t * dy - py;
        const d2 = ex * ex + ey * ey;
        if (d2 < best) best = d2;
        // Non-zero winding: count signed crossings of a ray to the right of the pixel.
        if (y0 <= py ? y1 > py : y1 <= py) {
          const xCross = x0 + ((py - y0) / dy) * dx;
          if (xCross > px) winding += y1 > y0 ? 1 : -1;
        }
      }
      const d = Math.sqrt(best) * (winding !== 0 ? -1 : 1);
      bitmap[j * w + i] = Math.max(0, Math.min(255, Math.round(255 - 255 * (d / RADIUS + CUTOFF))));
    }
  }
  return bitmap;
}

// Minimal protobuf writer for MapLibre's glyphs.proto.
function varint(out, n) {
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  out.push(n);
}
const zigzag = (n) => (n << 1) ^ (n >> 31);
function field(out, tag, bytes) {
  varint(out, (tag << 3) | 2);
  varint(out, bytes.length);
  for (const b of bytes) out.push(b);
}
function uintField(out, tag, n) {
  varint(out, tag << 3);
  varint(out, n >>> 0);
}

function encodeGlyph(g) {
  const out = [];
  uintField(out, 1, g.id);
  if (g.bitmap) field(out, 2, g.bitmap);
  uintField(out, 3, g.width);
  uintField(out, 4, g.height);
  uintField(out, 5, zigzag(g.left));
  uintField(out, 6, zigzag(g.top));
  uintField(out, 7, g.advance);
  return out;
}

/** One range file: `glyphs { stacks: [fontstack { name, range, glyphs }] }`. */
function encodeRange(name, start, glyphs) {
  const stack = [];
  field(stack, 1, new TextEncoder().encode(name));
  field(stack, 2, new TextEncoder().encode(`${start}-${start + 255}`));
  for (const g of glyphs) field(stack, 3, encodeGlyph(g));
  const out = [];
  field(out, 1, stack);
  return Uint8Array.from(out);
}

function glyphMetrics(font, glyph, id) {
  const scale = SIZE / font.unitsPerEm;
  const ascender = Math.floor(font.ascender * scale);
  const advance = Math.round(glyph.advanceWidth * scale);
  const seg = segments(glyph.path.commands, scale);
  if (!seg.length) return { id, width: 0, height: 0, left: 0, top: -ascender, advance };
  let [xMin, yMin, xMax, yMax] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let k = 0; k < seg.length; k += 2) {
    xMin = Math.min(xMin, seg[k]);
    xMax = Math.max(xMax, seg[k]);
    yMin = Math.min(yMin, seg[k + 1]);
    yMax = Math.max(yMax, seg[k + 1]);
  }
  const left = Math.floor(xMin);
  const top = Math.ceil(yMax);
  const width = Math.ceil(xMax) - left;
  const height = top - Math.floor(yMin);
  return { id, width, height, left, top: top - ascender, advance, bitmap: sdf(seg, left, top, width, height) };
}

/**
 * Writes `<outDir>/<fontstack>/<start>-<end>.pbf` for every 256-codepoint range the font
 * covers in the Basic Multilingual Plane. Returns the number of files written.
 */
export function writeGlyphRanges(name, ttfPath, outDir) {
  const buf = readFileSync(ttfPath);
  const font = opentype.parse(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length));
  const byRange = new Map();
  for (const [cp, index] of Object.entries(font.tables.cmap.glyphIndexMap)) {
    const id = Number(cp);
    if (id > 0xffff || index === 0) continue;
    const start = id - (id % 256);
    if (!byRange.has(start)) byRange.set(start, []);
    byRange.get(start).push([id, index]);
  }
  const dir = path.join(outDir, name);
  mkdirSync(dir, { recursive: true });
  // 0-255 last: build scripts take its presence as "this font is complete".
  for (const [start, entries] of [...byRange].sort((x, y) => y[0] - x[0])) {
    entries.sort((a, b) => a[0] - b[0]);
    const glyphs = entries.map(([id, index]) => glyphMetrics(font, font.glyphs.get(index), id));
    writeFileSync(path.join(dir, `${start}-${start + 255}.pbf`), encodeRange(name, start, glyphs));
  }
  return byRange.size;
}
