import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { levenshtein } from './edit-distance.ts';

/** The textbook dynamic programme, as an independent oracle. */
function naive(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

describe('levenshtein', () => {
  it('counts edits of known pairs', () => {
    expect(levenshtein('', '')).toBe(0);
    expect(levenshtein('入户走访', '人户走访')).toBe(1);
    expect(levenshtein('文明实践', '')).toBe(4);
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('科学知识普及等', '科学知识普等')).toBe(1);
  });

  it('agrees with the dynamic programme on short and long strings (across 32-character blocks)', () => {
    const alphabet = fc.constantFrom('文', '明', '实', '践', '，', 'a', '1');
    const text = (max: number) => fc.array(alphabet, { maxLength: max }).map((cs) => cs.join(''));
    fc.assert(fc.property(text(40), text(40), (a, b) => levenshtein(a, b) === naive(a, b)), { numRuns: 400 });
    fc.assert(fc.property(text(150), text(150), (a, b) => levenshtein(a, b) === naive(a, b)), { numRuns: 150 });
  });
});
