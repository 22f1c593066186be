// Well-Known Binary → ShapeCollector, in plain JS (DuckDB's spatial extension cannot be
// loaded offline). Reads ISO WKB (Z/M/ZM as +1000/+2000/+3000) and PostGIS EWKB flags
// (Z, M, SRID), both byte orders, every geometry type including nested collections.
// Only x/y are kept; Z and M are skipped by stride.
import type { ShapeCollector } from './shapes';

const MAX_DEPTH = 32;

class Reader {
  constructor(
    readonly view: DataView,
    public at: number,
    readonly end: number,
  ) {}
  need(n: number): void {
    if (this.at + n > this.end) throw new Error('WKB is truncated');
  }
}

function header(r: Reader): { little: boolean; type: number; dims: number } {
  r.need(5);
  const order = r.view.getUint8(r.at);
  if (order > 1) throw new Error(`bad WKB byte order ${order}`);
  const little = order === 1;
  let code = r.view.getUint32(r.at + 1, little);
  r.at += 5;
  let dims = 2;
  // EWKB flags in the high bits.
  if (code & 0x80000000) dims++;
  if (code & 0x40000000) dims++;
  if (code & 0x20000000) {
    r.need(4);
    r.at += 4; // SRID: the GeoParquet/file CRS applies, not a per-row one
  }
  code &= 0x0fffffff;
  const iso = Math.floor(code / 1000);
  if (iso === 1 || iso === 2) dims++;
  else if (iso === 3) dims += 2;
  else if (iso !== 0) throw new Error(`unknown WKB geometry type ${code}`);
  return { little, type: code % 1000, dims };
}

function count(r: Reader, little: boolean): number {
  r.need(4);
  const n = r.view.getUint32(r.at, little);
  r.at += 4;
  return n;
}

function path(r: Reader, c: ShapeCollector, little: boolean, dims: number, target: 'poly' | 'line'): boolean {
  const n = count(r, little);
  r.need(n * dims * 8);
  c.beginPath(target);
  const v = r.view;
  for (let i = 0; i < n; i++, r.at += dims * 8) c.pathVertex(v.getFloat64(r.at, little), v.getFloat64(r.at + 8, little));
  return c.endPath();
}

function polygon(r: Reader, c: ShapeCollector, little: boolean, dims: number): void {
  const rings = count(r, little);
  c.beginPolygon();
  let outerKept = true;
  for (let i = 0; i < rings; i++) {
    const kept = path(r, c, little, dims, 'poly');
    if (i === 0 && !kept) outerKept = false;
    // Holes of a dropped outer ring are read past but not kept.
    if (!outerKept && kept) throw new Error('polygon hole without an outer ring');
  }
  c.endPolygon();
}

function geometry(r: Reader, c: ShapeCollector, depth: number): void {
  if (depth > MAX_DEPTH) throw new Error('WKB nests too deep');
  const { little, type, dims } = header(r);
  const v = r.view;
  switch (type) {
    case 1: {
      r.need(dims * 8);
      c.point(v.getFloat64(r.at, little), v.getFloat64(r.at + 8, little));
      r.at += dims * 8;
      return;
    }
    case 2:
      c.endLine(path(r, c, little, dims, 'line'));
      return;
    case 3:
      polygon(r, c, little, dims);
      return;
    case 4:
    case 5:
    case 6:
    case 7: {
      const n = count(r, little);
      for (let i = 0; i < n; i++) geometry(r, c, depth + 1);
      return;
    }
    default:
      throw new Error(`WKB geometry type ${type} is not supported`);
  }
}

/**
 * Decode the WKB in bytes[start, end) as the geometry of the collector's current
 * feature (between beginFeature and endFeature). Throws on malformed bytes.
 */
export function decodeWkb(view: DataView, start: number, end: number, c: ShapeCollector): void {
  const r = new Reader(view, start, end);
  geometry(r, c, 0);
}

/**
 * Decode one WKB value per row into the collector, one feature per row: `values` and
 * `offsets` are an Arrow Binary vector's buffers (null rows have validity bit 0).
 * Unreadable values are counted by the collector, not thrown.
 */
export function decodeWkbColumn(
  values: Uint8Array,
  offsets: Int32Array | BigInt64Array,
  nullBitmap: Uint8Array | null,
  length: number,
  c: ShapeCollector,
): void {
  const view = new DataView(values.buffer, values.byteOffset, values.byteLength);
  const big = offsets instanceof BigInt64Array;
  for (let i = 0; i < length; i++) {
    c.beginFeature();
    const isNull = nullBitmap !== null && (nullBitmap[i >> 3] & (1 << (i & 7))) === 0;
    if (!isNull) {
      const s = big ? Number(offsets[i]) : (offsets[i] as number);
      const e = big ? Number(offsets[i + 1]) : (offsets[i + 1] as number);
      if (e > s) {
        try {
          decodeWkb(view, s, e, c);
        } catch {
          c.unreadable();
        }
      }
    }
    c.endFeature();
  }
}
