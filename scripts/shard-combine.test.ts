import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assembleCorpus, writeCorpusPart } from '../src/io/corpus-files.ts';
import type { CorpusIndex } from '../src/lib/corpus.ts';
import { parseShard } from '../src/lib/shard-plan.ts';
import { combineShards, listFiles, type CombineState, type ShardBuild } from './shard-combine.ts';

/**
 * The combine of shard builds, on small hand-made build folders: the corpus files come from the
 * builds' issue parts, the same as a whole build assembles them, and an incremental combine
 * writes again only the years whose parts changed.
 */
const INDEX: CorpusIndex = { site: 'https://archive.example/', papers: [{ slug: 'zunyi-daily', name: '遵义日报', issues: 0, articles: 0, first: null, last: null }] };

let work: string;
let builds: { index: ShardBuild; y2020: ShardBuild; y2021: ShardBuild };

function build(name: string, value: string): ShardBuild {
  const dir = join(work, name, 'dist');
  mkdirSync(dir, { recursive: true });
  return { name, dir, shard: parseShard(value)! };
}

function issue(b: ShardBuild, date: string, articles: number): void {
  mkdirSync(join(b.dir, 'zunyi-daily', date), { recursive: true });
  writeFileSync(join(b.dir, 'zunyi-daily', date, 'index.html'), `<h1>${date}</h1>`);
  const lines = Array.from({ length: articles }, (_, i) => `${JSON.stringify({ id: `zunyi-daily/${date}/01/${String(i + 1).padStart(2, '0')}` })}\n`).join('');
  writeCorpusPart(b.dir, 'zunyi-daily', date, lines);
}

function searchBundle(b: ShardBuild): void {
  mkdirSync(join(b.dir, 'pagefind'), { recursive: true });
  writeFileSync(join(b.dir, 'pagefind', 'pagefind-entry.json'), '{}');
}

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'combine-'));
  builds = { index: build('index', 'index'), y2020: build('all-2020', '*/2020'), y2021: build('all-2021', '*/2021') };
  writeFileSync(join(builds.index.dir, 'index.html'), '<h1>首页</h1>');
  mkdirSync(join(builds.index.dir, '_corpus'), { recursive: true });
  writeFileSync(join(builds.index.dir, '_corpus', 'papers.json'), JSON.stringify(INDEX));
  issue(builds.y2020, '2020-12-30', 2);
  issue(builds.y2020, '2020-12-31', 1);
  issue(builds.y2021, '2021-01-01', 3);
  searchBundle(builds.y2020);
  searchBundle(builds.y2021);
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** What a whole build of the same issues writes: all parts in one site, assembled. */
function wholeBuildCorpus(): string {
  const site = join(work, 'whole');
  rmSync(site, { recursive: true, force: true });
  for (const b of Object.values(builds)) if (existsSync(join(b.dir, '_corpus'))) cpSync(join(b.dir, '_corpus'), join(site, '_corpus'), { recursive: true });
  assembleCorpus(site);
  return site;
}

const corpusPaths = (dir: string) => listFiles(dir).filter((path) => path.startsWith('/data/'));

function expectSameCorpus(out: string): void {
  const whole = wholeBuildCorpus();
  expect(corpusPaths(out)).toEqual(corpusPaths(whole));
  for (const path of corpusPaths(whole)) expect(readFileSync(join(out, path), 'utf8'), path).toBe(readFileSync(join(whole, path), 'utf8'));
}

describe('combining shard builds', () => {
  it('assembles the corpus files from every build\'s issue parts, as a whole build does, and publishes no part', () => {
    const out = join(work, 'site');
    combineShards(builds.index, [builds.y2020, builds.y2021], out);
    expect(listFiles(out).filter((path) => path.startsWith('/_corpus/'))).toEqual([]);
    expect(corpusPaths(out)).toEqual(['/data/SHA256SUMS.txt', '/data/manifest.json', '/data/urls.txt', '/data/zunyi-daily/2020.jsonl', '/data/zunyi-daily/2021.jsonl']);
    expectSameCorpus(out);
  });

  it('writes again only the years whose parts changed, and the manifest', () => {
    const out = join(work, 'site');
    const first = combineShards(builds.index, [builds.y2020, builds.y2021], out);
    const inode = (path: string) => statSync(join(out, path)).ino;
    const before = { y2020: inode('/data/zunyi-daily/2020.jsonl'), y2021: inode('/data/zunyi-daily/2021.jsonl') };

    // a new issue in 2021: that shard is rebuilt
    issue(builds.y2021, '2021-01-02', 2);
    const second = combineShards(builds.index, [builds.y2020, builds.y2021], out, { previous: first.state, changed: new Set(['all-2021']) });
    expect(inode('/data/zunyi-daily/2020.jsonl')).toBe(before.y2020);
    expect(inode('/data/zunyi-daily/2021.jsonl')).not.toBe(before.y2021);
    expect(second.state.corpus.years['zunyi-daily/2021']!.records).toBe(5);
    expectSameCorpus(out);

    // the last issue of 2020 removed, then every issue of 2021: the year's file goes too
    rmSync(join(builds.y2020.dir, '_corpus', 'zunyi-daily', '2020-12-31.jsonl'));
    const third = combineShards(builds.index, [builds.y2020, builds.y2021], out, { previous: second.state, changed: new Set(['all-2020']) });
    expect(third.state.corpus.years['zunyi-daily/2020']!.records).toBe(2);
    expectSameCorpus(out);
    rmSync(join(builds.y2021.dir, '_corpus'), { recursive: true });
    const fourth: CombineState = combineShards(builds.index, [builds.y2020, builds.y2021], out, { previous: third.state, changed: new Set(['all-2021']) }).state;
    expect(Object.keys(fourth.corpus.years)).toEqual(['zunyi-daily/2020']);
    expect(corpusPaths(out)).not.toContain('/data/zunyi-daily/2021.jsonl');
    expectSameCorpus(out);
  });

  it('refuses a build that publishes a corpus file itself', () => {
    mkdirSync(join(builds.index.dir, 'data', 'zunyi-daily'), { recursive: true });
    writeFileSync(join(builds.index.dir, 'data', 'zunyi-daily', '2020.jsonl'), '');
    expect(() => combineShards(builds.index, [builds.y2020, builds.y2021], join(work, 'site'))).toThrow(/\/data\/zunyi-daily\/2020\.jsonl was built by the build "index", but the corpus files are assembled from the issue parts \(src\/integrations\/corpus\.ts\): remove the route/);
  });
});
