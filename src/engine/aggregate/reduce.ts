// Reducing rows into cells over typed arrays, exactly as DuckDB's single-threaded GROUP
// BY does: count(*) counts rows whatever their value; sum, mean, min and max skip NULL
// values and are NULL (NaN here) when a cell has none; sums add in row order; NaN
// compares above every number (so max is NaN once a NaN is seen, min only if all are).
import type { KernelStat } from './stats';

/** The rows to reduce, one entry per row. */
export interface ReduceInput {
  stat: KernelStat;
  /** Cell number of each row; -1 = the row belongs to no cell. */
  rowCell: Int32Array;
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

/** Reduce rows into per-cell counts and statistic; writes into `out` when its arrays have C entries. Pure. */
export function reduceCells(input: ReduceInput, out?: CellStats): CellStats {
  const { stat, rowCell, cellCount } = input;
  const mask = input.mask ?? null;
  const res = outputs(cellCount, out);
  const { counts, values } = res;
  const n = rowCell.length;
  if (stat === 'count') {
    for (let i = 0; i < n; i++) {
      const c = rowCell[i];
      if (c >= 0 && (mask === null || mask[i])) counts[c]++;
    }
    values.set(counts);
    return res;
  }
  const v = input.values;
  if (!v || v.length !== n) throw new Error(`internal: the statistic "${stat}" needs one value per row`);
  const valid = input.valid ?? null;
  // Values seen per cell (non-NULL), the "no value" test of every statistic below.
  const seen = new Float64Array(cellCount);
  if (stat === 'sum' || stat === 'mean') {
    values.fill(0);
    for (let i = 0; i < n; i++) {
      const c = rowCell[i];
      if (c < 0 || (mask !== null && !mask[i])) continue;
      counts[c]++;
      if (valid !== null && !valid[i]) continue;
      values[c] += v[i];
      seen[c]++;
    }
    for (let c = 0; c < cellCount; c++) {
      values[c] = seen[c] === 0 ? NaN : stat === 'mean' ? values[c] / seen[c] : values[c];
    }
    return res;
  }
  values.fill(NaN);
  const isMax = stat === 'max';
  for (let i = 0; i < n; i++) {
    const c = rowCell[i];
    if (c < 0 || (mask !== null && !mask[i])) continue;
    counts[c]++;
    if (valid !== null && !valid[i]) continue;
    const x = v[i];
    const m = values[c];
    if (seen[c]++ === 0) values[c] = x;
    else if (isMax ? m === m && (x !== x || x > m) : m !== m || x < m) values[c] = x;
  }
  return res;
}
