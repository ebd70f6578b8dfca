import { describe, expect, it } from 'vitest';
import { fnv1a } from './hash.ts';

describe('fnv1a', () => {
  it('gives the published FNV-1a 32-bit values', () => {
    // test vectors from the FNV reference (isthe.com/chongo/tech/comp/fnv)
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  it('hashes Chinese text by its UTF-16 code units', () => {
    expect(fnv1a('遵义')).not.toBe(fnv1a('义遵'));
    expect(fnv1a('𠀀')).toBe(fnv1a('\ud840\udc00'));
  });
});
