// What grid and hexagon share: a local projection centred on the point dataset's bbox,
// cells numbered by (column, row), ids as column,row pairs, and the method parameters.
import type { AggregateResult, DatasetInfo } from '../../protocol';
import type { CellAssignment, CellScheme, EmptyCells, IdField, MethodFacts } from '../cell-scheme';
import { insideConvex, ringBounds } from '../hull';
import { localProjection, type LocalProjection } from '../projection';
import { numberCells } from '../cell-numbers';
import { message, type MessageParams } from '../../messages';
import type { NeighbourList } from '../neighbours';
import { EngineError } from '../../engine-error';

/** Refuse cell sizes under a metre (and NaN). */
export function checkCellSize(sizeM: number): void {
  if (!(sizeM >= 1 && Number.isFinite(sizeM))) throw new EngineError('cell-size-invalid', { value: String(sizeM) });
}

/** The projection centred on the dataset's bbox. */
export function datasetProjection(points: DatasetInfo): LocalProjection {
  if (!points.bbox) throw new EngineError('no-rows-with-coordinates', { dataset: points.name });
  const [x0, y0, x1, y1] = points.bbox;
  return localProjection((x0 + x1) / 2, (y0 + y1) / 2);
}

/** The projection as results carry it. */
export function projectionField(p: LocalProjection): NonNullable<AggregateResult['projection']> {
  return { origin: [p.lon0, p.lat0], metresPerDegree: [p.kx, p.ky] };
}

/** The projection a result carries, back as a LocalProjection. */
export function projectionOfResult(r: AggregateResult): LocalProjection {
  const p = r.projection;
  if (!p) throw new Error('internal: a grid or hexagon result without its projection');
  return { lon0: p.origin[0], lat0: p.origin[1], kx: p.metresPerDegree[0], ky: p.metresPerDegree[1] };
}

/**
 * Assign positions with a (column, row) kernel, number the cells in (column, row)
 * order, and give each cell its centre and area.
 */
export function assignColumnsRows(
  lon: Float64Array,
  lat: Float64Array,
  kernel: (lon: Float64Array, lat: Float64Array, cols: Int32Array, rows: Int32Array) => void,
  center: (col: number, row: number) => [number, number],
  areaKm2: number,
): CellAssignment {
  const cols = new Int32Array(lon.length);
  const rows = new Int32Array(lon.length);
  kernel(lon, lat, cols, rows);
  const numbered = numberCells(cols, rows);
  const count = numbered.cols.length;
  const ids = new Int32Array(2 * count);
  const centers = new Float64Array(2 * count);
  for (let c = 0; c < count; c++) {
    ids[2 * c] = numbered.cols[c];
    ids[2 * c + 1] = numbered.rows[c];
    const [x, y] = center(numbered.cols[c], numbered.rows[c]);
    centers[2 * c] = x;
    centers[2 * c + 1] = y;
  }
  return {
    cell: numbered.cell,
    cells: { count, ids, h3: null, centers, areasKm2: new Float64Array(count).fill(areaKm2), listsEmpty: false },
  };
}

/** The column and row of each cell of a result. */
export function columnsRows(r: AggregateResult): { cols: Int32Array; rows: Int32Array } {
  const cols = new Int32Array(r.length);
  const rows = new Int32Array(r.length);
  for (let i = 0; i < r.length; i++) {
    cols[i] = r.ids[2 * i];
    rows[i] = r.ids[2 * i + 1];
  }
  return { cols, rows };
}

/** Export columns `col` and `row`. */
/** A cell result's centres, for knn and band neighbours (every cell result carries them). */
export function cellCentres(r: AggregateResult): Float64Array {
  if (!r.centers) throw new Error('internal: a cell result without centres');
  return r.centers;
}

export function columnRowFields(r: AggregateResult): IdField[] {
  return [
    { name: 'col', type: 'int', value: (i) => r.ids[2 * i] },
    { name: 'row', type: 'int', value: (i) => r.ids[2 * i + 1] },
  ];
}

/** Method parameters of a projected scheme. */
export function projectedParams(sizeM: number, p: LocalProjection, facts: MethodFacts): MessageParams {
  return { sizeM, lon0: p.lon0, lat0: p.lat0, kx: p.kx, ky: p.ky, ...factParams(facts) };
}

/** The MethodFacts as message parameters (cached: 'yes' or 'no'; kernel: 'js' or 'sql'). */
export function factParams(facts: MethodFacts): MessageParams {
  return { positions: facts.positions, cached: facts.cached ? 'yes' : 'no', kernel: facts.kernel };
}

/** A lattice of (column, row) cells of one size in the local projection: what a projected scheme is made of. */
export interface Lattice {
  /** Column and row of each position, written into cols/rows. */
  cells(p: LocalProjection, sizeM: number, lon: Float64Array, lat: Float64Array, cols: Int32Array, rows: Int32Array): void;
  center(p: LocalProjection, sizeM: number, col: number, row: number): [number, number];
  ring(p: LocalProjection, sizeM: number, col: number, row: number): [number, number][];
  areaKm2(sizeM: number): number;
  /** Cells within k steps, among the given cells. */
  neighbours(cols: Int32Array, rows: Int32Array, k: number): NeighbourList;
}

// Column and row packed into one safe integer (each within ±2^20 cells of the origin).
const OFFSET = 2 ** 20;
const cellKey = (col: number, row: number) => (col + OFFSET) * 2 ** 21 + (row + OFFSET);

/** The lattice cells inside a convex ring that the result lacks (include-empty). */
function latticeCellsInside(lattice: Lattice, p: LocalProjection, sizeM: number, r: AggregateResult, ring: Float64Array, limit: number): EmptyCells {
  const have = new Set<number>();
  for (let i = 0; i < r.length; i++) have.add(cellKey(r.ids[2 * i], r.ids[2 * i + 1]));
  const [x0, y0, x1, y1] = ringBounds(ring);
  const cols = new Int32Array(4), rows = new Int32Array(4);
  lattice.cells(p, sizeM, Float64Array.of(x0, x1, x0, x1), Float64Array.of(y0, y0, y1, y1), cols, rows);
  let c0 = Infinity, c1 = -Infinity, r0 = Infinity, r1 = -Infinity;
  for (let i = 0; i < 4; i++) {
    c0 = Math.min(c0, cols[i]); c1 = Math.max(c1, cols[i]);
    r0 = Math.min(r0, rows[i]); r1 = Math.max(r1, rows[i]);
  }
  // One cell of margin: hexagon rows are offset, so a corner's cell need not bound the range.
  const candidates = (c1 - c0 + 3) * (r1 - r0 + 3);
  if (candidates > 4 * limit) throw new EngineError('empty-cells-too-many-candidates', { n: candidates });
  const ids: number[] = [], centers: number[] = [];
  for (let col = c0 - 1; col <= c1 + 1; col++) {
    for (let row = r0 - 1; row <= r1 + 1; row++) {
      if (have.has(cellKey(col, row))) continue;
      const [lon, lat] = lattice.center(p, sizeM, col, row);
      if (!insideConvex(ring, lon, lat)) continue;
      if (ids.length / 2 >= limit) throw new EngineError('empty-cells-over-limit', { limit });
      ids.push(col, row);
      centers.push(lon, lat);
    }
  }
  const count = ids.length / 2;
  return { count, ids: Int32Array.from(ids), h3: null, centers: Float64Array.from(centers), areasKm2: new Float64Array(count).fill(lattice.areaKm2(sizeM)) };
}

/** A grid or hexagon scheme from its lattice: the binding, ids, outlines and ring neighbours they share. */
export function createProjectedScheme<K extends 'grid' | 'hexagon'>(kind: K, lattice: Lattice): CellScheme<K> {
  return {
    kind,
    bind(by, points) {
      checkCellSize(by.sizeM);
      const p = datasetProjection(points);
      return {
        key: `${kind}:${by.sizeM}`,
        polygons: null,
        projection: projectionField(p),
        names: null,
        population: null,
        assign: (lon, lat) =>
          assignColumnsRows(
            lon,
            lat,
            (x, y, cols, rows) => lattice.cells(p, by.sizeM, x, y, cols, rows),
            (col, row) => lattice.center(p, by.sizeM, col, row),
            lattice.areaKm2(by.sizeM),
          ),
        method: (facts) => message(`method-${kind}`, projectedParams(by.sizeM, p, facts)),
      };
    },
    idFields: columnRowFields,
    outline(r, i) {
      if (r.by.kind !== kind) throw new Error(`internal: not a ${kind} result`);
      return { type: 'Polygon', coordinates: [lattice.ring(projectionOfResult(r), r.by.sizeM, r.ids[2 * i], r.ids[2 * i + 1])] };
    },
    emptyCellsInside(r, ring, limit) {
      if (r.by.kind !== kind) throw new Error(`internal: not a ${kind} result`);
      return latticeCellsInside(lattice, projectionOfResult(r), r.by.sizeM, r, ring, limit);
    },
    centres: cellCentres,
    neighbours(r, rule) {
      if (rule.kind !== 'ring') throw new Error(`internal: ${kind} cells list ring neighbours here, not ${rule.kind}`);
      const { cols, rows } = columnsRows(r);
      return lattice.neighbours(cols, rows, rule.k);
    },
  };
}
