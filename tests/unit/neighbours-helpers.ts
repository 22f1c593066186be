// Shared checks for the neighbour-list tests.
import { expect } from 'vitest';
import type { NeighbourList } from '../../src/engine/aggregate/neighbours';

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
  rowsOf(list).forEach((row, i) => {
    for (let k = 0; k < row.length; k++) {
      expect(row[k]).not.toBe(i);
      expect(row[k]).toBeGreaterThanOrEqual(0);
      expect(row[k]).toBeLessThan(n);
      if (k > 0) expect(row[k]).toBeGreaterThan(row[k - 1]);
    }
  });
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
