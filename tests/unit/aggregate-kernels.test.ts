// The pure kernels, each against a brute-force or library computation.
import { describe, expect, it } from 'vitest';
import { area, booleanPointInPolygon, polygon, multiPolygon } from '@turf/turf';
import { cellToBoundary, cellToLatLng, latLngToCell, cellArea } from 'h3-js';
import { hexCell, hexCellRing, hexCenter, hexCellAreaKm2 } from '../../src/engine/aggregate/hexagon';
import { gridCellRing, gridCenter } from '../../src/engine/aggregate/grid';
import { localProjection, project } from '../../src/engine/aggregate/projection';
import { PolygonIndex, featureAreasKm2 } from '../../src/engine/aggregate/districts';
import { assignH3, h3At, h3SplitLongs, h3Center } from '../../src/engine/aggregate/h3';
import { suppress } from '../../src/engine/aggregate/privacy';
import { filterSql } from '../../src/engine/aggregate/filters';
import { timeWindowSql } from '../../src/engine/aggregate/time';
import { shapesFromFeatures } from './aggregate-helpers';
import type { ColumnInfo } from '../../src/engine/protocol';

// Deterministic pseudo-random numbers, so a failure can be replayed.
function rng(seed: number) {
  return () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe('local projection', () => {
  it('gives metres: 0.01° of latitude is ~1.11 km anywhere, longitude shrinks with latitude', () => {
    for (const lat of [43.46 /* Santander */, 59.91 /* Oslo */, 40.7]) {
      const p = localProjection(0, lat);
      expect(p.ky * 0.01).toBeGreaterThan(1109);
      expect(p.ky * 0.01).toBeLessThan(1118);
      expect(p.kx / p.ky).toBeCloseTo(Math.cos((lat * Math.PI) / 180), 2);
    }
  });
});

describe('hexagon kernel', () => {
  const p = localProjection(-73.95, 40.75);
  it('puts every point in the hexagon with the nearest centre', () => {
    const r = 500;
    const next = rng(1);
    for (let k = 0; k < 5000; k++) {
      const lon = -74.05 + next() * 0.2;
      const lat = 40.65 + next() * 0.2;
      const [col, row] = hexCell(p, r, lon, lat);
      const [x, y] = project(p, lon, lat);
      const d = (c: number, w: number) => {
        const [cl, ct] = hexCenter(p, r, c, w);
        const [cx, cy] = project(p, cl, ct);
        return Math.hypot(x - cx, y - cy);
      };
      const mine = d(col, row);
      expect(mine).toBeLessThanOrEqual(r + 1e-6);
      for (let dc = -2; dc <= 2; dc++) for (let dr = -2; dr <= 2; dr++) {
        expect(mine).toBeLessThanOrEqual(d(col + dc, row + dr) + 1e-6);
      }
    }
  });
  it('draws a hexagon of the stated area around its centre', () => {
    const ring = hexCellRing(p, 500, 3, -7);
    expect(ring.length).toBe(7);
    expect(area(polygon([ring])) / 1e6).toBeCloseTo(hexCellAreaKm2(500), 2);
    const [cx, cy] = hexCenter(p, 500, 3, -7);
    expect(hexCell(p, 500, cx, cy)).toEqual([3, -7]);
  });
  it('draws a grid square of the stated size', () => {
    const ring = gridCellRing(p, 1000, -2, 5);
    expect(area(polygon([ring])) / 1e6).toBeCloseTo(1, 2);
    const [cx, cy] = gridCenter(p, 1000, -2, 5);
    const [x, y] = project(p, cx, cy);
    expect(Math.floor(x / 1000)).toBe(-2);
    expect(Math.floor(y / 1000)).toBe(5);
  });
});

describe('H3 kernel', () => {
  it('assigns dense cell numbers that map back to latLngToCell', () => {
    const next = rng(7);
    const lons = Float64Array.from({ length: 500 }, () => -74 + next() * 0.1);
    const lats = Float64Array.from({ length: 500 }, () => 40.7 + next() * 0.1);
    const { cell, cells } = assignH3(lons, lats, 8);
    const keys = Array.from({ length: cells.length / 2 }, (_, i) => h3At(cells, i));
    for (let i = 0; i < 500; i++) expect(keys[cell[i]]).toBe(latLngToCell(lats[i], lons[i], 8));
    expect(h3SplitLongs(keys)).toEqual(cells);
    const [lat, lon] = cellToLatLng(keys[0]);
    expect(h3Center(keys[0])).toEqual([lon, lat]);
    expect(cellToBoundary(keys[0]).length).toBeGreaterThan(4);
    expect(cellArea(keys[0], 'km2')).toBeGreaterThan(0.5);
  });
});

describe('point-in-polygon index', () => {
  // A square with a square hole, and a two-part MultiPolygon beside it.
  const square = polygon([
    [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],
    [[3, 3], [3, 7], [7, 7], [7, 3], [3, 3]],
  ]);
  const multi = multiPolygon([
    [[[12, 0], [15, 0], [15, 3], [12, 3], [12, 0]]],
    [[[12, 6], [16, 6], [14, 10], [12, 6]]],
  ]);
  const shapes = shapesFromFeatures([square, multi]);
  const index = new PolygonIndex(shapes);

  it('handles holes and MultiPolygons exactly like turf', () => {
    const next = rng(3);
    for (let k = 0; k < 20000; k++) {
      const x = -1 + next() * 18;
      const y = -1 + next() * 12;
      const expected = booleanPointInPolygon([x, y], square, { ignoreBoundary: true })
        ? 0
        : booleanPointInPolygon([x, y], multi, { ignoreBoundary: true })
          ? 1
          : -1;
      const onEdge = booleanPointInPolygon([x, y], square) !== booleanPointInPolygon([x, y], square, { ignoreBoundary: true });
      if (!onEdge) expect(index.locate(x, y)).toBe(expected);
    }
    expect(index.locate(5, 5)).toBe(-1); // in the hole
    expect(index.locate(1, 1)).toBe(0);
    expect(index.locate(14, 8)).toBe(1);
    expect(index.locate(11, 1)).toBe(-1);
  });

  it('measures areas like turf (holes subtracted)', () => {
    const lonlat = [
      polygon([[[-74, 40.7], [-73.9, 40.7], [-73.9, 40.8], [-74, 40.8], [-74, 40.7]], [[-73.97, 40.73], [-73.97, 40.77], [-73.93, 40.77], [-73.93, 40.73], [-73.97, 40.73]]]),
    ];
    const km2 = featureAreasKm2(shapesFromFeatures(lonlat));
    expect(km2[0]).toBeCloseTo(area(lonlat[0]) / 1e6, 6);
  });
});

describe('privacy', () => {
  it('flags and blanks cells below k, and k = 0 turns it off', () => {
    const counts = Float64Array.from([0, 4, 5, 12]);
    const values = Float64Array.from([0, 1.5, 2, 3]);
    const { suppressed, suppressedCells } = suppress(5, counts, values);
    expect(Array.from(suppressed)).toEqual([1, 1, 0, 0]);
    expect(suppressedCells).toBe(2);
    expect(Array.from(counts)).toEqual([NaN, NaN, 5, 12]);
    expect(Array.from(values)).toEqual([NaN, NaN, 2, 3]);
    const c2 = Float64Array.from([1, 2]);
    expect(suppress(0, c2).suppressedCells).toBe(0);
    expect(Array.from(c2)).toEqual([1, 2]);
  });
});

describe('filter SQL', () => {
  const cols: ColumnInfo[] = [
    { name: 'Complaint Type', type: 'VARCHAR', kind: 'string' },
    { name: 'n"x', type: 'DOUBLE', kind: 'number' },
    { name: 'ts', type: 'TIMESTAMP', kind: 'timestamp' },
  ];
  it('quotes identifiers and escapes values', () => {
    expect(filterSql({ kind: 'in', column: 'Complaint Type', values: ["Rat's nest", 'Dog'] }, cols, 'lon', 'lat')).toBe(
      `"Complaint Type" IN ('Rat''s nest', 'Dog')`,
    );
    expect(filterSql({ kind: 'range', column: 'n"x', min: 1, maxExclusive: true, max: 2 }, cols, 'lon', 'lat')).toBe(
      `"n""x" >= 1 AND "n""x" < 2`,
    );
    expect(timeWindowSql(cols, { column: 'ts', from: '2024-01-01T08:00', to: 1.7e12 })).toEqual([
      `"ts" >= CAST('2024-01-01 08:00' AS TIMESTAMP)`,
      `"ts" < make_timestamp(1700000000000000::BIGINT)`,
    ]);
  });
  it('refuses unknown columns, non-numeric ranges and empty lists', () => {
    expect(() => filterSql({ kind: 'range', column: 'Complaint Type', min: 1 }, cols, 'lon', 'lat')).toThrow(/numeric/);
    expect(() => filterSql({ kind: 'in', column: 'zzz', values: [1] }, cols, 'lon', 'lat')).toThrow(/no column/);
    expect(() => filterSql({ kind: 'in', column: 'Complaint Type', values: [] }, cols, 'lon', 'lat')).toThrow(/no values/);
    expect(() => filterSql({ kind: 'bbox', bbox: [1, 1, 0, 0] }, cols, 'lon', 'lat')).toThrow(/bbox/);
  });
});
