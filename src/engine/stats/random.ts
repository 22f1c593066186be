// A seeded, deterministic pseudo-random generator for the permutation tests:
// xoshiro128** 1.1 (Blackman & Vigna 2018; 32-bit words, period 2^128 − 1), its state
// filled from the seed by SplitMix32 (the 32-bit variant of Steele, Lea & Flood's
// SplitMix, Mulberry-style mixing constants), so every seed, 0 included, gives a
// non-zero state. Bounded integers use Lemire's multiply-and-reject (2019), unbiased.

/** A stream of pseudo-random numbers. */
export interface Random {
  /** The next 32-bit output, as an unsigned integer. */
  nextUint32(): number;
  /** A uniform integer in [0, bound), bound a whole number in [1, 2^53]. */
  below(bound: number): number;
  /** Fills `out` with the next out.length outputs (the same stream as nextUint32), for hot loops. */
  fill(out: Uint32Array): void;
}

const TWO32 = 4294967296;
const TWO53 = 9007199254740992;
const INV_TWO32 = 1 / TWO32;
/** Bounds up to 2^21 keep r·bound below 2^53, so the product is exact. */
const SMALL_BOUND = 2097152;

/** SplitMix32 step: the next (state, output) from a 32-bit state. */
function splitMix32(state: number): [number, number] {
  const s = (state + 0x9e3779b9) | 0;
  let z = s;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return [s, (z ^ (z >>> 15)) >>> 0];
}

/** The xoshiro128** generator seeded from `seed` (any number; taken modulo 2^32). */
export function createRandom(seed: number): Random {
  let st = seed >>> 0;
  const words: number[] = [];
  for (let k = 0; k < 4; k++) {
    const [next, out] = splitMix32(st);
    st = next;
    words.push(out);
  }
  return createXoshiro128ss(words[0], words[1], words[2], words[3]);
}

/** xoshiro128** from its four state words (not all zero); exposed so tests can check its reference stream. */
export function createXoshiro128ss(a: number, b: number, c: number, d: number): Random {
  let s0 = a | 0, s1 = b | 0, s2 = c | 0, s3 = d | 0;
  if ((s0 | s1 | s2 | s3) === 0) throw new Error('xoshiro128**: the state must not be all zero');
  const nextUint32 = (): number => {
    const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return r >>> 0;
  };
  return {
    nextUint32,
    fill(out) {
      // nextUint32 inlined over local state: a block of outputs without a call each.
      let a0 = s0, a1 = s1, a2 = s2, a3 = s3;
      for (let k = 0; k < out.length; k++) {
        const m = Math.imul(a1, 5);
        out[k] = Math.imul((m << 7) | (m >>> 25), 9);
        const t = a1 << 9;
        a2 ^= a0;
        a3 ^= a1;
        a1 ^= a2;
        a0 ^= a3;
        a2 ^= t;
        a3 = (a3 << 11) | (a3 >>> 21);
      }
      s0 = a0;
      s1 = a1;
      s2 = a2;
      s3 = a3;
    },
    below(bound) {
      if (bound <= SMALL_BOUND) {
        // Lemire: the high word of r·bound (exact in a double: < 2^53) is uniform once
        // low words under 2^32 mod bound are rejected.
        for (;;) {
          const prod = nextUint32() * bound;
          const hi = Math.floor(prod * INV_TWO32);
          const lo = prod - hi * TWO32;
          if (lo >= bound || lo >= TWO32 % bound) return hi;
        }
      }
      if (!(bound <= TWO53)) throw new Error(`Random.below: bound ${bound} is too large`);
      // Rare large pools: a 53-bit integer from two outputs, rejected above the last whole multiple of bound.
      const limit = Math.floor(TWO53 / bound) * bound;
      for (;;) {
        const u = (nextUint32() >>> 5) * 67108864 + (nextUint32() >>> 6);
        if (u < limit) return u % bound;
      }
    },
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * Uniform bounded integers drawn from a Random through a buffer of its outputs: the
 * same values as Random.below for bounds ≤ 2^21, at a fraction of the cost per draw
 * (a small monomorphic method V8 inlines into the caller's loop).
 */
export class BufferedBelow {
  private readonly buffer = new Uint32Array(4096);
  private at = 4096;

  constructor(private readonly random: Random) {}

  /** A uniform integer in [0, bound), bound a whole number in [1, 2^53]. */
  below(bound: number): number {
    if (bound > SMALL_BOUND) return this.random.below(bound);
    for (;;) {
      if (this.at === 4096) {
        this.random.fill(this.buffer);
        this.at = 0;
      }
      const prod = this.buffer[this.at++] * bound;
      const hi = Math.floor(prod * INV_TWO32);
      const lo = prod - hi * TWO32;
      if (lo >= bound || lo >= TWO32 % bound) return hi;
    }
  }
}
