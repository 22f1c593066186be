// H3 assignment through h3-js's compiled core (h3-core.ts) against h3-js's public API,
// position by position: the cell, the cell order (h3-js hex strings, sorted as text),
// each cell's centre and area. Worldwide random points with the hard places (poles,
// the antimeridian, longitudes past ±180), and 140,056 real UK positions from the shared data.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import libh3 from 'h3-js/dist/libh3-browser.js';
import { cellArea, cellToBoundary, cellToLatLng, latLngToCell } from 'h3-js';
import { assignH3, h3At } from '../../src/engine/aggregate/h3';
import { cellAreasKm2, cellCenters, latLngToCells } from '../../src/engine/aggregate/h3-core';
import { hasSharedData, sharedFile } from '../shared-data';

// Deterministic pseudo-random numbers, so a failure can be replayed.
function rng(seed: number) {
  return () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** Every position's cell is the public latLngToCell's; cells are distinct, used, and in text order. */
function expectSameAsPublic(lons: Float64Array, lats: Float64Array, res: number): number {
  const { cell, cells } = assignH3(lons, lats, res);
  const keys = Array.from({ length: cells.length / 2 }, (_, i) => h3At(cells, i));
  const expected = Array.from(lats, (lat, i) => latLngToCell(lat, lons[i], res));
  const bad = expected.map((h, i) => (keys[cell[i]] === h ? -1 : i)).filter((i) => i >= 0);
  expect(bad.slice(0, 5).map((i) => `${lats[i]},${lons[i]}: ${keys[cell[i]]} ≠ ${expected[i]}`)).toEqual([]);
  expect(keys).toEqual([...new Set(expected)].sort());
  return keys.length;
}

/** Random points: anywhere, near each pole, astride the antimeridian, and past ±180° of longitude. */
function hardPoints(n: number, seed: number): { lons: Float64Array; lats: Float64Array } {
  const next = rng(seed);
  const lons = new Float64Array(n);
  const lats = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const kind = i % 5;
    if (kind === 0) {
      lats[i] = Math.asin(2 * next() - 1) * (180 / Math.PI); // uniform on the sphere
      lons[i] = 360 * next() - 180;
    } else if (kind === 1) {
      lats[i] = (next() < 0.5 ? -1 : 1) * (90 - next() ** 3 * 0.5); // within 0.5° of a pole
      lons[i] = 360 * next() - 180;
    } else if (kind === 2) {
      lats[i] = 170 * next() - 85;
      lons[i] = (next() < 0.5 ? -180 : 180) + (next() - 0.5) * 1e-3; // within 55 m of the antimeridian
    } else if (kind === 3) {
      lats[i] = 170 * next() - 85;
      lons[i] = 1080 * next() - 540; // h3-js wraps these
    } else {
      lats[i] = 40.7 + next() * 0.01; // a city: many points per cell at coarse resolutions
      lons[i] = -74 + next() * 0.01;
    }
  }
  // Exact poles, the antimeridian, the origin and -0.
  const exact = [[90, 0], [-90, 0], [90, 180], [0, 180], [0, -180], [0, 0], [-0, -0], [45, 540]];
  exact.forEach(([lat, lon], i) => ((lats[i * 5 + 1] = lat), (lons[i * 5 + 1] = lon)));
  return { lons, lats };
}

describe('h3-js compiled core (the internals h3-core.ts relies on)', () => {
  it('is h3-js 4.x and still exports the functions and heap views it calls', () => {
    // If this fails after an h3-js upgrade, check h3-core.ts against the new lib/h3core.js.
    const version: string = createRequire(import.meta.url)('h3-js/package.json').version;
    expect(version, 'h3-js major version (h3-core.ts calls its compiled core as 4.x builds it)').toMatch(/^4\./);
    for (const name of ['_malloc', '_latLngToCell', '_cellToLatLng', '_cellAreaKm2'] as const) {
      expect(typeof libh3[name], `h3-js/dist/libh3-browser.js export ${name}`).toBe('function');
    }
    expect(libh3.HEAPF64).toBeInstanceOf(Float64Array);
    expect(libh3.HEAPU32).toBeInstanceOf(Uint32Array);
    const source = readFileSync(createRequire(import.meta.url).resolve('h3-js/dist/h3-js.js'), 'utf8');
    // The public wrapper converts degrees as h3-core.ts does; a change would move edge points.
    expect(source).toContain('return deg * Math.PI / 180;');
    expect(source).toContain('return rad * 180 / Math.PI;');
  });
});

describe('assignH3 against h3-js latLngToCell', () => {
  it('agrees position by position at every resolution, worldwide', () => {
    const { lons, lats } = hardPoints(20_000, 11);
    for (let res = 0; res <= 15; res++) {
      const cells = expectSameAsPublic(lons, lats, res);
      if (res === 0) expect(cells).toBeLessThanOrEqual(122); // the base cells
    }
  });

  it('agrees on cell edges, where a radian rounded differently would flip the cell', () => {
    // Vertices and edge points of cells, as h3-js writes them, nudged by a few ulps.
    const { lons: seedLons, lats: seedLats } = hardPoints(400, 17);
    const lons: number[] = [];
    const lats: number[] = [];
    for (const res of [3, 9, 15]) {
      for (let i = 0; i < seedLats.length; i++) {
        const ring = cellToBoundary(latLngToCell(seedLats[i], seedLons[i], res));
        ring.forEach(([lat, lon], v) => {
          const [lat2, lon2] = ring[(v + 1) % ring.length];
          for (const t of [0, 0.5, 1 / 3]) {
            for (const nudge of [-2e-15, 0, 2e-15]) {
              lats.push(lat + t * (lat2 - lat) + nudge * lat);
              lons.push(lon + t * (lon2 - lon) - nudge * lon);
            }
          }
        });
      }
    }
    for (const res of [3, 9, 15]) expectSameAsPublic(Float64Array.from(lons), Float64Array.from(lats), res);
  });

  it('agrees over more positions than one chunk, with repeats', () => {
    const next = rng(5);
    const n = 150_000; // past the 65,536-position chunk twice
    const lons = new Float64Array(n);
    const lats = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const j = i % 3 === 0 && i > 0 ? Math.floor(next() * i) : i; // a third repeat an earlier position
      lons[i] = j === i ? -74.3 + next() * 0.6 : lons[j];
      lats[i] = j === i ? 40.5 + next() * 0.4 : lats[j];
    }
    expect(expectSameAsPublic(lons, lats, 11)).toBeGreaterThan(50_000); // and the hash table grew
  });

  it('gives nothing for no positions', () => {
    const { cell, cells } = assignH3(new Float64Array(0), new Float64Array(0), 9);
    expect([cell.length, cells.length]).toEqual([0, 0]);
  });

  it("throws h3-js's own error for a position it refuses, and refuses bad resolutions", () => {
    const lons = Float64Array.of(-74, NaN);
    const lats = Float64Array.of(40.7, 40.7);
    let publicError = '';
    try {
      latLngToCell(NaN, 40.7, 9);
    } catch (e) {
      publicError = String(e);
    }
    expect(publicError).not.toBe('');
    expect(() => assignH3(lons, lats, 9)).toThrow(publicError.replace(/^\w*Error: /, ''));
    expect(() => assignH3(lons, lats, 16)).toThrow('H3 resolution must be an integer 0–15, got 16');
    expect(() => assignH3(lons, lats, 8.5)).toThrow('got 8.5');
  });

  it('fills only the words it converts (the last chunk is short)', () => {
    const lower = new Uint32Array(4).fill(7);
    const upper = new Uint32Array(4).fill(7);
    expect(latLngToCells(Float64Array.of(1, 2, 3), Float64Array.of(1, 2, 3), 5, 1, lower, upper)).toBe(2);
    expect([lower[2], lower[3], upper[3]]).toEqual([7, 7, 7]);
    expect(h3At(Uint32Array.of(lower[0], upper[0], lower[1], upper[1]), 1)).toBe(latLngToCell(3, 3, 5));
  });
});

describe('cell centres and areas against h3-js cellToLatLng and cellArea', () => {
  it('are exactly the public functions', () => {
    const { lons, lats } = hardPoints(5_000, 3);
    for (const res of [0, 4, 9, 15]) {
      const { cells } = assignH3(lons, lats, res);
      const centres = cellCenters(cells);
      const areas = cellAreasKm2(cells);
      for (let i = 0; i < cells.length / 2; i++) {
        const h = h3At(cells, i);
        const [lat, lon] = cellToLatLng(h);
        expect([centres[2 * i], centres[2 * i + 1], areas[i]]).toEqual([lon, lat, cellArea(h, 'km2')]);
      }
    }
  });
});

describe.skipIf(!hasSharedData)('assignH3 on real positions (UK road accidents, shared data)', () => {
  it('agrees with latLngToCell for each of 140,056 positions at resolutions 5, 9, 12 and 15', () => {
    const lines = readFileSync(sharedFile('uk_road_accident_locations.csv'), 'utf8').trim().split(/\r?\n/);
    expect(lines[0]).toBe('lng,lat');
    const lons = new Float64Array(lines.length - 1);
    const lats = new Float64Array(lines.length - 1);
    for (let i = 1; i < lines.length; i++) {
      const [lon, lat] = lines[i].split(',');
      lons[i - 1] = Number(lon);
      lats[i - 1] = Number(lat);
    }
    expect(lons.length).toBe(140_056);
    for (const res of [5, 9, 12, 15]) expectSameAsPublic(lons, lats, res);
  });
});
