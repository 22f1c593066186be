// Class breaks for choropleths and cell layers. Pure functions over the finite values
// of a Float64Array (NaN = suppressed or no data, never a class).
import { ckmeans, quantileSorted } from 'simple-statistics';

export type Classification = 'linear' | 'quantile' | 'equal' | 'jenks';

/** The classifications, in the order the layer settings offer them (worded as `scales.classification.<id>`). */
export const CLASSIFICATIONS: readonly Classification[] = ['quantile', 'jenks', 'equal', 'linear'];

export function finiteSorted(values: ArrayLike<number>): Float64Array {
  let n = 0;
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) out[n++] = values[i];
  return out.subarray(0, n).sort();
}

/**
 * Upper-exclusive thresholds between `classes` classes (classes − 1 numbers, fewer when
 * the data has fewer distinct values). 'linear' has none: colour is continuous over the domain.
 */
export function classBreaks(sorted: Float64Array, method: Classification, classes: number, domain?: [number, number]): number[] {
  if (method === 'linear' || sorted.length === 0) return [];
  const lo = domain?.[0] ?? sorted[0];
  const hi = domain?.[1] ?? sorted[sorted.length - 1];
  let breaks: number[];
  // Never more classes than distinct values: 2 districts cannot fill 6 quantile classes.
  if (method !== 'equal' && !domain) classes = Math.min(classes, distinctCount(sorted));
  if (method === 'equal' || domain) {
    breaks = Array.from({ length: classes - 1 }, (_, i) => lo + ((hi - lo) * (i + 1)) / classes);
  } else if (method === 'quantile') {
    breaks = Array.from({ length: classes - 1 }, (_, i) => quantileSorted(Array.from(sorted), (i + 1) / classes));
  } else {
    const k = classes;
    // Ckmeans: optimal 1-D k-means, the exact form of Jenks natural breaks. Its cost grows
    // with k·n, so over 20,000 values it runs on an even sample of the sorted values.
    const step = Math.max(1, Math.floor(sorted.length / 20_000));
    const sample = step === 1 ? Array.from(sorted) : Array.from({ length: Math.ceil(sorted.length / step) }, (_, i) => sorted[i * step]);
    const groups = k > 1 ? ckmeans(sample, Math.min(k, distinctCount(Float64Array.from(sample)))) : [];
    breaks = groups.slice(1).map((g) => g[0]);
  }
  return [...new Set(breaks)].filter((b) => b > lo && b <= hi);
}

function distinctCount(sorted: Float64Array): number {
  let n = sorted.length ? 1 : 0;
  for (let i = 1; i < sorted.length; i++) if (sorted[i] !== sorted[i - 1]) n++;
  return n;
}

/** Index of the class a value falls in, given thresholds (v < breaks[0] → 0). */
export function classOf(value: number, breaks: readonly number[]): number {
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (value < breaks[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
