import { describe, expect, it } from 'vitest';
import { progress, progressLine } from './progress.ts';

describe('progress of a long step', () => {
  it('reports every few seconds, never for a step shorter than that', () => {
    let clock = 0;
    const said: string[] = [];
    const counter = progress({ label: 'rendering articles', total: 50_000, say: (line) => said.push(line), everyMs: 5_000, now: () => clock });
    for (let i = 0; i < 50_000; i++) {
      clock += 0.3;
      counter.tick();
    }
    expect(counter.done).toBe(50_000);
    expect(said[0]).toBe('rendering articles: 16,667 of 50,000 (33 %), 5 s');
    expect(said).toHaveLength(2);
    const quiet: string[] = [];
    const short = progress({ label: 'x', say: (line) => quiet.push(line), now: () => 0 });
    short.tick(10);
    expect(quiet).toEqual([]);
  });

  it('says how many without a total', () => {
    expect(progressLine('writing the search index, files', 1234, undefined, 6_400)).toBe('writing the search index, files: 1,234, 6 s');
  });
});
