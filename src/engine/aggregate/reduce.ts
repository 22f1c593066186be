// Reducing rows into cells over typed arrays, exactly as DuckDB's single-threaded GROUP
// BY does: count(*) counts rows whatever their value; sum, mean, min and max skip NULL
// values and are NULL (NaN here) when a cell has none; sums add in row order; NaN
// compares above every number (so max is NaN once a NaN is seen, min only if all are).
import type { KernelStat } from './stats';

/** The rows to reduce, one entry per row. */
export interface ReduceInput {
  stat: KernelStat;
  /** Position of each row; -1 = the row has none (it belongs to no cell). */
  rowPosition: Int32Array;
  /** Cell number of each position. */
  positionCell: Int32Array;
  /** C, the number of cells. */
  cellCount: number;
  /** Value of each row (any stat but count). */
  values?: Float64Array | null;
  /** 0 where a row's value is NULL; null = no NULLs. */
  valid?: Uint8Array | null;
  /** 0 where a row is filtered out; null = every row. */
  mask?: Uint8Array | null;
}

/** Rows and the statistic per cell; NaN where the statistic is undefined. */
export interface CellStats {
  counts: Float64Array;
  values: Float64Array;
}

function outputs(cellCount: number, out?: CellStats): CellStats {
  if (out && out.counts.length === cellCount && out.values.length === cellCount) {
    out.counts.fill(0);
    return out;
  }
  return { counts: new Float64Array(cellCount), values: new Float64Array(cellCount) };
}

/** counts[c] = Σ perPosition[p] over the positions p of cell c. */
function fold(perPosition: Int32Array, positionCell: Int32Array, counts: Float64Array): void {
  for (let p = 0; p < perPosition.length; p++) counts[positionCell[p]] += perPosition[p];
}

/**
 * Reduce rows into per-cell counts and statistic; writes into `out` when its arrays have
 * C entries. Rows are counted per position (a small array that stays in cache), then per
 * cell; values are accumulated per cell in row order, as DuckDB adds them. Pure.
 */
export function reduceCells(input: ReduceInput, out?: CellStats): CellStats {
  const { stat, rowPosition, positionCell, cellCount } = input;
  const mask = input.mask ?? null;
  const res = outputs(cellCount, out);
  const { counts, values } = res;
  const n = rowPosition.length;
  const rowsAt = new Int32Array(positionCell.length);
  if (stat === 'count' && 4 * positionCell.length > n) {
    // Positions barely repeat (all-distinct points): count per cell directly, one pass.
    for (let i = 0; i < n; i++) {
      const p = rowPosition[i];
      if (p >= 0 && (mask === null || mask[i])) counts[positionCell[p]]++;
    }
    values.set(counts);
    return res;
  }
  if (stat === 'count') {
    if (mask === null) {
      for (let i = 0; i < n; i++) {
        const p = rowPosition[i];
        if (p >= 0) rowsAt[p]++;
      }
    } else {
      for (let i = 0; i < n; i++) {
        const p = rowPosition[i];
        if (p >= 0 && mask[i]) rowsAt[p]++;
      }
    }
    fold(rowsAt, positionCell, counts);
    values.set(counts);
    return res;
  }
  const v = input.values;
  if (!v || v.length !== n) throw new Error(`internal: the statistic "${stat}" needs one value per row`);
  const valid = input.valid ?? null;
  // Values seen (non-NULL) per position, the "no value" test of every statistic below.
  const seenAt = valid === null ? rowsAt : new Int32Array(positionCell.length);
  if (stat === 'sum' || stat === 'mean') {
    values.fill(0);
    for (let i = 0; i < n; i++) {
      const p = rowPosition[i];
      if (p < 0 || (mask !== null && !mask[i])) continue;
      rowsAt[p]++;
      if (valid !== null) {
        if (!valid[i]) continue;
        seenAt[p]++;
      }
      values[positionCell[p]] += v[i];
    }
    fold(rowsAt, positionCell, counts);
    const seen = valid === null ? counts : new Float64Array(cellCount);
    if (valid !== null) fold(seenAt, positionCell, seen);
    for (let c = 0; c < cellCount; c++) {
      values[c] = seen[c] === 0 ? NaN : stat === 'mean' ? values[c] / seen[c] : values[c];
    }
    return res;
  }
  values.fill(NaN);
  // Whether a cell has a value yet: min and max start from its first one.
  const started = new Uint8Array(cellCount);
  const isMax = stat === 'max';
  for (let i = 0; i < n; i++) {
    const p = rowPosition[i];
    if (p < 0 || (mask !== null && !mask[i])) continue;
    rowsAt[p]++;
    if (valid !== null && !valid[i]) continue;
    const c = positionCell[p];
    const x = v[i];
    const m = values[c];
    if (!started[c]) {
      started[c] = 1;
      values[c] = x;
    } else if (isMax ? m === m && (x !== x || x > m) : m !== m || x < m) values[c] = x;
  }
  fold(rowsAt, positionCell, counts);
  return res;
}
