import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSyntheticIssues } from '../../scripts/io/bench-archive.ts';
import { issueDates, resolveOptions, syntheticIssue } from '../../scripts/lib/synthetic.ts';
import { listFiles } from '../../scripts/shard-combine.ts';
import { buildAll, paperFacts, update } from '../../scripts/shard.ts';
import { listIssues } from '../../src/io/list-issues.ts';
import { launchBrowser } from '../../src/io/browser.ts';
import { readBuiltCorpus } from '../../src/io/corpus-files.ts';
import { buildSite, ROOT } from '../../src/io/astro-build.ts';
import { serveStatic, type StaticServer } from '../../src/io/static-server.ts';

/**
 * The path past one machine, on two shards: an archive of two papers around a new year is
 * built once whole, and once as the shards `*\/2020` and `*\/2021` plus the `index` build, then
 * combined (scripts/shard.ts). The combined site must hold every page of the whole build exactly
 * once and byte for byte, and its search, merged in the browser from the two shards' Pagefind
 * bundles, must find what the whole build's search finds.
 */
const work = resolve(ROOT, `.cache/test-shards/${process.pid}`);
const content = join(work, 'content');
const fullDir = join(work, 'full');
const combinedDir = join(work, 'combined');

let full: StaticServer;
let combined: StaticServer;
let browser: Browser;
let options: ReturnType<typeof resolveOptions>;
const photoCache = join(work, 'photo-store');
const ctx = { content, work: join(work, 'shards') };

describe('a sharded build combined into one site', () => {
  beforeAll(async () => {
    rmSync(work, { recursive: true, force: true });
    // small issues (one or two pages of two items), two papers, 1 Dec 2020 - 10 Jan 2021
    options = resolveOptions({ seed: 11, papers: 2, years: 2, itemsPerYear: 720, photosPerYear: 720, pageRange: [1, 2] });
    const dates = issueDates(options).filter((date) => date >= '2020-12-01' && date <= '2021-01-10');
    const issues = ['zunyi-daily', 'qiannan-daily'].flatMap((paper) => dates.map((date) => syntheticIssue(options, paper, date)));
    // photos on both sides of the new year, so that photos are routed to their shard
    const photoDates = new Set(['2020-12-31', '2021-01-01']);
    const withPhoto = issues.filter((issue) => photoDates.has(issue.date) && issue.paper.slug === 'zunyi-daily').flatMap((i) => i.pages.flatMap((p) => p.items.flatMap((it) => it.photos.slice(0, 1))));
    await importSyntheticIssues(content, options, issues, (photo) => withPhoto.includes(photo));

    await buildSite({ contentDir: content, outDir: join(fullDir, 'dist'), astroCache: join(fullDir, 'astro'), photoCache });
    process.env.ARCHIVE_CACHE_DIR = photoCache;
    const built = await buildAll(ctx, join(combinedDir, 'dist'), 'year', 1);
    expect(built.placed).toEqual(['index', 'all-2020', 'all-2021']);
    full = await serveStatic(join(fullDir, 'dist'));
    combined = await serveStatic(join(combinedDir, 'dist'));
    browser = await launchBrowser();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await full?.close();
    await combined?.close();
    delete process.env.ARCHIVE_CACHE_DIR;
    rmSync(work, { recursive: true, force: true });
  });

  const isSearchBundle = (path: string) => path.startsWith('/pagefind/') || path === '/search-shards.json';

  /** Paths of the whole build that differ in the combined site (search bundles apart). */
  function differences(): string[] {
    const expected = listFiles(join(fullDir, 'dist')).filter((path) => !isSearchBundle(path));
    const actual = listFiles(join(combinedDir, 'dist')).filter((path) => !isSearchBundle(path));
    expect(actual).toEqual(expected);
    return expected.filter((path) => !readFileSync(join(fullDir, 'dist', path)).equals(readFileSync(join(combinedDir, 'dist', path))));
  }

  it('holds every page and file of the whole build exactly once, byte for byte', () => {
    const expected = listFiles(join(fullDir, 'dist')).filter((path) => !isSearchBundle(path));
    expect(expected.filter((path) => path.endsWith('.html')).length).toBeGreaterThan(300);
    // photos of both years, each published by its own shard
    expect(expected.filter((path) => /^\/photos\/[0-9a-f]{16}\/full\.jpg$/.test(path)).length).toBeGreaterThanOrEqual(2);
    expect(differences()).toEqual([]);
  });

  it('lists one search bundle per shard, the first as the primary', () => {
    const manifest = JSON.parse(readFileSync(join(combinedDir, 'dist', 'search-shards.json'), 'utf8')) as { bundles: string[]; ordered: boolean };
    expect(manifest).toEqual({ bundles: ['/pagefind/', '/pagefind/shards/all-2021/'], ordered: true });
    for (const bundle of manifest.bundles) {
      expect(listFiles(join(combinedDir, 'dist', bundle)).some((path) => path === '/pagefind-entry.json')).toBe(true);
    }
  });

  async function searchHrefs(baseUrl: string, query: string): Promise<string[]> {
    const page: Page = await browser.newPage();
    page.on('pageerror', (error) => {
      throw error;
    });
    await page.goto(`${baseUrl}/search/`);
    await page.getByRole('searchbox').fill(query);
    await page.getByRole('searchbox').press('Enter');
    await expect.poll(() => page.locator('#search-status').innerText(), { timeout: 20_000 }).toMatch(/找到|没有找到|无法加载/u);
    // every result, across the result pages
    const hrefs: string[] = [];
    for (;;) {
      hrefs.push(...(await page.locator('#search-results h2 a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname))));
      const next = page.locator('a[rel="next"]', { hasText: /下一页|后一页|›|»/u });
      if ((await next.count()) === 0) break;
      await next.first().click();
      await expect.poll(() => page.locator('#search-status').innerText(), { timeout: 20_000 }).toMatch(/找到/u);
    }
    await page.close();
    return hrefs.sort();
  }

  it('searches both shards in the browser and finds what the whole build finds', async () => {
    // a reporter who wrote in both years: the bundles are merged with Pagefind's mergeIndex
    const sources = readBuiltCorpus(join(fullDir, 'dist')).records;
    const years = new Map<string, Set<string>>();
    for (const source of sources) for (const name of source.reporters) years.set(name, (years.get(name) ?? new Set()).add(source.date.slice(0, 4)));
    const reporter = [...years].find(([, set]) => set.size === 2)![0];

    const whole = await searchHrefs(full.url, reporter);
    const merged = await searchHrefs(combined.url, reporter);
    expect(merged.length).toBeGreaterThan(1);
    expect(merged.some((href) => href.includes('/2020-'))).toBe(true);
    expect(merged.some((href) => href.includes('/2021-'))).toBe(true);
    expect(merged).toEqual(whole);
  });

  it('takes a new issue by rebuilding only its shard and the index, and gives the same site as a whole build', async () => {
    const issue = syntheticIssue(options, 'zunyi-daily', '2021-01-11');
    await importSyntheticIssues(content, options, [issue]);
    const issues = listIssues(content);
    // the new issue changes no paper's calendar facts unless it is the fullest yet
    const before = paperFacts(content, issues.filter((i) => !(i.paper === 'zunyi-daily' && i.date === '2021-01-11')));
    const after = paperFacts(content, issues);
    const factsChanged = Object.keys(after).some((paper) => JSON.stringify(before[paper]) !== JSON.stringify(after[paper]));
    // `update` finds the new issue by itself
    const { rebuilt, combined: result } = await update(ctx, join(combinedDir, 'dist'), 'year', 1);
    expect(rebuilt.sort()).toEqual(factsChanged ? ['*/2020', '*/2021', 'index'] : ['*/2021', 'index']);
    // only the rebuilt builds' files were placed again
    expect(result!.placed).toEqual(factsChanged ? ['index', 'all-2020', 'all-2021'] : ['index', 'all-2021']);
    await buildSite({ contentDir: content, outDir: join(fullDir, 'dist'), astroCache: join(fullDir, 'astro'), photoCache });
    expect(listFiles(join(combinedDir, 'dist')).some((path) => path.startsWith('/zunyi-daily/2021-01-11/'))).toBe(true);
    expect(differences()).toEqual([]);
    // and a second update finds nothing to do
    expect((await update(ctx, join(combinedDir, 'dist'), 'year', 1)).rebuilt).toEqual([]);
  }, 300_000);

  it('takes a hand correction to one article by rebuilding its shard and the index only', async () => {
    const date = listIssues(content).filter((i) => i.paper === 'qiannan-daily' && i.date.startsWith('2020-12')).map((i) => i.date).sort()[3]!;
    const dir = join(content, 'qiannan-daily', date);
    const file = (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter((name) => name.endsWith('.mdx')).sort()[0]!;
    const text = readFileSync(join(dir, file), 'utf8');
    const edited = text.replace(/\n\n([^\n]*[\u4e00-\u9fff][^\n]*)\n?$/u, '\n\n$1（本报更正）\n');
    expect(edited).not.toBe(text);
    writeFileSync(join(dir, file), edited);
    const { rebuilt } = await update(ctx, join(combinedDir, 'dist'), 'year', 1);
    expect(rebuilt.sort()).toEqual(['*/2020', 'index']);
    await buildSite({ contentDir: content, outDir: join(fullDir, 'dist'), astroCache: join(fullDir, 'astro'), photoCache });
    const page = `/qiannan-daily/${date}/${file.split('/')[0]}/${file.split('/')[1]!.replace(/\.mdx$/, '')}/index.html`;
    expect(readFileSync(join(combinedDir, 'dist', page), 'utf8')).toContain('（本报更正）');
    expect(differences()).toEqual([]);
  }, 300_000);
});
