import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { stringify } from 'yaml';
import { articleToMdx } from '../../scripts/lib/to-mdx.ts';
import { articleSchema } from '../../src/schemas/article.ts';
import { buildSite, ROOT } from '../../src/io/astro-build.ts';
import { serveStatic, type StaticServer } from '../../src/io/static-server.ts';

/**
 * A small archive that the bundled sample cannot provide: several issues of one paper around
 * March 2022 with two gaps, the same day in 2021 and 2024 (历史上的今天), and one full issue
 * imported with the real CLI from OCR text and photos made here with sharp: a photo item, an
 * article with two photos, and an article continued on page 2.
 */
export const FIXTURE = {
  paper: 'fixture-daily',
  name: '样例日报',
  /** The issue imported through the CLI, with photos and a jump. */
  rich: '2022-03-05',
  /** Issues written directly as content files, one page each. */
  plain: ['2021-03-05', '2022-03-01', '2022-03-02', '2022-03-04', '2022-03-06', '2022-03-07', '2022-03-09', '2022-03-10', '2024-03-05'],
  /** Days of March 2022 the archive lacks while the paper appeared daily around them. */
  gaps: ['2022-03-03', '2022-03-08'],
  /** Photo sizes: wide enough for three responsive widths (480, 960 and its own). */
  photo: { width: 1200, height: 800 },
  /** Paragraphs of the long article, so that its second photo sits far below the fold. */
  longParagraphs: 60,
  /** A paper described in papers/ whose issues have not been imported yet. */
  empty: { paper: 'empty-weekly', name: '样例周报' },
  /** Where the fixture paper's printed original can be seen (papers/<slug>.yml `original`). */
  original: '样例市图书馆报刊阅览室',
  /** A paper of its own with one issue of many pages: the issue page's bar of pages is long. */
  wide: { paper: 'wide-evening', name: '样例晚报', date: '2021-06-01', pages: ['要闻', '综合新闻', '经济', '城市建设', '民生', '教育', '文化', '体育', '副刊', '理论', '专题', '周末'] },
} as const;

export interface FixtureSite {
  url: string;
  outDir: string;
  contentDir: string;
  server: StaticServer;
  close(): Promise<void>;
}

/** A deterministic test photo: a gradient with a pattern, different for each seed. */
async function makePhoto(path: string, seed: number): Promise<void> {
  const { width, height } = FIXTURE.photo;
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      pixels[i] = (x * 255) / width + seed * 40;
      pixels[i + 1] = (y * 255) / height;
      pixels[i + 2] = ((x + y * seed) % 97) * 2;
    }
  }
  await sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 90 }).toFile(path);
}

function richIssueFolder(dir: string): void {
  mkdirSync(join(dir, 'photos', '01'), { recursive: true });
  writeFileSync(
    join(dir, 'issue.yml'),
    stringify({ paper: FIXTURE.paper, date: FIXTURE.rich, number: 10234, pages: [{ number: 1, name: '要闻' }, { number: 2, name: '综合新闻' }] }),
  );
  const long = Array.from(
    { length: FIXTURE.longParagraphs },
    (_, i) => `第${i + 1}处城市书房位于社区服务中心一楼，面积约一百平方米，藏书三千余册，配有自助借还设备和儿童阅读区，周一至周日免费开放，方便附近居民就近阅读。`,
  );
  writeFileSync(
    join(dir, '01.txt'),
    [
      '2022年3月5日 星期六 第1版 要闻 责任编辑 王明',
      '',
      '春耕备耕正当时',
      '',
      '全市农业生产有序推进',
      '',
      '本报讯（记者 李华 王芳）连日来，全市各地抢抓农时，组织农户开展春耕备耕工作，田间地头一派繁忙景象。',
      '',
      '市农业农村局相关负责人介绍，今年全市计划种植粮食作物二百万亩，目前各类农资储备充足，价格总体稳定。',
      '',
      '各乡镇农技人员深入田间，指导农户科学施肥、合理用药。（下转第2版）',
      '',
      '',
      '',
      '近日，样例市湄江街道的农户在田间育秧。图为农技人员查看秧苗长势。',
      '',
      '（记者 赵强 摄）',
      '',
      '城市书房开到家门口',
      '',
      `本报讯（记者 陈静）记者从市文广局获悉，今年全市将新建城市书房十家，让市民在家门口就能读书看报。`,
      '',
      ...long.flatMap((paragraph) => [paragraph, '']),
    ].join('\n'),
  );
  writeFileSync(
    join(dir, '02.txt'),
    [
      '2022年3月5日 星期六 第2版 综合新闻',
      '',
      '（上接第1版）农技人员还通过微信群、直播等方式答疑解惑，帮助农户解决生产中遇到的难题。',
      '',
      '据统计，截至目前，全市已完成春耕备耕面积一百二十万亩，占计划的六成。',
      '',
      '老旧小区改造惠民生',
      '',
      '本报讯（记者 周敏）今年全市计划改造老旧小区八十个，涉及居民一万二千户。',
    ].join('\n'),
  );
  // the photo item gets 1.jpg; the long article (the page's third item) gets two photos
  writeFileSync(
    join(dir, 'photos', '01', 'photos.yml'),
    stringify([
      { file: '1.jpg', article: 2 },
      { file: '2.jpg', article: 3 },
      { file: '3.jpg', article: 3 },
    ]),
  );
}

/** A one-page issue written as content files directly, with the serialiser the import uses. */
function writePlainIssue(contentDir: string, date: string, index: number): void {
  const dir = join(contentDir, FIXTURE.paper, date);
  mkdirSync(join(dir, '01'), { recursive: true });
  writeFileSync(join(dir, 'issue.yml'), stringify({ paper: FIXTURE.paper, date, pages: [{ number: 1, name: '要闻', credits: [] }] }));
  const [year, month, day] = date.split('-').map(Number);
  const frontmatter = articleSchema.parse({
    kind: 'article',
    title: `${year}年${month}月${day}日要闻第${index + 1}号`,
    dateline: '本报讯',
    reporters: ['孙立'],
  });
  const paragraphs = [`${month}月${day}日，全市各项工作有序推进，各地各部门认真落实部署，确保各项任务按期完成。`, '这是样例档案中的一篇稿件，供测试浏览与检索之用。'];
  writeFileSync(join(dir, '01', '01.mdx'), articleToMdx(frontmatter, paragraphs));
}

/** An issue of many pages, one article on its first: a paper of its own, so that no other paper's heat levels change. */
function writeWideIssue(contentDir: string): void {
  const { paper, date, pages } = FIXTURE.wide;
  const dir = join(contentDir, paper, date);
  mkdirSync(join(dir, '01'), { recursive: true });
  writeFileSync(join(dir, 'issue.yml'), stringify({ paper, date, pages: pages.map((name, i) => ({ number: i + 1, name, credits: [] })) }));
  const frontmatter = articleSchema.parse({ kind: 'article', title: '夏粮收购工作全面展开 各收购网点有序运行', dateline: '本报讯', reporters: ['吴青'] });
  writeFileSync(join(dir, '01', '01.mdx'), articleToMdx(frontmatter, ['6月1日，全市夏粮收购工作全面展开，各收购网点运行有序。']));
}

/** Build the fixture archive into `work` and serve it on a random port. */
export async function buildFixtureSite(work: string): Promise<FixtureSite> {
  rmSync(work, { recursive: true, force: true });
  const contentDir = join(work, 'content');
  mkdirSync(join(contentDir, 'papers'), { recursive: true });
  writeFileSync(
    join(contentDir, 'papers', `${FIXTURE.paper}.yml`),
    stringify({ name: FIXTURE.name, place: '贵州省样例市', publisher: '样例日报社', issn: '1234-5679', original: { where: FIXTURE.original } }),
  );
  writeFileSync(join(contentDir, 'papers', `${FIXTURE.empty.paper}.yml`), stringify({ name: FIXTURE.empty.name, place: '贵州省样例市' }));
  writeFileSync(join(contentDir, 'papers', `${FIXTURE.wide.paper}.yml`), stringify({ name: FIXTURE.wide.name, place: '贵州省样例市' }));
  writeWideIssue(contentDir);

  const folder = join(work, 'import', FIXTURE.rich);
  richIssueFolder(folder);
  await Promise.all([1, 2, 3].map((seed) => makePhoto(join(folder, 'photos', '01', `${seed}.jpg`), seed)));
  const imported = spawnSync(process.execPath, [resolve(ROOT, 'scripts/import.ts'), folder, '--content', contentDir], { cwd: ROOT, encoding: 'utf8' });
  if (imported.status !== 0) throw new Error(`import of the fixture issue failed (${imported.status}):\n${imported.stderr}`);
  FIXTURE.plain.forEach((date, index) => writePlainIssue(contentDir, date, index));

  const outDir = join(work, 'dist');
  await buildSite({ contentDir, outDir, astroCache: join(work, 'astro'), photoCache: resolve(ROOT, '.cache/e2e/photos') });
  const server = await serveStatic(outDir);
  return {
    url: server.url,
    outDir,
    contentDir,
    server,
    close: async () => {
      await server.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}
