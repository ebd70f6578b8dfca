import { describe, expect, it } from 'vitest';
import { filterRouteStaticPaths, filterStaticPaths, routePath, routePattern } from './shard-routes.ts';
import { issuesToLoad, ownsIssue, ownsPath, parseShard, planShards, shardName, shardsInDateOrder } from './shard-plan.ts';

describe('shards', () => {
  const year = parseShard('*/2021')!;
  const paperYear = parseShard('zunyi-daily/2021')!;
  const index = parseShard('index')!;

  it('reads ARCHIVE_SHARD and names shards', () => {
    expect(parseShard(undefined)).toBeNull();
    expect(parseShard('zunyi-daily/2021-03,zunyi-daily/2021-04')).toEqual({
      kind: 'articles',
      selectors: [
        { paper: 'zunyi-daily', period: '2021-03' },
        { paper: 'zunyi-daily', period: '2021-04' },
      ],
    });
    expect(() => parseShard('zunyi-daily')).toThrow(/<paper>\/<YYYY>/);
    expect(shardName(year)).toBe('all-2021');
    expect(shardName(paperYear)).toBe('zunyi-daily-2021');
    expect(shardName(index)).toBe('index');
  });

  it('gives every site path to exactly one build', () => {
    const builds = [parseShard('*/2020')!, year, index];
    for (const path of ['/', '/search/', '/zunyi-daily/', '/zunyi-daily/feed.xml', '/data/zunyi-daily/2021.jsonl', '/zunyi-daily/2021/', '/zunyi-daily/2021-01-01/', '/qiannan-daily/2020-12-31/02/03/article.json', '/sitemaps/1.xml']) {
      expect(builds.filter((shard) => ownsPath(shard, path)), path).toHaveLength(1);
    }
    expect(ownsPath(paperYear, '/qiannan-daily/2021-01-01/')).toBe(false);
    // a shard renders its issues; year pages change with every new issue: the index build's
    expect(ownsPath(parseShard('zunyi-daily/2021-01')!, '/zunyi-daily/2021-01-05/')).toBe(true);
    expect(ownsPath(year, '/zunyi-daily/2021/')).toBe(false);
    expect(ownsPath(index, '/zunyi-daily/2021/')).toBe(true);
    expect(ownsIssue(index, 'zunyi-daily', '2021-01-01')).toBe(false);
  });

  it('loads the neighbouring issues across the shard boundary', () => {
    const issues = ['2020-12-30', '2020-12-31', '2021-01-02', '2021-01-03'].map((date) => ({ paper: 'zunyi-daily', date }));
    expect([...issuesToLoad(year, issues)].sort()).toEqual(['zunyi-daily/2020-12-31', 'zunyi-daily/2021-01-02', 'zunyi-daily/2021-01-03']);
  });

  it('plans shards by year or by paper and year, and knows when they are in date order', () => {
    const issues = [
      { paper: 'b', date: '2021-01-01' },
      { paper: 'a', date: '2020-05-01' },
      { paper: 'b', date: '2020-01-01' },
    ];
    expect(planShards(issues, 'year')).toEqual(['*/2020', '*/2021']);
    expect(planShards(issues, 'paper-year')).toEqual(['a/2020', 'b/2020', 'b/2021']);
    expect(planShards([...issues, { paper: 'a', date: '2021-03-04' }], 'year-month')).toEqual(['*/2020', '*/2021-01', '*/2021-03']);
    expect(shardsInDateOrder([parseShard('*/2020')!, year])).toBe(true);
    expect(shardsInDateOrder([year, parseShard('*/2020')!])).toBe(false);
    expect(shardsInDateOrder([parseShard('a/2020')!, parseShard('b/2020')!])).toBe(false);
  });

  it('filters a page’s getStaticPaths to the owned paths', async () => {
    expect(routePattern('[paper]/[date]/[page]/[seq]/index.astro')).toBe('/[paper]/[date]/[page]/[seq]/');
    expect(routePattern('[paper]/feed.xml.ts')).toBe('/[paper]/feed.xml');
    expect(routePattern('index.astro')).toBe('/');
    expect(routePath('/[paper]/[date]/', { paper: 'a', date: '2021-01-01' })).toBe('/a/2021-01-01/');

    const page = "---\nimport x from 'y';\nexport const getStaticPaths = (async () => []) satisfies GetStaticPaths;\nconst a = 1;\n---\n<p>{a}</p>\n";
    const rewritten = filterStaticPaths(page, '[paper]/[date]/index.astro', '/abs/shard-routes.ts')!;
    expect(rewritten).toContain('export const __archiveStaticPaths = (async');
    expect(rewritten).toMatch(/const a = 1;\nimport \{ ownedPaths as __archiveOwnedPaths \} from "\/abs\/shard-routes.ts";\nexport const getStaticPaths = __archiveOwnedPaths\(__archiveStaticPaths, "\/\[paper\]\/\[date\]\/"\);\n---\n<p>/);
    expect(filterStaticPaths('export const GET = () => 1;', 'robots.txt.ts', '/x')).toBeNull();
    expect(filterStaticPaths('export const getStaticPaths = articlePaths;\n', '[paper]/[date]/[page]/[seq]/article.json.ts', '/x')).toMatch(/__archiveStaticPaths = articlePaths;\n\nimport .*\nexport const getStaticPaths = __archiveOwnedPaths\(__archiveStaticPaths, "\/\[paper\]\/\[date\]\/\[page\]\/\[seq\]\/article.json"\);\n$/);
    // an injected route, named by its pattern: the article files' bundle of each issue
    expect(filterRouteStaticPaths('export const getStaticPaths = (async () => []) satisfies GetStaticPaths;\n', '/[paper]/[date]/_article-files.json', '/x')).toMatch(
      /export const getStaticPaths = __archiveOwnedPaths\(__archiveStaticPaths, "\/\[paper\]\/\[date\]\/_article-files.json"\);\n$/,
    );
    expect(ownsPath(parseShard('*/2020')!, routePath('/[paper]/[date]/_article-files.json', { paper: 'zunyi-daily', date: '2020-12-31' }))).toBe(true);
    expect(ownsPath(parseShard('index')!, '/zunyi-daily/2020-12-31/_article-files.json')).toBe(false);
  });
});
