import { describe, expect, it } from 'vitest';
import { fnv1a } from './hash.ts';
import { chance, createRng, hashSeed, int, pick } from './random.ts';

describe('the seeded generator', () => {
  it('gives the same numbers for a seed, others for another, all in [0, 1)', () => {
    const draw = (seed: number) => Array.from({ length: 1000 }, createRng(seed));
    const a = draw(7);
    expect(draw(7)).toEqual(a);
    expect(draw(8)).not.toEqual(a);
    expect(a.every((x) => x >= 0 && x < 1)).toBe(true);
    // spread evenly: each tenth of the range gets about a tenth of 10,000 draws
    const rng = createRng(1);
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 10_000; i++) counts[Math.floor(rng() * 10)]!++;
    for (const count of counts) expect(Math.abs(count - 1000)).toBeLessThan(150);
  });

  it('draws whole numbers with both ends included, list items and chances', () => {
    const rng = createRng(3);
    const ints = new Set(Array.from({ length: 500 }, () => int(rng, 4, 12)));
    expect([...ints].sort((a, b) => a - b)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(new Set(Array.from({ length: 200 }, () => pick(rng, ['甲', '乙', '丙'])))).toEqual(new Set(['甲', '乙', '丙']));
    expect(Array.from({ length: 100 }, () => chance(rng, 0)).some(Boolean)).toBe(false);
    expect(Array.from({ length: 100 }, () => chance(rng, 1)).every(Boolean)).toBe(true);
  });

  it('makes seeds from parts, so that any issue or photo has its own', () => {
    expect(hashSeed(1, 'zunyi-daily', '2023-01-17')).toBe(fnv1a('1\u0000zunyi-daily\u00002023-01-17'));
    expect(hashSeed(1, 'zunyi-daily', '2023-01-17')).not.toBe(hashSeed(1, 'zunyi-daily', '2023-01-18'));
    expect(hashSeed('a', 'bc')).not.toBe(hashSeed('ab', 'c'));
  });
});
