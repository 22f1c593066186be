// Shared checks for the neighbour-list tests.
import { expect } from 'vitest';
import type { NeighbourList } from '../../src/engine/aggregate/neighbours';
import type { PolygonShapes } from '../../src/engine/protocol';

/** The list as one plain array of neighbour indexes per observation. */
export function rowsOf(list: NeighbourList): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i + 1 < list.offsets.length; i++) rows.push(Array.from(list.neighbours.subarray(list.offsets[i], list.offsets[i + 1])));
  return rows;
}

/** The CSR invariants: n + 1 offsets from 0 to the end, rows strictly ascending, never i itself. */
export function expectWellFormed(list: NeighbourList, n: number): void {
  expect(list.offsets.length).toBe(n + 1);
  expect(list.offsets[0]).toBe(0);
  expect(list.offsets[n]).toBe(list.neighbours.length);
  const bad: string[] = [];
  rowsOf(list).forEach((row, i) => {
    row.forEach((j, k) => {
      if (j === i || j < 0 || j >= n || (k > 0 && j <= row[k - 1])) bad.push(`row ${i}: ${row.join(',')}`);
    });
  });
  expect(bad).toEqual([]);
}

/** i lists j exactly when j lists i; the number of one-sided links (0 when symmetric). */
export function asymmetricLinks(list: NeighbourList): number {
  const rows = rowsOf(list).map((r) => new Set(r));
  let bad = 0;
  rows.forEach((row, i) => row.forEach((j) => { if (!rows[j].has(i)) bad++; }));
  return bad;
}

/** The [min, max] of a number of rows' lengths. */
export function degreeRange(list: NeighbourList, rows: number[]): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (const i of rows) {
    const d = list.offsets[i + 1] - list.offsets[i];
    if (d < lo) lo = d;
    if (d > hi) hi = d;
  }
  return [lo, hi];
}

/**
 * Issue 11's queen rule read literally, by brute force: some vertex of one feature within
 * tolM (≤ 1 m) of an edge of the other. Edges are bucketed on a 0.002° grid so that each
 * vertex is measured only against the edges near it; metres from the WGS84 radii of
 * curvature at the vertex's latitude.
 */
export function vertexRuleQueen(shapes: PolygonShapes, tolM: number): number[][] {
  const n = shapes.featureCount;
  const g = 0.002, pad = 2e-5; // degrees: a bucket ~200 m, padding ~2 m > tolM
  const key = (i: number, j: number) => `${i}:${j}`;
  const buckets = new Map<string, number[][]>(); // bucket → [feature, x1, y1, x2, y2] edges
  const c = shapes.coords;
  const forEachVertex = (f: number, fn: (x1: number, y1: number, x2: number, y2: number) => void) => {
    for (let p = shapes.featurePolygonOffsets[f]; p < shapes.featurePolygonOffsets[f + 1]; p++) {
      for (let r = shapes.polygonRingOffsets[p]; r < shapes.polygonRingOffsets[p + 1]; r++) {
        for (let v = shapes.ringOffsets[r]; v + 1 < shapes.ringOffsets[r + 1]; v++) fn(c[2 * v], c[2 * v + 1], c[2 * v + 2], c[2 * v + 3]);
      }
    }
  };
  for (let f = 0; f < n; f++) {
    forEachVertex(f, (x1, y1, x2, y2) => {
      for (let i = Math.floor((Math.min(x1, x2) - pad) / g); i <= Math.floor((Math.max(x1, x2) + pad) / g); i++) {
        for (let j = Math.floor((Math.min(y1, y2) - pad) / g); j <= Math.floor((Math.max(y1, y2) + pad) / g); j++) {
          const k = key(i, j);
          if (!buckets.has(k)) buckets.set(k, []);
          buckets.get(k)!.push([f, x1, y1, x2, y2]);
        }
      }
    });
  }
  const links = Array.from({ length: n }, () => new Set<number>());
  const check = (f: number, x: number, y: number) => {
    const s = Math.sin((y * Math.PI) / 180), w = 1 - 0.00669437999014 * s * s;
    const kx = ((6378137 / Math.sqrt(w)) * Math.cos((y * Math.PI) / 180) * Math.PI) / 180;
    const ky = ((6378137 * (1 - 0.00669437999014)) / (w * Math.sqrt(w)) * Math.PI) / 180;
    for (const [b, x1, y1, x2, y2] of buckets.get(key(Math.floor(x / g), Math.floor(y / g))) ?? []) {
      if (b === f || links[f].has(b)) continue;
      const ax = (x1 - x) * kx, ay = (y1 - y) * ky;
      const dx = (x2 - x1) * kx, dy = (y2 - y1) * ky;
      const len2 = dx * dx + dy * dy;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
      if (Math.hypot(ax + t * dx, ay + t * dy) <= tolM) { links[f].add(b); links[b].add(f); }
    }
  };
  for (let f = 0; f < n; f++) forEachVertex(f, (x1, y1) => check(f, x1, y1));
  return links.map((s) => [...s].sort((a, b) => a - b));
}

/** Great-circle metres through 3D unit vectors (chord → arc), an oracle apart from the engine's haversine. */
export function arcMetres(a: [number, number], b: [number, number]): number {
  const v = ([lon, lat]: [number, number]) => {
    const l = (lon * Math.PI) / 180, p = (lat * Math.PI) / 180;
    return [Math.cos(p) * Math.cos(l), Math.cos(p) * Math.sin(l), Math.sin(p)];
  };
  const u = v(a), w = v(b);
  return 2 * 6371008.8 * Math.asin(Math.hypot(u[0] - w[0], u[1] - w[1], u[2] - w[2]) / 2);
}
