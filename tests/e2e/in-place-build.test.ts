import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSyntheticIssues } from '../../scripts/io/bench-archive.ts';
import { issueDates, resolveOptions, syntheticIssue } from '../../scripts/lib/synthetic.ts';
import { listFiles } from '../../scripts/shard-combine.ts';
import { buildSite, ROOT } from '../support/build-site.ts';

/**
 * A build writes over the previous output instead of emptying the folder first
 * (src/integrations/output-in-place.ts). After the archive changes (an issue removed, one
 * added, a photo dropped, the paper renamed, which changes every page), a build over the old
 * output must give exactly the folder a build into an empty one gives: the same files, byte for
 * byte, and nothing the old archive had.
 */
const work = resolve(ROOT, `.cache/test-in-place/${process.pid}`);
const content = join(work, 'content');
const photoCache = join(work, 'photo-store');
const inPlace = join(work, 'in-place');
const fresh = join(work, 'fresh');

describe('a build over the previous output', () => {
  let removedIssue: string;
  let log: string;

  beforeAll(async () => {
    rmSync(work, { recursive: true, force: true });
    const options = resolveOptions({ seed: 5, papers: 1, years: 1, itemsPerYear: 720, photosPerYear: 720, pageRange: [1, 2] });
    const dates = issueDates(options).slice(0, 6);
    const issues = dates.slice(0, 5).map((date) => syntheticIssue(options, 'zunyi-daily', date));
    const photos = new Set(issues.slice(0, 2).flatMap((issue) => issue.pages.flatMap((page) => page.items.flatMap((item) => item.photos.slice(0, 1)))));
    await importSyntheticIssues(content, options, issues, (photo) => photos.has(photo));
    await buildSite({ contentDir: content, outDir: join(inPlace, 'dist'), astroCache: join(inPlace, 'astro'), photoCache });

    // the archive changes: the first issue (and its photos) goes, a sixth comes, the paper is renamed
    removedIssue = dates[0]!;
    rmSync(join(content, 'zunyi-daily', removedIssue), { recursive: true });
    await importSyntheticIssues(content, options, [syntheticIssue(options, 'zunyi-daily', dates[5]!)]);
    const paperFile = join(content, 'papers', 'zunyi-daily.yml');
    writeFileSync(paperFile, readFileSync(paperFile, 'utf8').replace(/^name: .*$/mu, 'name: 遵义晚报'));

    log = (await buildSite({ contentDir: content, outDir: join(inPlace, 'dist'), astroCache: join(inPlace, 'astro'), photoCache })).output;
    await buildSite({ contentDir: content, outDir: join(fresh, 'dist'), astroCache: join(fresh, 'astro'), photoCache });
  }, 600_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('holds the same files as a build into an empty folder, byte for byte', () => {
    const expected = listFiles(join(fresh, 'dist'));
    expect(expected.filter((path) => path.endsWith('.html')).length).toBeGreaterThan(20);
    expect(listFiles(join(inPlace, 'dist'))).toEqual(expected);
    const different = expected.filter((path) => !readFileSync(join(fresh, 'dist', path)).equals(readFileSync(join(inPlace, 'dist', path))));
    expect(different).toEqual([]);
  });

  it('removed what only the old archive had, and said so', () => {
    expect(existsSync(join(inPlace, 'dist', 'zunyi-daily', removedIssue))).toBe(false);
    expect(readFileSync(join(inPlace, 'dist', 'index.html'), 'utf8')).toContain('遵义晚报');
    expect(log).toMatch(/\[archive:output-in-place\] removed \d+ files of the previous build/u);
  });
});
