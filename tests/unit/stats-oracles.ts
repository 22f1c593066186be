// Independent oracles for the statistics tests, written from the textbook definitions
// without calling the engine: a two-sided normal tail, a dense-matrix Gi*, and a seeded
// generator for fixtures.

/**
 * 2Φ(−|z|) from first principles: the Maclaurin series of erf below |z| = 3 (absolute
 * error ~1e-16, so relative ~1e-13 for p ≥ 0.003), and above it the continued fraction
 * of the Mills ratio, Φ(−z) = φ(z)/(z + 1/(z + 2/(z + 3/(z + …)))), evaluated bottom-up.
 */
export function normalTwoSidedOracle(z: number): number {
  const a = Math.abs(z);
  if (a < 3) {
    const u = a / Math.SQRT2;
    let term = u, sum = u;
    for (let k = 1; k < 200; k++) {
      term *= (-u * u) / k;
      sum += term / (2 * k + 1);
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * sum;
  }
  let f = a;
  for (let k = 200; k >= 1; k--) f = a + k / f;
  const density = Math.exp(-(a * a) / 2) / Math.sqrt(2 * Math.PI);
  return (2 * density) / f;
}

/** Gi* read literally off issue 11, with a dense n × n binary weight matrix (w_ii = 1). */
export function denseGiStar(x: number[], links: number[][]): { z: number[]; p: number[] } {
  const n = x.length;
  const w: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  links.forEach((row, i) => row.forEach((j) => (w[i][j] = 1)));
  const mean = x.reduce((s, v) => s + v, 0) / n;
  const s = Math.sqrt(x.reduce((t, v) => t + v * v, 0) / n - mean * mean);
  const z: number[] = [], p: number[] = [];
  for (let i = 0; i < n; i++) {
    let lag = 0, wi = 0, s1 = 0;
    for (let j = 0; j < n; j++) {
      lag += w[i][j] * x[j];
      wi += w[i][j];
      s1 += w[i][j] * w[i][j];
    }
    const zi = (lag - mean * wi) / (s * Math.sqrt((n * s1 - wi * wi) / (n - 1)));
    z.push(zi);
    p.push(normalTwoSidedOracle(zi));
  }
  return { z, p };
}

/** A seeded Park–Miller generator: uniform in (0, 1). */
export function lcg(seed: number): () => number {
  let s = seed % 2147483647;
  if (s <= 0) s += 2147483646;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

/** |a − b| ≤ tol · max(1, |b|) for every pair; the first pair that is not, else null. */
export function firstDisagreement(a: ArrayLike<number>, b: ArrayLike<number>, tol: number): string | null {
  if (a.length !== b.length) return `lengths ${a.length} and ${b.length}`;
  for (let i = 0; i < a.length; i++) {
    if (!(Math.abs(a[i] - b[i]) <= tol * Math.max(1, Math.abs(b[i])))) return `index ${i}: ${a[i]} vs ${b[i]}`;
  }
  return null;
}

/** |a − b| ≤ tol · |b|: relative agreement, for p values far in the tail. */
export function relativeDisagreement(a: ArrayLike<number>, b: ArrayLike<number>, tol: number): string | null {
  if (a.length !== b.length) return `lengths ${a.length} and ${b.length}`;
  for (let i = 0; i < a.length; i++) {
    if (!(Math.abs(a[i] - b[i]) <= tol * Math.abs(b[i]))) return `index ${i}: ${a[i]} vs ${b[i]}`;
  }
  return null;
}
