// The typed-array kernels of the aggregation (positions, cell numbering, masks, the
// reduction), on tiny literal fixtures with exact expectations; the reduction also
// against DuckDB's own GROUP BY on the same values, NULL and NaN included.
import { describe, expect, it } from 'vitest';
import { distinctPositions } from '../../src/engine/aggregate/positions';
import { numberCells } from '../../src/engine/aggregate/cell-numbers';
import { maskPositions, maskRange, positionsInBox } from '../../src/engine/aggregate/masks';
import { reduceCells } from '../../src/engine/aggregate/reduce';
import { gridCells } from '../../src/engine/aggregate/grid';
import { hexCells } from '../../src/engine/aggregate/hexagon';
import { float64Column } from '../../src/engine/aggregate/arrow-io';
import { Engine } from '../../src/engine/engine';
import { nodePlatform } from '../../src/engine/platform-node';

const f64 = (...v: number[]) => Float64Array.from(v);
const i32 = (...v: number[]) => Int32Array.from(v);

describe('distinct positions', () => {
  it('numbers positions in order of first appearance, -1 for unusable rows', () => {
    const lon = f64(1, 2, 1, NaN, 2, 200, 1, 0);
    const lat = f64(5, 6, 5, 5, 6, 5, 5.5, -90);
    const p = distinctPositions([lon], [lat]);
    expect(Array.from(p.rowPosition)).toEqual([0, 1, 0, -1, 1, -1, 2, 3]);
    expect(Array.from(p.x)).toEqual([1, 2, 1, 0]);
    expect(Array.from(p.y)).toEqual([5, 6, 5.5, -90]);
  });

  it('reads rows across chunks, and rounds of readings in the same order, with a look-alike', () => {
    // Three rounds over places A B C; in round 2, C's latitude is off by one ulp: a new place.
    const A = [1, 1], B = [2, 1], C = [3, 1], C2 = [3, 1 + 2 ** -52];
    const rounds = [A, B, C, A, B, C2, A, B, C];
    const lon = rounds.map((p) => p[0]);
    const lat = rounds.map((p) => p[1]);
    const p = distinctPositions([f64(...lon.slice(0, 4)), f64(...lon.slice(4))], [f64(...lat.slice(0, 4)), f64(...lat.slice(4))]);
    expect(Array.from(p.rowPosition)).toEqual([0, 1, 2, 0, 1, 3, 0, 1, 2]);
    expect(Array.from(p.y)).toEqual([1, 1, 1, 1 + 2 ** -52]);
  });

  it('keeps every position through table growth (10,000 distinct, each twice)', () => {
    const n = 10_000;
    const lon = new Float64Array(2 * n);
    const lat = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      lon[i] = lon[2 * n - 1 - i] = -74 + i * 1e-5;
      lat[i] = lat[2 * n - 1 - i] = 40 + (i % 7) * 1e-3;
    }
    const p = distinctPositions([lon], [lat]);
    expect(p.x.length).toBe(n);
    for (let i = 0; i < n; i++) {
      expect(p.rowPosition[i]).toBe(i);
      expect(p.rowPosition[2 * n - 1 - i]).toBe(i);
    }
  });

  it('gives up deduplicating when the first 65,536 rows are mostly distinct: every row its own position', () => {
    const n = 70_000;
    const lon = Float64Array.from({ length: n }, (_, i) => (i === n - 1 ? 0 : i * 1e-4));
    const lat = new Float64Array(n);
    lat[5] = NaN;
    const p = distinctPositions([lon], [lat]);
    expect(p.x.length).toBe(n - 1);
    expect(p.rowPosition[4]).toBe(4);
    expect(p.rowPosition[5]).toBe(-1);
    expect(p.rowPosition[6]).toBe(5);
    // Row n-1 repeats row 0's position, and stays a position of its own.
    expect(p.rowPosition[n - 1]).toBe(n - 2);
  });
});

describe('cell numbering', () => {
  it('numbers (column, row) cells densely, sorted by column then row', () => {
    const got = numberCells(i32(3, -1, 3, 0, -1), i32(2, 7, -4, 0, 7));
    expect(Array.from(got.cols)).toEqual([-1, 0, 3, 3]);
    expect(Array.from(got.rows)).toEqual([7, 0, -4, 2]);
    expect(Array.from(got.cell)).toEqual([3, 0, 2, 1, 0]);
  });

  it('gives the same numbers through the sort when the cells span a huge grid', () => {
    const got = numberCells(i32(2_000_000, -5, 2_000_000, 0), i32(-3_000_000, 9, 4, 9));
    expect(Array.from(got.cols)).toEqual([-5, 0, 2_000_000, 2_000_000]);
    expect(Array.from(got.rows)).toEqual([9, 9, -3_000_000, 4]);
    expect(Array.from(got.cell)).toEqual([2, 0, 3, 1]);
    expect(numberCells(i32(), i32()).cols.length).toBe(0);
  });
});

describe('grid and hexagon kernels', () => {
  // Projection with origin 0,0 and 1 m per degree: lon/lat are metres.
  const p = { lon0: 0, lat0: 0, kx: 1, ky: 1 };

  it('grid: floor of x / size, edges belong to the cell above and to the right', () => {
    const cols = new Int32Array(4);
    const rows = new Int32Array(4);
    gridCells(p, 10, f64(0, 9.99, 10, -0.01), f64(-10, 5, 20, 0), cols, rows);
    expect(Array.from(cols)).toEqual([0, 0, 1, -1]);
    expect(Array.from(rows)).toEqual([-1, 0, 2, 0]);
  });

  it('hexagon: offset coordinates of the nearest centre (r = 1, w = √3)', () => {
    const w = Math.sqrt(3);
    // Centres: (0,0) even row 0; (w/2, 1.5) odd row 1 col 0; (w, 0) row 0 col 1; (-w/2, -1.5) row -1 col -1.
    const lon = f64(0.1, w / 2, w - 0.2, -w / 2 + 0.1, 0.45 * w);
    const lat = f64(0.1, 1.4, -0.1, -1.4, 0.2);
    const cols = new Int32Array(lon.length);
    const rows = new Int32Array(lon.length);
    hexCells(p, 1, lon, lat, cols, rows);
    expect(Array.from(cols)).toEqual([0, 0, 1, -1, 0]);
    expect(Array.from(rows)).toEqual([0, 1, 0, -1, 0]);
  });
});

describe('masks', () => {
  it('ranges fail NULLs and treat NaN as above every number, as DuckDB compares', () => {
    const v = f64(1, 5, NaN, 7, 3);
    const valid = Uint8Array.from([1, 1, 1, 1, 0]);
    const atLeast = Uint8Array.from([1, 1, 1, 1, 1]);
    maskRange(v, valid, { min: 5 }, atLeast);
    expect(Array.from(atLeast)).toEqual([0, 1, 1, 1, 0]);
    const between = Uint8Array.from([1, 1, 1, 1, 1]);
    maskRange(v, null, { min: 1, max: 7, minExclusive: true, maxExclusive: true }, between);
    expect(Array.from(between)).toEqual([0, 1, 0, 0, 1]);
    const upTo = Uint8Array.from([1, 0, 1, 1, 1]);
    maskRange(v, null, { max: 5 }, upTo);
    expect(Array.from(upTo)).toEqual([1, 0, 0, 0, 1]);
  });

  it('a bbox keeps positions inside it, edges included, and rows follow their position', () => {
    const pass = positionsInBox(f64(0, 1, 2, 1), f64(0, 1, 1, 3), [0, 0, 1, 2]);
    expect(Array.from(pass)).toEqual([1, 1, 0, 0]);
    const mask = Uint8Array.from([1, 1, 1, 1, 1, 0]);
    maskPositions(i32(0, 2, -1, 1, 3, 1), pass, mask);
    expect(Array.from(mask)).toEqual([1, 0, 0, 1, 0, 0]);
  });
});

describe('reduction', () => {
  // Rows: position, value (null = not valid); positions 0 and 3 share cell 0.
  const rowPosition = i32(0, 1, 3, -1, 2, 0, 1, 2);
  const positionCell = i32(0, 1, 2, 0);
  const values = f64(2, 10, 4, 99, NaN, 0.5, 0, 7);
  const valid = Uint8Array.from([1, 1, 1, 1, 1, 1, 0, 0]);

  it('counts rows per cell, skipping rows without a cell and masked rows', () => {
    const r = reduceCells({ stat: 'count', rowPosition, positionCell, cellCount: 4 });
    expect(Array.from(r.counts)).toEqual([3, 2, 2, 0]);
    expect(Array.from(r.values)).toEqual([3, 2, 2, 0]);
    const masked = reduceCells({ stat: 'count', rowPosition, positionCell, cellCount: 4, mask: Uint8Array.from([1, 1, 0, 1, 1, 1, 1, 1]) });
    expect(Array.from(masked.counts)).toEqual([2, 2, 2, 0]);
  });

  it('counts the same way when positions repeat many times (per position, then per cell)', () => {
    // 20 rows over 3 positions: positions 0 and 2 in cell 1, position 1 in cell 0.
    const many = Int32Array.from({ length: 20 }, (_, i) => (i % 5 === 4 ? -1 : i % 3));
    const mask = Uint8Array.from({ length: 20 }, (_, i) => (i < 10 ? 1 : 0));
    const r = reduceCells({ stat: 'count', rowPosition: many, positionCell: i32(1, 0, 1), cellCount: 2 });
    // Rows with a position: 16; position 1 holds rows 1, 7, 10, 13, 16 (row 4 and 19 have none).
    expect(Array.from(r.counts)).toEqual([5, 11]);
    const m = reduceCells({ stat: 'count', rowPosition: many, positionCell: i32(1, 0, 1), cellCount: 2, mask });
    expect(Array.from(m.counts)).toEqual([2, 6]);
    expect(Array.from(reduceCells({ stat: 'sum', rowPosition: many, positionCell: i32(1, 0, 1), cellCount: 2, values: new Float64Array(20).fill(0.5) }).values)).toEqual([2.5, 5.5]);
  });

  it('sum, mean, min and max skip NULL values and are NaN where a cell has none', () => {
    const go = (stat: 'sum' | 'mean' | 'min' | 'max') => Array.from(reduceCells({ stat, rowPosition, positionCell, cellCount: 4, values, valid }).values);
    expect(go('sum')).toEqual([6.5, 10, NaN, NaN]);
    expect(go('mean')).toEqual([6.5 / 3, 10, NaN, NaN]);
    expect(go('min')).toEqual([0.5, 10, NaN, NaN]);
    expect(go('max')).toEqual([4, 10, NaN, NaN]);
    // Counts are rows, NULL values included.
    expect(Array.from(reduceCells({ stat: 'sum', rowPosition, positionCell, cellCount: 4, values, valid }).counts)).toEqual([3, 2, 2, 0]);
  });

  it('writes into a caller-supplied output of the right length', () => {
    const out = { counts: new Float64Array(4).fill(9), values: new Float64Array(4) };
    const r = reduceCells({ stat: 'max', rowPosition, positionCell, cellCount: 4, values, valid }, out);
    expect(r).toBe(out);
    expect(Array.from(out.counts)).toEqual([3, 2, 2, 0]);
    const fresh = reduceCells({ stat: 'max', rowPosition, positionCell, cellCount: 3, values, valid }, out);
    expect(fresh).not.toBe(out);
  });

  describe('matches DuckDB on the same rows', () => {
    const engine = new Engine(nodePlatform);
    it('NULLs, NaN first, last and alone, infinities', async () => {
      await engine.init();
      // cell, value; NULL as null.
      const rows: [number, number | null][] = [
        [0, 1], [0, NaN], [0, 3],
        [1, NaN], [1, 2], [1, -1],
        [2, NaN],
        [3, null], [3, null],
        [4, Infinity], [4, -Infinity], [4, 5],
        [5, 0.1], [5, 0.2], [5, 0.3], [5, null],
      ];
      const lit = (v: number | null) => (v === null ? 'NULL' : Number.isNaN(v) ? "'NaN'::DOUBLE" : v === Infinity ? "'inf'::DOUBLE" : v === -Infinity ? "'-inf'::DOUBLE" : `${v}::DOUBLE`);
      const sql =
        `SELECT c::DOUBLE AS c, count(*)::DOUBLE AS n, sum(v)::DOUBLE AS s, avg(v)::DOUBLE AS a, min(v)::DOUBLE AS lo, max(v)::DOUBLE AS hi ` +
        `FROM (VALUES ${rows.map(([c, v], i) => `(${i}, ${c}, ${lit(v)})`).join(', ')}) t(i, c, v) GROUP BY c ORDER BY c`;
      const r = engine.connection.query(sql);
      const rowPosition = Int32Array.from(rows, ([c]) => c);
      const positionCell = i32(0, 1, 2, 3, 4, 5);
      const vals = Float64Array.from(rows, ([, v]) => v ?? 0);
      const ok = Uint8Array.from(rows, ([, v]) => (v === null ? 0 : 1));
      const go = (stat: 'count' | 'sum' | 'mean' | 'min' | 'max') => reduceCells({ stat, rowPosition, positionCell, cellCount: 6, values: vals, valid: ok });
      expect(Array.from(go('count').counts)).toEqual(Array.from(float64Column(r, 'n')));
      expect(Array.from(go('sum').values)).toEqual(Array.from(float64Column(r, 's')));
      expect(Array.from(go('mean').values)).toEqual(Array.from(float64Column(r, 'a')));
      expect(Array.from(go('min').values)).toEqual(Array.from(float64Column(r, 'lo')));
      expect(Array.from(go('max').values)).toEqual(Array.from(float64Column(r, 'hi')));
    });
  });
});
