// Collects the geometry of every feature (one feature = one table row) into flat typed
// arrays as the decoders (GeoJSON, WKB, WKT) walk it: a position per point feature,
// PolygonShapes and LineShapes for the rest. Decoders call it vertex by vertex so no
// per-feature objects are kept; a feature with any unusable vertex is rolled back whole
// and counted, never drawn half or in the wrong place.
import type { BBox, GeometryCounts, GeometryInfo, GeometryKind, LineShapes, PolygonShapes } from '../protocol';
import { message, type EngineMessage } from '../messages';

/** (x, y) in the source CRS → [lon, lat] in WGS84; null when it cannot be transformed. */
export type Reproject = (x: number, y: number) => [number, number] | null;

class F64 {
  data = new Float64Array(1024);
  length = 0;
  push2(a: number, b: number): void {
    if (this.length + 2 > this.data.length) this.grow(this.length + 2);
    this.data[this.length++] = a;
    this.data[this.length++] = b;
  }
  private grow(min: number): void {
    const next = new Float64Array(Math.max(min, this.data.length * 2));
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
  done(): Float64Array {
    return this.data.slice(0, this.length);
  }
}

class U32 {
  data = new Uint32Array(1024);
  length = 0;
  constructor(first?: number) {
    if (first !== undefined) this.push(first);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  done(): Uint32Array {
    return this.data.slice(0, this.length);
  }
}

export interface CollectedShapes {
  featureCount: number;
  kind: GeometryKind;
  /** Per feature: its point (the first one of a MultiPoint), NaN where it has none. */
  lon: Float64Array | null;
  lat: Float64Array | null;
  polygons: PolygonShapes | null;
  lines: LineShapes | null;
  bbox: BBox | null;
  counts: GeometryCounts;
}

/** The GeometryInfo fields that come from collected shapes; callers add source, column and CRS. */
export function shapeGeometry(shapes: CollectedShapes): Pick<GeometryInfo, 'kind' | 'counts' | 'hasPolygons' | 'hasLines'> {
  return {
    kind: shapes.kind,
    counts: shapes.counts,
    hasPolygons: Boolean(shapes.polygons),
    hasLines: Boolean(shapes.lines),
  };
}

/**
 * Warnings every shape source gives: rows it could not place, geometries it could not
 * read (said with `unreadable`, e.g. 'geometries-undecodable' for WKB), MultiPoints drawn
 * at their first point.
 */
export function shapeWarnings(
  shapes: CollectedShapes,
  without: number,
  unreadable: 'geometries-unreadable' | 'geometries-undecodable',
): EngineMessage[] {
  const c = shapes.counts;
  const warnings: EngineMessage[] = [];
  if (without) warnings.push(message('rows-without-coordinates', { n: without }));
  if (c.unreadable) warnings.push(message(unreadable, { n: c.unreadable }));
  if (c.multiPoints) warnings.push(message('multipoints-first-point', { n: c.multiPoints }));
  return warnings;
}

export class ShapeCollector {
  private pointLon: number[] | Float64Array;
  private pointLat: number[] | Float64Array;
  private readonly pc = new F64();
  private readonly ringOffsets = new U32(0);
  private readonly polygonRingOffsets = new U32(0);
  private readonly featurePolygonOffsets = new U32(0);
  private readonly lc = new F64();
  private readonly pathOffsets = new U32(0);
  private readonly featurePathOffsets = new U32(0);
  readonly counts: GeometryCounts = {
    points: 0, lines: 0, polygons: 0, empty: 0, invalid: 0, outOfRange: 0, unreadable: 0, multiPoints: 0,
  };
  private n = 0;
  private bbox = [Infinity, Infinity, -Infinity, -Infinity];
  // Per-feature state, for rollback.
  private fPoints = 0;
  private fLines = 0;
  private fPolygons = 0;
  private fBad: 'nan' | 'range' | null = null;
  private fLon = NaN;
  private fLat = NaN;
  private fBox = [Infinity, Infinity, -Infinity, -Infinity];
  private mark = { pc: 0, ring: 0, poly: 0, lc: 0, path: 0 };
  private ringStart = 0;
  private ringTarget: 'poly' | 'line' = 'poly';

  /** `expected` pre-sizes the per-feature point arrays when the row count is known. */
  constructor(private readonly reproject: Reproject | null = null, expected = 0) {
    this.pointLon = expected ? new Float64Array(expected) : [];
    this.pointLat = expected ? new Float64Array(expected) : [];
  }

  get featureCount(): number {
    return this.n;
  }

  /** The point of feature i (NaN when it has none), while collecting. */
  pointAt(i: number): [number, number] {
    return [this.pointLon[i], this.pointLat[i]];
  }

  beginFeature(): void {
    this.fPoints = this.fLines = this.fPolygons = 0;
    this.fBad = null;
    this.fLon = this.fLat = NaN;
    this.fBox = [Infinity, Infinity, -Infinity, -Infinity];
    this.mark = {
      pc: this.pc.length,
      ring: this.ringOffsets.length,
      poly: this.polygonRingOffsets.length,
      lc: this.lc.length,
      path: this.pathOffsets.length,
    };
  }

  /** Transform and check one vertex; marks the feature bad and returns null if unusable. */
  private vertex(x: number, y: number): [number, number] | null {
    if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
      this.fBad ??= 'nan';
      return null;
    }
    let p: [number, number] | null = [x, y];
    if (this.reproject) p = this.reproject(x, y);
    if (!p || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
      this.fBad ??= 'nan';
      return null;
    }
    if (p[0] < -180 || p[0] > 180 || p[1] < -90 || p[1] > 90) {
      this.fBad ??= 'range';
      return null;
    }
    const b = this.fBox;
    if (p[0] < b[0]) b[0] = p[0];
    if (p[1] < b[1]) b[1] = p[1];
    if (p[0] > b[2]) b[2] = p[0];
    if (p[1] > b[3]) b[3] = p[1];
    return p;
  }

  point(x: number, y: number): void {
    // WKB writes an empty point as NaN, NaN: that is "no geometry", not a bad one.
    if (Number.isNaN(x) && Number.isNaN(y)) return;
    const p = this.vertex(x, y);
    if (!p) return;
    this.fPoints++;
    if (this.fPoints === 1) {
      this.fLon = p[0];
      this.fLat = p[1];
    }
  }

  /** Start a ring (of the current polygon) or a line path. */
  beginPath(target: 'poly' | 'line'): void {
    this.ringTarget = target;
    this.ringStart = target === 'poly' ? this.pc.length : this.lc.length;
  }

  pathVertex(x: number, y: number): void {
    const p = this.vertex(x, y);
    if (!p) return;
    (this.ringTarget === 'poly' ? this.pc : this.lc).push2(p[0], p[1]);
  }

  /** End a ring or path; rings are closed here, degenerate ones dropped. */
  endPath(): boolean {
    if (this.ringTarget === 'line') {
      if ((this.lc.length - this.ringStart) / 2 < 2) {
        this.lc.length = this.ringStart;
        return false;
      }
      this.pathOffsets.push(this.lc.length / 2);
      return true;
    }
    const d = this.pc.data;
    const s = this.ringStart;
    const e = this.pc.length;
    if (e - s >= 2 && (d[s] !== d[e - 2] || d[s + 1] !== d[e - 1])) this.pc.push2(d[s], d[s + 1]);
    if ((this.pc.length - s) / 2 < 4) {
      this.pc.length = s;
      return false;
    }
    this.ringOffsets.push(this.pc.length / 2);
    return true;
  }

  beginPolygon(): void {
    this.polyRingMark = this.ringOffsets.length;
  }
  private polyRingMark = 0;

  endPolygon(): void {
    // A polygon whose outer ring was degenerate is dropped with its holes.
    if (this.ringOffsets.length === this.polyRingMark) return;
    this.polygonRingOffsets.push(this.ringOffsets.length - 1);
    this.fPolygons++;
  }

  endLine(kept: boolean): void {
    if (kept) this.fLines++;
  }

  /** The current feature's geometry could not be decoded at all. */
  unreadable(): void {
    this.fBad = 'nan';
    this.counts.unreadable++;
  }

  endFeature(): void {
    const i = this.n++;
    if (this.fBad) {
      // Roll back everything this feature added.
      this.pc.length = this.mark.pc;
      this.ringOffsets.length = this.mark.ring;
      this.polygonRingOffsets.length = this.mark.poly;
      this.lc.length = this.mark.lc;
      this.pathOffsets.length = this.mark.path;
      this.fPoints = this.fLines = this.fPolygons = 0;
      this.fLon = this.fLat = NaN;
      this.counts.invalid++;
      if (this.fBad === 'range') this.counts.outOfRange++;
    } else {
      if (this.fPoints) this.counts.points++;
      if (this.fPoints > 1) this.counts.multiPoints++;
      if (this.fLines) this.counts.lines++;
      if (this.fPolygons) this.counts.polygons++;
      if (!this.fPoints && !this.fLines && !this.fPolygons) this.counts.empty++;
      else {
        const b = this.bbox;
        const f = this.fBox;
        if (f[0] < b[0]) b[0] = f[0];
        if (f[1] < b[1]) b[1] = f[1];
        if (f[2] > b[2]) b[2] = f[2];
        if (f[3] > b[3]) b[3] = f[3];
      }
    }
    if (Array.isArray(this.pointLon)) {
      (this.pointLon as number[]).push(this.fLon);
      (this.pointLat as number[]).push(this.fLat);
    } else if (i < this.pointLon.length) {
      this.pointLon[i] = this.fLon;
      this.pointLat[i] = this.fLat;
    } else {
      throw new Error('more features than expected');
    }
    this.featurePolygonOffsets.push(this.polygonRingOffsets.length - 1);
    this.featurePathOffsets.push(this.pathOffsets.length - 1);
  }

  finish(): CollectedShapes {
    const c = this.counts;
    const kinds = [c.points && 'point', c.lines && 'line', c.polygons && 'polygon'].filter(Boolean) as GeometryKind[];
    const kind: GeometryKind = kinds.length === 0 ? 'none' : kinds.length === 1 ? kinds[0] : 'mixed';
    const n = this.n;
    const toF64 = (a: number[] | Float64Array) => (Array.isArray(a) ? Float64Array.from(a) : a.subarray(0, n));
    const polygons: PolygonShapes | null = c.polygons
      ? {
          featureCount: n,
          coords: this.pc.done(),
          ringOffsets: this.ringOffsets.done(),
          polygonRingOffsets: this.polygonRingOffsets.done(),
          featurePolygonOffsets: this.featurePolygonOffsets.done(),
        }
      : null;
    const lines: LineShapes | null = c.lines
      ? {
          featureCount: n,
          coords: this.lc.done(),
          pathOffsets: this.pathOffsets.done(),
          featurePathOffsets: this.featurePathOffsets.done(),
        }
      : null;
    const b = this.bbox;
    return {
      featureCount: n,
      kind,
      lon: c.points ? toF64(this.pointLon) : null,
      lat: c.points ? toF64(this.pointLat) : null,
      polygons,
      lines,
      bbox: b[0] <= b[2] ? [b[0], b[1], b[2], b[3]] : null,
      counts: { ...c },
    };
  }
}
