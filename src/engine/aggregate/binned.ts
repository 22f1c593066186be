// A binned aggregate reduces cell × bin pairs as if each were a cell: entry c·B + b is
// cell c in bin b. These helpers make that table of pairs (every cell's geometry repeated
// per bin) and the per-row inputs of the typed-array kernels for it.
import type { BoundScheme, CellTable } from './cell-scheme';

/** The cells repeated per bin, entry c·B + b. */
export function cellsByBin(cells: CellTable, bound: BoundScheme, B: number): { cells: CellTable; bound: BoundScheme } {
  const C = cells.count;
  const idStride = C ? cells.ids.length / C : 0;
  const repeat = <T extends Float64Array | Int32Array | Uint32Array>(from: T, stride: number, make: (n: number) => T): T => {
    const out = make(from.length * B);
    for (let c = 0; c < C; c++) for (let b = 0; b < B; b++) out.set(from.subarray(stride * c, stride * (c + 1)), stride * (c * B + b));
    return out;
  };
  const f64 = (n: number) => new Float64Array(n);
  const out: CellTable = {
    count: C * B,
    ids: repeat(cells.ids, idStride, (n) => new Int32Array(n)),
    h3: cells.h3 ? repeat(cells.h3, 2, (n) => new Uint32Array(n)) : null,
    centers: cells.centers ? repeat(cells.centers, 2, f64) : null,
    areasKm2: repeat(cells.areasKm2, 1, f64),
    listsEmpty: cells.listsEmpty,
  };
  const names = bound.names ? Array.from({ length: C * B }, (_, k) => bound.names![Math.floor(k / B)]) : null;
  const population = bound.population ? repeat(bound.population, 1, f64) : null;
  // Only the per-cell parts change; the scheme's methods and keys stay its own.
  const b: BoundScheme = {
    key: bound.key,
    polygons: bound.polygons,
    projection: bound.projection,
    names,
    population,
    assign: (x, y) => bound.assign(x, y),
    method: (facts) => bound.method(facts),
  };
  return { cells: out, bound: b };
}

/**
 * Kernel inputs where every row is its own "position": rows without a position or a bin
 * get −1, the others the pair entry of their cell and bin.
 */
export function rowsByBin(rowPosition: Int32Array, positionCell: Int32Array, bin: Int32Array, B: number): { rowPosition: Int32Array; positionCell: Int32Array } {
  const n = rowPosition.length;
  const rp = new Int32Array(n);
  const pc = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const p = rowPosition[i];
    if (p < 0 || bin[i] < 0) {
      rp[i] = -1;
      continue;
    }
    rp[i] = i;
    pc[i] = positionCell[p] * B + bin[i];
  }
  return { rowPosition: rp, positionCell: pc };
}
