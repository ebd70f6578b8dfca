import { describe, expect, it } from 'vitest';
import { formatTable, median, parseBuildLog, parseSizes, sizeLabel } from './bench-stats.ts';

const LOG = `19:10:09 [content] Syncing content
19:10:10 [archive:mdx-articles] 1021 articles rendered, 0 unchanged, 2 left to @astrojs/mdx (they use MDX features)
19:10:12 [vite] \u001b[32m✓ built in 1.56s\u001b[39m
19:10:12 [vite] ✓ built in 48ms

 generating static routes 
19:10:18 ✓ Completed in 5.74s.

19:10:18 [build] ✓ Completed in 7.43s.
19:10:18 [archive:photos] 97 photos: 12 sizes encoded, the rest from the photo store, in 332 ms
19:10:18 [archive:search-index] indexing 1021 articles
19:10:23 [archive:search-index] indexed 1021 articles in 1 bundle(s) in 4911 ms
19:10:23 [build] 1268 page(s) built in 14.2s`;

describe('benchmark helpers', () => {
  it('reads the phases of a build from its log', () => {
    expect(parseBuildLog(LOG)).toEqual({
      pages: 1268,
      viteMs: 1560,
      renderMs: 5740,
      photosMs: 332,
      photoSizesEncoded: 12,
      searchMs: 4911,
      loader: { rendered: 1021, unchanged: 0, compiled: 2 },
    });
    expect(parseBuildLog('nothing').renderMs).toBeNull();
    expect(parseBuildLog(' generating static routes \n21:06:50 ✓ Completed in 5m 2s.').renderMs).toBe(302_000);
  });

  it('takes medians and reads sizes', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(parseSizes('1k, 10k,2500')).toEqual([1000, 10_000, 2500]);
    expect(() => parseSizes('ten')).toThrow(/not a size/);
    expect(sizeLabel(50_000)).toBe('50k');
  });

  it('aligns a table, counting Chinese characters as two columns', () => {
    const table = formatTable([{ title: '报纸' }, { title: 'n', numeric: true }], [['遵义日报', '3'], ['x', '1,234']]);
    expect(table.split('\n')).toEqual(['| 报纸     |     n |', '|----------|------:|', '| 遵义日报 |     3 |', '| x        | 1,234 |']);
  });
});
