// Streaming moments (count, mean, sum of squared deviations M2) for the before/after
// tests: Welford's update per value and Chan, Golub & LeVeque's (1979) merge of two
// partial results, which stay accurate where Σx² − n·x̄² would cancel. Plain objects:
// addValue updates its accumulator in place (one per cell or unit, no allocation per
// value); mergeMoments returns a new one and leaves its inputs alone.

/** Count, mean and M2 = Σ(x − mean)² of a set of values. */
export interface Moments {
  n: number;
  mean: number;
  m2: number;
}

/** The moments of no values. */
export function emptyMoments(): Moments {
  return { n: 0, mean: 0, m2: 0 };
}

/** Adds one value to an accumulator, in place (Welford). */
export function addValue(m: Moments, x: number): void {
  m.n += 1;
  const d = x - m.mean;
  m.mean += d / m.n;
  m.m2 += d * (x - m.mean);
}

/** The moments of the union of two sets (Chan et al.); a new object. */
export function mergeMoments(a: Moments, b: Moments): Moments {
  if (a.n === 0) return { ...b };
  if (b.n === 0) return { ...a };
  const n = a.n + b.n;
  const d = b.mean - a.mean;
  return { n, mean: a.mean + (d * b.n) / n, m2: a.m2 + b.m2 + (d * d * a.n * b.n) / n };
}

/** The sample variance M2/(n − 1); NaN for fewer than 2 values. */
export function sampleVariance(m: Moments): number {
  return m.n < 2 ? NaN : m.m2 / (m.n - 1);
}
