import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSyntheticIssues } from '../../scripts/io/bench-archive.ts';
import { plainText } from '../../scripts/lib/bench-stats.ts';
import { issueDates, resolveOptions, syntheticIssue } from '../../scripts/lib/synthetic.ts';
import { listFiles } from '../../scripts/shard-combine.ts';
import { buildSite, ROOT } from '../../src/io/astro-build.ts';

/**
 * A build writes over the previous output instead of emptying the folder first
 * (src/integrations/output-in-place.ts), and leaves alone what did not change: article pages
 * whose cache key is the same (src/lib/page-keys.ts, Astro's incremental build) and the files
 * of unchanged issues. After the archive changes, a build over the old output must give exactly
 * the folder a build from nothing gives (empty output folder, empty Astro cache): the same
 * files, byte for byte, and nothing the old archive had.
 *
 * Round 1 changes a little, so that most pages are kept: an issue removed and one added (their
 * neighbours' previous/next links), a headline corrected by hand (the pages that link to it), a
 * page renamed in issue.yml. Round 2 renames the paper, which every page shows.
 */
const work = resolve(ROOT, `.cache/test-in-place/${process.pid}`);
const content = join(work, 'content');
const photoCache = join(work, 'photo-store');
const inPlace = { outDir: join(work, 'in-place', 'dist'), astroCache: join(work, 'in-place', 'astro') };

interface Round {
  log: string;
  /** Files of the build from nothing, and of the build over the previous output. */
  expected: string[];
  actual: string[];
  /** Files whose bytes differ between the two. */
  different: string[];
}

/** Build over the previous output, and from nothing into a folder of its own; compare them at once. */
async function buildBothWays(name: string): Promise<Round> {
  const { output } = await buildSite({ contentDir: content, ...inPlace, photoCache });
  const fresh = join(work, `fresh-${name}`);
  await buildSite({ contentDir: content, outDir: join(fresh, 'dist'), astroCache: join(fresh, 'astro'), photoCache });
  const expected = listFiles(join(fresh, 'dist'));
  const actual = listFiles(inPlace.outDir);
  const different = expected.filter((path) => actual.includes(path) && !readFileSync(join(fresh, 'dist', path)).equals(readFileSync(join(inPlace.outDir, path))));
  // plain text: where the log goes to a terminal (CI), Astro colours the tags of its lines
  return { log: plainText(output), expected, actual, different };
}

function expectSameFolders(round: Round): void {
  expect(round.expected.filter((path) => path.endsWith('.html')).length).toBeGreaterThan(20);
  expect(round.actual).toEqual(round.expected);
  expect(round.different).toEqual([]);
}

describe('a build over the previous output', () => {
  const rounds: Record<string, Round> = {};
  let removedIssue: string;

  beforeAll(async () => {
    rmSync(work, { recursive: true, force: true });
    // eight issues of about ten items
    const options = resolveOptions({ seed: 5, papers: 1, years: 1, itemsPerYear: 3600, photosPerYear: 360, pageRange: [2, 3] });
    const dates = issueDates(options).slice(0, 9);
    const issues = dates.slice(0, 8).map((date) => syntheticIssue(options, 'zunyi-daily', date));
    const photos = new Set(issues.slice(0, 2).flatMap((issue) => issue.pages.flatMap((page) => page.items.flatMap((item) => item.photos.slice(0, 1)))));
    await importSyntheticIssues(content, options, issues, (photo) => photos.has(photo));
    await buildSite({ contentDir: content, ...inPlace, photoCache });

    // round 1: the first issue (and its photos) goes, a ninth comes, a headline is corrected, a page renamed
    removedIssue = dates[0]!;
    rmSync(join(content, 'zunyi-daily', removedIssue), { recursive: true });
    await importSyntheticIssues(content, options, [syntheticIssue(options, 'zunyi-daily', dates[8]!)]);
    const third = join(content, 'zunyi-daily', dates[2]!);
    const article = join(third, '01', readdirSync(join(third, '01')).filter((name) => name.endsWith('.mdx')).sort()[0]!);
    writeFileSync(article, readFileSync(article, 'utf8').replace(/^title: .*$/mu, 'title: 更正后的标题'));
    const issueYml = join(content, 'zunyi-daily', dates[5]!, 'issue.yml');
    writeFileSync(issueYml, readFileSync(issueYml, 'utf8').replace(/^(\s+)name: .*$/mu, '$1name: 改过的版名'));
    rounds.one = await buildBothWays('one');

    // round 2: the paper is renamed
    const paperFile = join(content, 'papers', 'zunyi-daily.yml');
    writeFileSync(paperFile, readFileSync(paperFile, 'utf8').replace(/^name: .*$/mu, 'name: 遵义晚报'));
    rounds.two = await buildBothWays('two');
  }, 600_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('after a few changes keeps most pages and files as they were, and gives the same folder as a build from nothing', () => {
    const { log } = rounds.one!;
    // the incremental paths ran: article pages not rendered again, issues' files left alone
    // (the build log counts the routes the incremental build cache kept: src/lib/build-log.ts)
    expect(Number(/rendered \d+ pages and \d+ other files \((\d+) unchanged, from the incremental build cache\)/u.exec(log)?.[1])).toBeGreaterThan(20);
    expect(Number(/\((\d+) unchanged\)/u.exec(log)?.[1])).toBeGreaterThan(0);
    expect(log).toMatch(/\[archive:output-in-place\] removed \d+ files of the previous build/u);
    expectSameFolders(rounds.one!);
    expect(rounds.one!.actual.some((path) => path.startsWith(`/zunyi-daily/${removedIssue}/`))).toBe(false);
  });

  it('after a change every page shows, holds the same files as a build from nothing, byte for byte', () => {
    expectSameFolders(rounds.two!);
    expect(readFileSync(join(inPlace.outDir, 'index.html'), 'utf8')).toContain('遵义晚报');
  });
});
