// Grid and hexagon counts cell by cell against assignments written here, not the
// engine's kernels: the grid by plain floor in the result's projection; hexagons by
// brute force, the nearest of every candidate centre (the engine uses a two-lattice
// trick). On real data (London NOx, San Francisco racks) and on points placed a
// millimetre either side of cell edges and corners, and exactly on them.
import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine';
import { nodePlatform } from '../../src/engine/platform-node';
import { Aggregator } from '../../src/engine/aggregate/aggregator';
import { localProjection } from '../../src/engine/aggregate/projection';
import type { AggregateFilter, AggregateResult, DatasetInfo } from '../../src/engine/protocol';
import { hasSharedData, sharedFile } from '../shared-data';

type Proj = { lon0: number; lat0: number; kx: number; ky: number };
const SQRT3 = Math.sqrt(3);

function projOf(r: AggregateResult): Proj {
  const p = r.projection!;
  return { lon0: p.origin[0], lat0: p.origin[1], kx: p.metresPerDegree[0], ky: p.metresPerDegree[1] };
}

const gridOracle = (p: Proj, size: number, lon: number, lat: number): string =>
  `${Math.floor(((lon - p.lon0) * p.kx) / size)}:${Math.floor(((lat - p.lat0) * p.ky) / size)}`;

/** Centre of hexagon (col, row) in metres: odd rows shifted half a column, rows 1.5 r apart. */
const hexCentre = (r: number, col: number, row: number): [number, number] => [(col + (row & 1 ? 0.5 : 0)) * SQRT3 * r, row * 1.5 * r];

/** Nearest hexagon centre by brute force over a 7 × 7 block of candidates; `margin` is the gap to the runner-up (m). */
function hexOracle(p: Proj, r: number, lon: number, lat: number): { cell: string; margin: number } {
  const x = (lon - p.lon0) * p.kx;
  const y = (lat - p.lat0) * p.ky;
  const row0 = Math.round(y / (1.5 * r));
  const col0 = Math.round(x / (SQRT3 * r));
  let best = '', d1 = Infinity, d2 = Infinity;
  for (let row = row0 - 3; row <= row0 + 3; row++) {
    for (let col = col0 - 3; col <= col0 + 3; col++) {
      const [cx, cy] = hexCentre(r, col, row);
      const d = Math.hypot(x - cx, y - cy);
      if (d < d1) {
        d2 = d1;
        d1 = d;
        best = `${col}:${row}`;
      } else if (d < d2) d2 = d;
    }
  }
  return { cell: best, margin: d2 - d1 };
}

function resultCounts(r: AggregateResult): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < r.length; i++) m.set(`${r.ids[2 * i]}:${r.ids[2 * i + 1]}`, r.counts[i]);
  return m;
}

/** Rows per distinct position, by plain SQL. */
function positions(engine: Engine, info: DatasetInfo): { lon: number; lat: number; n: number }[] {
  const { lon, lat } = info.geometry;
  return engine.connection
    .query(`SELECT "${lon}"::DOUBLE AS lon, "${lat}"::DOUBLE AS lat, count(*)::DOUBLE AS n FROM "${info.id}" WHERE "${lon}" BETWEEN -180 AND 180 AND "${lat}" BETWEEN -90 AND 90 GROUP BY ALL`)
    .toArray()
    .map((x) => x.toJSON() as { lon: number; lat: number; n: number });
}

function tally(cells: { cell: string; n: number }[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const { cell, n } of cells) m.set(cell, (m.get(cell) ?? 0) + n);
  return m;
}

describe.skipIf(!hasSharedData)('grid and hexagon cells, cell by cell', () => {
  const engine = new Engine(nodePlatform);
  const agg = new Aggregator(engine);
  const data: DatasetInfo[] = [];

  beforeAll(async () => {
    await engine.init();
    for (const f of ['london_defra_nox_1km_2003-2013.csv', 'sf_bike_parking_racks.csv']) data.push(await engine.loadUrl(sharedFile(f), {}));
  });

  it('real data: every grid cell holds the rows plain floor puts there', async () => {
    for (const info of data) {
      for (const size of [250, 1000, 1337]) {
        const r = await agg.aggregate({ dataset: info.id, by: { kind: 'grid', sizeM: size }, minCount: 0 });
        const p = projOf(r);
        const expected = tally(positions(engine, info).map((q) => ({ cell: gridOracle(p, size, q.lon, q.lat), n: q.n })));
        expect(resultCounts(r)).toEqual(expected);
        // Listed in (column, row) order, each centre the middle of its square.
        for (let i = 0; i < r.length; i++) {
          const [c, w] = [r.ids[2 * i], r.ids[2 * i + 1]];
          if (i > 0) expect(r.ids[2 * i - 2] < c || (r.ids[2 * i - 2] === c && r.ids[2 * i - 1] < w)).toBe(true);
          expect(r.centers![2 * i]).toBeCloseTo(p.lon0 + ((c + 0.5) * size) / p.kx, 9);
          expect(r.centers![2 * i + 1]).toBeCloseTo(p.lat0 + ((w + 0.5) * size) / p.ky, 9);
        }
      }
    }
  });

  it('real data: every hexagon holds the rows whose nearest centre it is', async () => {
    for (const info of data) {
      for (const radius of [300, 500, 1000]) {
        const r = await agg.aggregate({ dataset: info.id, by: { kind: 'hexagon', sizeM: radius }, minCount: 0 });
        const p = projOf(r);
        const found = positions(engine, info).map((q) => ({ ...hexOracle(p, radius, q.lon, q.lat), n: q.n }));
        // No real position sits within a micrometre of an edge, so the nearest centre is unambiguous.
        expect(found.filter((f) => f.margin < 1e-6)).toEqual([]);
        expect(resultCounts(r)).toEqual(tally(found));
        for (let i = 0; i < r.length; i++) {
          const [cx, cy] = hexCentre(radius, r.ids[2 * i], r.ids[2 * i + 1]);
          expect(r.centers![2 * i]).toBeCloseTo(p.lon0 + cx / p.kx, 9);
          expect(r.centers![2 * i + 1]).toBeCloseTo(p.lat0 + cy / p.ky, 9);
        }
      }
    }
  });

  describe('points on cell edges and corners', () => {
    // The bbox of the points fixes the projection: its centre is the origin.
    const W = -74.05, S = 40.7, E = -73.85, N = 40.9;
    const p = localProjection((W + E) / 2, (S + N) / 2);
    const at = (x: number, y: number): [number, number] => [p.lon0 + x / p.kx, p.lat0 + y / p.ky];
    const EPS = 1e-3; // a millimetre: far above the rounding of the projection, far below a cell
    type Point = { lon: number; lat: number; cell: string | null; touching: string[] };

    async function load(name: string, points: Point[]): Promise<string> {
      const lines = ['lon,lat', `${W},${S}`, `${E},${N}`, ...points.map((q) => `${q.lon},${q.lat}`)];
      return (await engine.loadBytes(name, new TextEncoder().encode(lines.join('\n')), {})).id;
    }

    /** Only the test points: the two bbox anchors are filtered away. */
    const inner: AggregateFilter = { kind: 'bbox', bbox: [W + 1e-6, S + 1e-6, E - 1e-6, N - 1e-6] };

    async function check(kind: 'grid' | 'hexagon', size: number, points: Point[]) {
      const off = points.filter((q) => q.cell !== null);
      const on = points.filter((q) => q.cell === null);
      const id = await load(`${kind}-edges.csv`, off);
      const r = await agg.aggregate({ dataset: id, by: { kind, sizeM: size }, filters: [inner], minCount: 0 });
      expect(r.projection).toEqual({ origin: [p.lon0, p.lat0], metresPerDegree: [p.kx, p.ky] });
      expect(r.rows).toBe(off.length);
      expect(resultCounts(r)).toEqual(tally(off.map((q) => ({ cell: q.cell!, n: 1 }))));
      // Exactly on an edge or corner: in one of the cells that touch it, one point at a time.
      const onId = await load(`${kind}-on-edges.csv`, on);
      for (const q of on) {
        const one = await agg.aggregate({ dataset: onId, by: { kind, sizeM: size }, filters: [{ kind: 'bbox', bbox: [q.lon, q.lat, q.lon, q.lat] }], minCount: 0 });
        expect(one.length).toBe(1);
        expect(q.touching).toContain(`${one.ids[0]}:${one.ids[1]}`);
      }
    }

    it('grid: a millimetre inside each side of every edge and corner, and exactly on them', async () => {
      const size = 500;
      const points: Point[] = [];
      for (let c = -4; c <= 4; c++) {
        for (let w = -4; w <= 4; w++) {
          // The corner (c·size, w·size) and the middles of the edges leaving it rightwards and upwards.
          for (const [fx, fy] of [[0, 0], [0, 0.5], [0.5, 0]]) {
            const x = (c + fx) * size, y = (w + fy) * size;
            for (const dx of fx === 0 ? [-EPS, EPS] : [0]) {
              for (const dy of fy === 0 ? [-EPS, EPS] : [0]) {
                const [lon, lat] = at(x + dx, y + dy);
                points.push({ lon, lat, cell: `${dx < 0 ? c - 1 : c}:${dy < 0 ? w - 1 : w}`, touching: [] });
              }
            }
            const [lon, lat] = at(x, y);
            const cols = fx === 0 ? [c - 1, c] : [c];
            const rows = fy === 0 ? [w - 1, w] : [w];
            points.push({ lon, lat, cell: null, touching: cols.flatMap((cc) => rows.map((ww) => `${cc}:${ww}`)) });
          }
        }
      }
      await check('grid', size, points);
    });

    it('hexagon: a millimetre towards each centre from every edge middle and corner, and exactly on them', async () => {
      const r = 500;
      const points: Point[] = [];
      const toward = (x: number, y: number, col: number, row: number): Point => {
        const [cx, cy] = hexCentre(r, col, row);
        const d = Math.hypot(cx - x, cy - y);
        const [lon, lat] = at(x + ((cx - x) / d) * EPS, y + ((cy - y) / d) * EPS);
        return { lon, lat, cell: `${col}:${row}`, touching: [] };
      };
      for (let row = -5; row <= 5; row++) {
        for (let col = -4; col <= 4; col++) {
          const [cx, cy] = hexCentre(r, col, row);
          // Pointy-top: corners at 90° + k·60°; each corner touches this hexagon and two neighbours.
          for (let k = 0; k < 6; k++) {
            const a = ((90 + 60 * k) * Math.PI) / 180;
            const b = ((90 + 60 * (k + 1)) * Math.PI) / 180;
            const corner: [number, number] = [cx + r * Math.cos(a), cy + r * Math.sin(a)];
            const mid: [number, number] = [cx + (r * (Math.cos(a) + Math.cos(b))) / 2, cy + (r * (Math.sin(a) + Math.sin(b))) / 2];
            // The cells touching a point: every centre at the same (least) distance, to a micrometre.
            const touching = (x: number, y: number) => {
              const out: string[] = [];
              for (let rr = row - 2; rr <= row + 2; rr++) {
                for (let cc = col - 2; cc <= col + 2; cc++) {
                  const [hx, hy] = hexCentre(r, cc, rr);
                  if (Math.abs(Math.hypot(x - hx, y - hy) - r * (x === corner[0] && y === corner[1] ? 1 : SQRT3 / 2)) < 1e-6) out.push(`${cc}:${rr}`);
                }
              }
              return out;
            };
            for (const [x, y] of [corner, mid]) {
              const cells = touching(x, y);
              expect(cells.length).toBe(x === corner[0] && y === corner[1] ? 3 : 2);
              for (const cell of cells) {
                const [tc, tr] = cell.split(':').map(Number);
                points.push(toward(x, y, tc, tr));
              }
              const [lon, lat] = at(x, y);
              points.push({ lon, lat, cell: null, touching: cells });
            }
          }
        }
      }
      await check('hexagon', r, points);
    });
  });
});
