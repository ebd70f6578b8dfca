import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSyntheticIssues } from '../../scripts/io/bench-archive.ts';
import { resolveOptions, syntheticIssue } from '../../scripts/lib/synthetic.ts';
import { paragraphsToMdx } from '../../scripts/lib/to-mdx.ts';
import { buildSite, ROOT } from '../io/astro-build.ts';

/**
 * The claim of src/loaders/mdx-articles.ts: rendering articles at sync time gives the same site
 * as compiling every file with @astrojs/mdx. Build one archive both ways and compare every file
 * of the output, byte for byte: the bundled sample, synthetic issues, hostile OCR text, a
 * hand-edited article with Markdown, and two files that use MDX features or elements the
 * loader leaves to @astrojs/mdx.
 */
const work = resolve(ROOT, `.cache/test-loader/${process.pid}`);
const content = join(work, 'content');
const builds: Record<'mdx' | 'loader', { dir: string; output: string }> = {
  mdx: { dir: join(work, 'mdx'), output: '' },
  loader: { dir: join(work, 'loader'), output: '' },
};

const front = (title: string) => `---\nkind: article\ntitle: ${title}\nreporters:\n  - 张婷\n---\n\n`;

const HAND_WRITTEN: Record<string, string> = {
  // OCR text through the importer's serialiser: everything must stay text
  '91': paragraphsToMdx([
    '<新蒲>社区 {记者} a<b & c>d "双引号" \'单引号\' &amp; 不是实体',
    '1. 不是列表',
    '# 不是标题',
    'import 不是代码',
    'export 也不是',
    '3~5天 与 ~~两边~~',
    '**「重要」**通知 字面星号',
    '全角＜＞＆ · ——……',
  ]),
  // an editor's Markdown: every construct the loader renders itself
  '92': [
    '## 小标题',
    '',
    '**「重要」**通知，*强调*，~~删除~~，`代码 <b>`，[链接](https://example.com/?a=1&b="2" "标题 \'引\'")，www.example.com。',
    '',
    '> 引文第一段',
    '>',
    '> 引文第二段',
    '',
    '- 一',
    '- 二',
    '',
    '3. 三',
    '4. 四',
    '',
    '* 松散列表',
    '',
    '* 第二项',
    '',
    '---',
    '',
    '行末换行  ',
    '下一行\\',
    '再下一行',
    '',
    '## 小标题',
    '',
    '[引用链接][ref] 与 [缺失的引用][none]',
    '',
    '[ref]: https://example.org/ref',
    '',
  ].join('\n'),
  // MDX features: compiled by @astrojs/mdx in both builds
  '93': 'export const count = 3;\n\n共 {count} 项，<mark>重点</mark>。\n',
  // elements the loader does not print itself: a table, a code block, a footnote
  '94': '| 项目 | 数量 |\n| :-- | --: |\n| 粮油 | 30 |\n\n```js\nconst a = "<b>";\n```\n\n注释[^1]\n\n[^1]: 脚注。\n',
};

function listFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter((path) => statSync(join(dir, path)).isFile()).sort();
}

describe('articles rendered by the mdxArticles loader', () => {
  beforeAll(async () => {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(content, { recursive: true });
    cpSync(resolve(ROOT, 'content'), content, { recursive: true });
    const options = resolveOptions({ seed: 7, itemsPerYear: 3600 });
    const issues = ['2020-12-31', '2021-01-01'].map((date) => syntheticIssue(options, 'zunyi-daily', date));
    await importSyntheticIssues(content, options, issues);
    const page = join(content, 'zunyi-daily', '2021-01-01', '01');
    for (const [seq, body] of Object.entries(HAND_WRITTEN)) writeFileSync(join(page, `${seq}.mdx`), `${front(`手写稿件${seq}`)}${body}`);

    for (const [mode, build] of Object.entries(builds)) {
      const result = await buildSite({
        contentDir: content,
        outDir: join(build.dir, 'dist'),
        astroCache: join(build.dir, 'astro'),
        photoCache: join(work, 'photos'),
        env: { ARCHIVE_ARTICLE_RENDER: mode },
      });
      build.output = result.output;
    }
  }, 600_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('renders the plain articles itself and leaves MDX features to @astrojs/mdx', () => {
    const articles = readdirSync(content, { recursive: true, encoding: 'utf8' }).filter((p) => String(p).endsWith('.mdx')).length;
    const line = /(\d+) articles rendered, (\d+) unchanged, (\d+) left to @astrojs\/mdx/.exec(builds.loader.output);
    expect(line, builds.loader.output.slice(-3000)).not.toBeNull();
    expect(Number(line![3])).toBe(2);
    expect(Number(line![1])).toBe(articles - 2);
  });

  it('gives the same site as @astrojs/mdx, byte for byte', () => {
    const mdxDist = join(builds.mdx.dir, 'dist');
    const loaderDist = join(builds.loader.dir, 'dist');
    const files = listFiles(mdxDist);
    expect(listFiles(loaderDist)).toEqual(files);
    expect(files.filter((f) => f.endsWith('.html')).length).toBeGreaterThan(50);
    const different = files.filter((file) => !readFileSync(join(mdxDist, file)).equals(readFileSync(join(loaderDist, file))));
    expect(different).toEqual([]);
  });

  it('keeps hostile OCR text as text', () => {
    const html = readFileSync(join(builds.loader.dir, 'dist', 'zunyi-daily/2021-01-01/01/91/index.html'), 'utf8');
    expect(html).toContain('&lt;新蒲&gt;社区 {记者} a&lt;b &amp; c&gt;d &quot;双引号&quot; &#39;单引号&#39; &amp;amp; 不是实体');
    expect(html).toContain('<p>import 不是代码</p>');
    const edited = readFileSync(join(builds.loader.dir, 'dist', 'zunyi-daily/2021-01-01/01/92/index.html'), 'utf8');
    expect(edited).toContain('<strong>「重要」</strong>通知');
    expect(edited).toContain('<h2 id="小标题-1">小标题</h2>');
    expect(relative(ROOT, work)).toMatch(/^\.cache\//);
  });
});
