// Ring neighbours of grid, hexagon and H3 cells, each against an oracle written here:
// Chebyshev distance by brute force, hexagon centre distances (from the centre formula
// of hexagon.ts) walked breadth-first over the whole lattice, and h3-js gridDistance.
import { describe, expect, it } from 'vitest';
import { getPentagons, gridDisk, gridDistance, latLngToCell } from 'h3-js';
import { gridRing, h3Ring, hexRing } from '../../src/engine/aggregate/neighbours';
import { asymmetricLinks, expectWellFormed, rowsOf } from './neighbours-helpers';

const cells = (pairs: [number, number][]) => ({ cols: Int32Array.from(pairs, (p) => p[0]), rows: Int32Array.from(pairs, (p) => p[1]) });

/** Brute force: the others within Chebyshev distance k, ascending. */
function chebyshevOracle(pairs: [number, number][], k: number): number[][] {
  return pairs.map(([c, r], i) => pairs.flatMap(([c2, r2], j) => (j !== i && Math.max(Math.abs(c2 - c), Math.abs(r2 - r)) <= k ? [j] : [])));
}

describe('gridRing', () => {
  // Row-major 3 × 3: index = row · 3 + col.
  const full: [number, number][] = [];
  for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) full.push([c, r]);

  it('3 × 3 full, k = 1: 8 around the centre, 5 beside an edge, 3 at a corner', () => {
    const { cols, rows } = cells(full);
    const list = gridRing(cols, rows, 1);
    expectWellFormed(list, 9);
    expect(rowsOf(list)).toEqual([
      [1, 3, 4], [0, 2, 3, 4, 5], [1, 4, 5],
      [0, 1, 4, 6, 7], [0, 1, 2, 3, 5, 6, 7, 8], [1, 2, 4, 7, 8],
      [3, 4, 7], [3, 4, 5, 6, 8], [4, 5, 7],
    ]);
    expect(rowsOf(list)).toEqual(chebyshevOracle(full, 1));
  });

  it('3 × 3 full, k = 2: every other cell', () => {
    const { cols, rows } = cells(full);
    expect(rowsOf(gridRing(cols, rows, 2))).toEqual(full.map((_, i) => full.map((_, j) => j).filter((j) => j !== i)));
  });

  it('with holes and shuffled input: only given cells, as indexes into the input', () => {
    // 3 × 3 without the centre (1,1) and the corner (2,0), given out of order.
    const holed: [number, number][] = [[2, 2], [0, 0], [1, 2], [0, 1], [1, 0], [2, 1], [0, 2]];
    const { cols, rows } = cells(holed);
    for (const k of [1, 2]) {
      const list = gridRing(cols, rows, k);
      expectWellFormed(list, holed.length);
      expect(rowsOf(list)).toEqual(chebyshevOracle(holed, k));
    }
    // (0,0) at k = 1: only (1,0) and (0,1) are left, at indexes 4 and 3.
    expect(rowsOf(gridRing(cols, rows, 1))[1]).toEqual([3, 4]);
  });

  it('negative and far-apart coordinates (the sparse lookup) against brute force', () => {
    const pairs: [number, number][] = [[-1, -1], [0, 0], [-2, 0], [5000, 5000], [5001, 4999], [5003, 5000], [-3, -3], [4999, 5002]];
    const { cols, rows } = cells(pairs);
    for (const k of [1, 2, 3]) expect(rowsOf(gridRing(cols, rows, k))).toEqual(chebyshevOracle(pairs, k));
  });

  it('rejects a cell given twice and a k that is not a whole number ≥ 1', () => {
    const { cols, rows } = cells([[0, 0], [1, 0], [0, 0]]);
    expect(() => gridRing(cols, rows, 1)).toThrow(/given twice/);
    expect(() => gridRing(Int32Array.of(0), Int32Array.of(0), 0)).toThrow(/k must be/);
    expect(() => gridRing(Int32Array.of(0), Int32Array.of(0), 1.5)).toThrow(/k must be/);
  });

  it('no cells: an empty list', () => {
    const list = gridRing(new Int32Array(0), new Int32Array(0), 1);
    expect(Array.from(list.offsets)).toEqual([0]);
    expect(list.neighbours.length).toBe(0);
  });
});

describe('hexRing', () => {
  // The engine's pointy-top hexagons (hexagon.ts), radius 1: odd rows shifted +½ column.
  const W = Math.sqrt(3);
  const centre = (c: number, r: number): [number, number] => [(c + (r & 1 ? 0.5 : 0)) * W, r * 1.5];
  const adjacent = (a: [number, number], b: [number, number]) => {
    const [x0, y0] = centre(a[0], a[1]), [x1, y1] = centre(b[0], b[1]);
    return Math.abs(Math.hypot(x1 - x0, y1 - y0) - W) < 1e-9; // neighbouring centres are √3·r apart
  };

  /** Hex distance ≤ k by breadth-first steps between centres √3·r apart, over the whole lattice. */
  function hexOracle(pairs: [number, number][], k: number): number[][] {
    return pairs.map((p, i) => {
      const seen = new Set([`${p[0]}:${p[1]}`]);
      let frontier = [p];
      for (let step = 0; step < k; step++) {
        const next: [number, number][] = [];
        for (const q of frontier) {
          for (let dr = -1; dr <= 1; dr++) for (let dc = -2; dc <= 2; dc++) {
            const s: [number, number] = [q[0] + dc, q[1] + dr];
            if (!seen.has(`${s[0]}:${s[1]}`) && adjacent(q, s)) { seen.add(`${s[0]}:${s[1]}`); next.push(s); }
          }
        }
        frontier = next;
      }
      return pairs.flatMap((q, j) => (j !== i && seen.has(`${q[0]}:${q[1]}`) ? [j] : []));
    });
  }

  const lattice: [number, number][] = [];
  for (let r = -4; r <= 4; r++) for (let c = -4; c <= 4; c++) lattice.push([c, r]);
  const at = (c: number, r: number) => lattice.findIndex((p) => p[0] === c && p[1] === r);
  const coordsOf = (list: ReturnType<typeof hexRing>, c: number, r: number) => rowsOf(list)[at(c, r)].map((j) => lattice[j]);

  it('k = 1 on an even and an odd row: the 6 cells whose centres are √3·r away', () => {
    const { cols, rows } = cells(lattice);
    const list = hexRing(cols, rows, 1);
    expectWellFormed(list, lattice.length);
    // Even row: the rows above and below hold columns c − 1 and c. Odd row: c and c + 1.
    expect(coordsOf(list, 0, 0)).toEqual([[-1, -1], [0, -1], [-1, 0], [1, 0], [-1, 1], [0, 1]]);
    expect(coordsOf(list, 0, 1)).toEqual([[0, 0], [1, 0], [-1, 1], [1, 1], [0, 2], [1, 2]]);
    // Negative odd rows shift the same way.
    expect(coordsOf(list, 2, -3)).toEqual([[2, -4], [3, -4], [1, -3], [3, -3], [2, -2], [3, -2]]);
    expect(rowsOf(list)).toEqual(lattice.map((p, i) => lattice.flatMap((q, j) => (j !== i && adjacent(p, q) ? [j] : []))));
  });

  it('k = 2 and 3 on the full lattice: 18 and 36 around inner cells, as the breadth-first oracle', () => {
    const { cols, rows } = cells(lattice);
    for (const [k, size] of [[2, 18], [3, 36]]) {
      const list = hexRing(cols, rows, k);
      expect(rowsOf(list)).toEqual(hexOracle(lattice, k));
      expect(rowsOf(list)[at(0, 0)].length).toBe(size);
      expect(rowsOf(list)[at(0, 1)].length).toBe(size);
    }
  });

  it('with holes, shuffled: only given cells, distance measured on the lattice, not through the given cells', () => {
    // Drop a ring around (0,0) except one cell: (0,0) still reaches distance-2 cells at k = 2.
    const holed = lattice.filter(([c, r]) => !(adjacent([0, 0], [c, r]) && !(c === 1 && r === 0)));
    const order = holed.map((_, i) => i).sort((a, b) => ((a * 7919) % 101) - ((b * 7919) % 101));
    const shuffled = order.map((i) => holed[i]);
    const { cols, rows } = cells(shuffled);
    for (const k of [1, 2]) expect(rowsOf(hexRing(cols, rows, k))).toEqual(hexOracle(shuffled, k));
    const self = shuffled.findIndex((p) => p[0] === 0 && p[1] === 0);
    expect(rowsOf(hexRing(cols, rows, 1))[self].map((j) => shuffled[j])).toEqual([[1, 0]]);
    expect(rowsOf(hexRing(cols, rows, 2))[self].length).toBe(12 + 1);
  });
});

describe('h3Ring', () => {
  /** Pairwise h3-js gridDistance within 1..k. */
  const distanceOracle = (list: string[], k: number) =>
    list.map((a, i) => list.flatMap((b, j) => (j !== i && gridDistance(a, b) <= k ? [j] : [])));

  it('cells around Manhattan with holes, k = 1 and 2, against pairwise gridDistance', () => {
    const origin = latLngToCell(40.758, -73.9855, 9);
    const disk = gridDisk(origin, 3);
    const given = disk.filter((_, i) => i % 5 !== 2).reverse();
    for (const k of [1, 2]) {
      const list = h3Ring(given, k);
      expectWellFormed(list, given.length);
      expect(rowsOf(list)).toEqual(distanceOracle(given, k));
    }
    const full = gridDisk(origin, 2);
    expect(rowsOf(h3Ring(full, 1))[full.indexOf(origin)].length).toBe(6);
    expect(rowsOf(h3Ring(full, 2))[full.indexOf(origin)].length).toBe(18);
  });

  it('beside a pentagon: 5 neighbours, as gridDisk says', () => {
    const pentagon = getPentagons(4)[3];
    const given = gridDisk(pentagon, 2);
    const list = h3Ring(given, 1);
    expect(asymmetricLinks(list)).toBe(0);
    const expected = given.map((c, i) => gridDisk(c, 1).map((x) => given.indexOf(x)).filter((j) => j >= 0 && j !== i).sort((a, b) => a - b));
    expect(rowsOf(list)).toEqual(expected);
    expect(rowsOf(list)[given.indexOf(pentagon)].length).toBe(5);
  });

  it('rejects a cell given twice', () => {
    const c = latLngToCell(40.7, -74, 8);
    expect(() => h3Ring([c, c.toUpperCase()], 1)).toThrow(/given twice/);
  });
});
