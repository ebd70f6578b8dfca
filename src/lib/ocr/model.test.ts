import { describe, expect, it } from 'vitest';
import { blockIds } from './model.ts';

describe('blockIds', () => {
  it("keeps the file's ids, numbers blocks without one, and never gives an id twice", () => {
    const page = { blocks: [] as string[] };
    const id = blockIds(page);
    const add = (wanted: string | undefined, fallback: string) => {
      const given = id(wanted, fallback);
      page.blocks.push(given);
      return given;
    };
    expect(add('block_1', 'b')).toBe('block_1');
    expect(add(undefined, 'b')).toBe('b2');
    expect(add('block_1', 'b')).toBe('block_1~2');
    expect(add('x'.repeat(101), 'image')).toBe('image4');
    expect(add(undefined, 'b')).toBe('b5');
  });
});
