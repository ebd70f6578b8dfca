import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createBundleClient } from './client.ts';

/** A static host in memory: path -> body; records what was fetched. */
function host(files: Record<string, string | Uint8Array>) {
  const fetched: string[] = [];
  const fetch = async (url: string) => {
    fetched.push(url);
    const body = files[url];
    return body === undefined ? new Response('not found', { status: 404 }) : new Response(body as BodyInit);
  };
  return { fetch, fetched };
}

const framed = (json: unknown) => gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from(JSON.stringify(json))]));
const bundle = (key: string, articles: number, words: number, parts: number[]) => JSON.stringify({ key, format: 'f', articles, average_words: words, parts });
/** A word of the index: its first character's code point in base 36, four digits, and the second's. */
const word = (text: string) => [...text].map((ch) => ch.codePointAt(0)!.toString(36).padStart(4, '0')).join('');

const FILES = {
  '/archive/search-shards.json': JSON.stringify({ bundles: ['/pagefind/', '/shards/b/pagefind/'], ordered: false }),
  // partitions from U+0000 and from 疫 (U+75AB); from U+4E00 in the second bundle
  '/archive/pagefind/bundle.json': bundle('xa', 30, 1000, [0, 0x75ab]),
  '/archive/shards/b/pagefind/bundle.json': bundle('xb', 10, 500, [0x4e00]),
  '/archive/pagefind/filter/xa.author.json': JSON.stringify({ 张婷: [2, 3, 5] }),
  '/archive/pagefind/archive-facets.json': JSON.stringify({ paper: { 遵义日报: 30 } }),
  '/archive/shards/b/pagefind/archive-facets.json': JSON.stringify({ paper: { 遵义日报: 2, 贵州日报: 8 } }),
  '/archive/shards/b/pagefind/fragment/xb_a.pf_fragment': framed({ url: '/guizhou-daily/2024-02-01/01/01/', content: '标题\n\n\n\n\n正文', filters: { paper: ['贵州日报'] }, meta: { headline: '标题' } }),
};

function client(files: Record<string, string | Uint8Array> = FILES, modules: string[] = []) {
  const { fetch, fetched } = host(files);
  const calls: string[] = [];
  const made = createBundleClient({
    base: '/archive/',
    fetch,
    importModule: async (url) => {
      modules.push(url);
      return {
        options: async (options: Record<string, unknown>) => void calls.push(`options ${JSON.stringify(options)}`),
        init: async () => void calls.push('init'),
        mergeIndex: async (path: string, options: Record<string, unknown>) => void calls.push(`merge ${path} ${JSON.stringify(options)}`),
        search: async () => ({ results: [] }),
      };
    },
    gunzip: async (bytes) => new Uint8Array(gunzipSync(bytes)),
    pagefindOptions: { noWorker: true },
  });
  return { client: made, fetched, calls };
}

describe('the bundle client', () => {
  it('reads the manifest and each bundle’s file once', async () => {
    const { client: c, fetched } = client();
    expect(await c.manifest()).toEqual({ paths: ['/archive/pagefind/', '/archive/shards/b/pagefind/'], ordered: false });
    expect(await c.bundles()).toEqual([
      { key: 'xa', articles: 30, averageWords: 1000, parts: [0, 0x75ab], span: null },
      { key: 'xb', articles: 10, averageWords: 500, parts: [0x4e00], span: null },
    ]);
    await c.bundles();
    expect(fetched.filter((url) => url.endsWith('bundle.json'))).toHaveLength(2);
    expect(fetched.filter((url) => url.endsWith('search-shards.json'))).toHaveLength(1);
  });

  it('reads a filter value’s articles from the bundle’s filter file, once per file', async () => {
    const { client: c, fetched } = client();
    expect(await c.filterArticles('xa', 'author', '张婷')).toEqual([2, 5, 10]);
    expect(await c.filterArticles('xa', 'author', '一丁')).toEqual([]);
    expect(fetched.filter((url) => url.includes('/filter/'))).toEqual(['/archive/pagefind/filter/xa.author.json']);
    // a bundle without the file, or an unknown bundle: no articles
    expect(await c.filterArticles('xb', 'author', '张婷')).toEqual([]);
    expect(await c.filterArticles('xz', 'author', '张婷')).toEqual([]);
  });

  it('loads a fragment, gzipped or not, linking it under its bundle’s site', async () => {
    const { client: c } = client();
    const fragment = await c.fragment({ bundle: 'xb', id: 'xb_a' });
    expect(fragment).toEqual({ url: '/archive/shards/b/guizhou-daily/2024-02-01/01/01/', raw_url: '/guizhou-daily/2024-02-01/01/01/', content: '标题\n\n\n\n\n正文', filters: { paper: ['贵州日报'] }, meta: { headline: '标题' } });
    const plain = client({ ...FILES, '/archive/shards/b/pagefind/fragment/xb_a.pf_fragment': gunzipSync(FILES['/archive/shards/b/pagefind/fragment/xb_a.pf_fragment']) });
    expect((await plain.client.fragment({ bundle: 'xb', id: 'xb_a' })).raw_url).toBe('/guizhou-daily/2024-02-01/01/01/');
    await expect(c.fragment({ bundle: 'xb', id: 'xb_b' })).rejects.toThrow(/xb_b: 404/u);
    await expect(c.fragment({ bundle: 'xz', id: 'xz_0' })).rejects.toThrow(/no bundle xz/u);
  });

  it('merges the facets of all bundles', async () => {
    expect(await client().client.facets()).toEqual({ paper: { 遵义日报: 32, 贵州日报: 8 } });
  });

  it('starts Pagefind from the first bundle with the options, and merges a word’s partition of each bundle once', async () => {
    const modules: string[] = [];
    const { client: c, calls } = client(FILES, modules);
    await Promise.all([c.pagefind(), c.pagefind()]);
    expect(modules).toEqual(['/archive/pagefind/pagefind.js']);
    expect(calls).toEqual(['options {"noWorker":true}', 'init']);
    await Promise.all([c.pagefind(word('疫情')), c.pagefind(word('疫苗'))]);
    expect(calls.slice(2).sort()).toEqual(['merge /archive/pagefind/w/1/ {"metaCacheTag":"xa"}', 'merge /archive/shards/b/pagefind/w/0/ {"metaCacheTag":"xb"}']);
    // the same partitions again: nothing more; a word before the second bundle's first partition: the first bundle's only
    await c.pagefind(word('防控'));
    await c.pagefind(word('5g'));
    expect(calls.slice(4)).toEqual(['merge /archive/pagefind/w/0/ {"metaCacheTag":"xa"}']);
    expect(modules).toHaveLength(1);
  });

  it('merges a word’s partitions only in the bundles asked for (a search’s newest tier first), the others when asked', async () => {
    const { client: c, calls } = client(FILES);
    await c.pagefind(word('疫情'), ['xb']);
    expect(calls.slice(2)).toEqual(['merge /archive/shards/b/pagefind/w/0/ {"metaCacheTag":"xb"}']);
    await c.pagefind(word('疫情'));
    expect(calls.slice(3)).toEqual(['merge /archive/pagefind/w/1/ {"metaCacheTag":"xa"}']);
  });

  it('uses the primary bundle alone without a manifest', async () => {
    const { '/archive/search-shards.json': _, ...rest } = FILES;
    expect(await client(rest).client.manifest()).toEqual({ paths: ['/archive/pagefind/'], ordered: false });
  });
});
