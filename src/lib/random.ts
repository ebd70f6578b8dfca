import { fnv1a } from './hash.ts';

/**
 * The one seeded random generator of the project, and the few helpers its users share: the
 * synthetic archive (`npm run generate`, the benchmark, the search evaluation's corpus) and the
 * OCR evaluation's page layouts and scan degradation. Same seed, same numbers, on every machine.
 */

/** A seeded source of floats in [0, 1). */
export type Rng = () => number;

/** mulberry32: small, fast, good enough for test data and image grain. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed made of parts (a seed, a paper, a date, a photo): the FNV-1a hash of the parts. */
export function hashSeed(...parts: Array<string | number>): number {
  return fnv1a(parts.join('\u0000'));
}

/** A whole number from `min` to `max`, both included. */
export const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
export const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
export const chance = (rng: Rng, p: number) => rng() < p;
