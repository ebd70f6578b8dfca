import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { paragraphsToMdx } from '../../scripts/lib/to-mdx.ts';
import type { Archive, ArticleEntry, ArticleRef, IssueRef } from '../lib/archive.ts';
import { articleView } from '../lib/article-view.ts';
import { articleSchema } from '../schemas/article.ts';
import { mdxArticles } from './mdx-articles.ts';

/**
 * What the loader keeps in the content store of a build that renders no article page (the
 * index build of a sharded site): every article's data, and the text only of the items printed
 * without a headline, which the site names from their text. Run against a stand-in of Astro's
 * loader context; the byte-for-byte comparison with @astrojs/mdx is mdx-articles.test.ts.
 */
interface Stored {
  id: string;
  data: Record<string, unknown>;
  rendered?: { html: string; metadata?: { paragraphs?: string[] } };
}

function loaderContext(root: string) {
  const entries = new Map<string, Stored>();
  const context = {
    store: {
      get: (id: string) => entries.get(id),
      set: (entry: Stored) => void entries.set(entry.id, entry),
      keys: () => [...entries.keys()],
      delete: (id: string) => void entries.delete(id),
      addModuleImport: () => {},
    },
    logger: { info: () => {}, warn: () => {} },
    config: { root: pathToFileURL(`${root}/`), markdown: { processor: {} } },
    parseData: async ({ data }: { data: Record<string, unknown> }) => articleSchema.parse(data),
    generateDigest: (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16),
  };
  return { context: context as unknown as LoaderContext, entries };
}

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'mdx-store-'));
  const page = join(root, 'zunyi-daily', '2023-01-17', '01');
  mkdirSync(page, { recursive: true });
  writeFileSync(join(page, '01.mdx'), `---\nkind: article\ntitle: 志愿服务聚合力\n---\n\n${paragraphsToMdx(['近日，新蒲新区开展活动。'])}`);
  writeFileSync(join(page, '02.mdx'), `---\nkind: photo\nphotographers:\n  - 向婧\n---\n\n${paragraphsToMdx(['日前，赤水市举行活动。图为群众展示领到的春联。'])}`);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the content store of a build without article pages', () => {
  it('keeps the data of every article and the text of untitled items only', async () => {
    const { context, entries } = loaderContext(root);
    await mdxArticles({ base: root, pattern: /\.mdx$/, generateId: (entry) => entry.replace(/\.mdx$/, ''), render: false }).load(context);
    const titled = entries.get('zunyi-daily/2023-01-17/01/01')!;
    const photo = entries.get('zunyi-daily/2023-01-17/01/02')!;
    expect(titled.data.title).toBe('志愿服务聚合力');
    expect(titled.rendered).toEqual({ html: '', metadata: {} });
    expect(photo.rendered).toEqual({ html: '', metadata: { paragraphs: ['日前，赤水市举行活动。图为群众展示领到的春联。'] } });

    // what the index build's pages show of them, and a clear error for the text it did not load
    const refs: ArticleRef[] = [titled, photo].map((entry, i) => ({
      entry: entry as unknown as ArticleEntry,
      key: { paper: 'zunyi-daily', date: '2023-01-17', page: 1, seq: i + 1 },
      url: `/${entry.id}/`,
    }));
    const issue = { paper: 'zunyi-daily', date: '2023-01-17', pages: [{ page: { number: 1, name: null, credits: [] }, articles: refs, url: '' }] } as unknown as IssueRef;
    const archive = { paper: () => ({}), issue: () => issue, papers: [], articles: refs } as unknown as Archive;
    expect(articleView(archive, refs[0]!).headline).toBe('志愿服务聚合力');
    expect(articleView(archive, refs[1]!).headline).toBe('群众展示领到的春联');
    expect(() => articleView(archive, refs[0]!).lead).toThrow(/2023-01-17\/01\/01\.mdx: this build did not load the article's text/);
  });
});
