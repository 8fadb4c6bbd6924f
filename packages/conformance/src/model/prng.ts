/**
 * A small seeded pseudo-random generator (xoshiro128**), so that every
 * randomized case can be replayed from the seed the run prints.
 *
 * Each group of cases draws from its own generator, derived from the run's
 * seed and the group's name, so running a filtered subset replays exactly the
 * same cases as the full run.
 *
 * @packageDocumentation
 */

/** A seeded generator of random integers and choices. */
export interface Prng {
  /** A uniform 32-bit unsigned integer. */
  next(): number;
  /** A uniform integer in [lo, hi] (both inclusive). */
  int(lo: number, hi: number): number;
  /** An element of `items`, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** `true` with probability `p`. */
  chance(p: number): boolean;
  /** A uniform float in [0, 1). */
  float(): number;
}

// FNV-1a over the UTF-16 code units: turns a group name into a 32-bit salt.
function hashName(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

// splitmix32 expands one 32-bit seed into the four words of the state.
function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * Creates a generator from a seed and an optional stream name.
 *
 * @param seed - the run's seed (any 32-bit integer)
 * @param stream - a name that selects an independent stream, e.g. a group name
 * @returns the generator
 *
 * @example
 * ```ts
 * const a = createPrng(42, "slices");
 * const b = createPrng(42, "slices");
 * a.int(0, 9) === b.int(0, 9); // returns true
 * ```
 */
export function createPrng(seed: number, stream = ""): Prng {
  const mix = splitmix32((seed ^ hashName(stream)) >>> 0);
  let s0 = mix();
  let s1 = mix();
  let s2 = mix();
  let s3 = mix();
  const next = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (s1 << 9) >>> 0;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    s0 >>>= 0;
    s1 >>>= 0;
    s2 >>>= 0;
    return result;
  };
  const float = (): number => next() / 0x1_0000_0000;
  return {
    next,
    float,
    int(lo, hi) {
      return lo + Math.floor(float() * (hi - lo + 1));
    },
    pick(items) {
      return items[Math.floor(float() * items.length)] as (typeof items)[number];
    },
    chance(p) {
      return float() < p;
    },
  };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/**
 * A fresh random seed for a run that was not given one.
 *
 * @example
 * ```ts
 * Number.isInteger(randomSeed()); // returns true
 * ```
 */
export function randomSeed(): number {
  return Math.floor(Math.random() * 0x7fff_ffff) + 1;
}
