// Small-count suppression: a cell with fewer than k contributing rows shows neither its
// count nor its statistic (NaN, drawn and exported as "suppressed", never as 0).
import { EngineError } from '../engine-error';

export const DEFAULT_MIN_COUNT = 5;

/** The privacy threshold k of a request (default 5), refused unless a whole number ≥ 0. */
export function checkMinCount(k: number | undefined): number {
  const v = k ?? DEFAULT_MIN_COUNT;
  if (!Number.isInteger(v) || v < 0) throw new EngineError('min-count-invalid', { value: String(k) });
  return v;
}

/**
 * Flags cells with counts below k and blanks their count and every given value array
 * in place. Returns the flags and how many cells were suppressed.
 */
export function suppress(
  k: number,
  counts: Float64Array,
  ...values: (Float64Array | null)[]
): { suppressed: Uint8Array; suppressedCells: number } {
  const suppressed = new Uint8Array(counts.length);
  let n = 0;
  if (k > 0) {
    for (let i = 0; i < counts.length; i++) {
      if (counts[i] < k) {
        suppressed[i] = 1;
        n++;
        counts[i] = NaN;
        for (const v of values) if (v) v[i] = NaN;
      }
    }
  }
  return { suppressed, suppressedCells: n };
}
