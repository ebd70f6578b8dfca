import type { Hit, PagefindApi } from './engine.ts';
import {
  articlesBetween,
  BUNDLE_FILE,
  bundleInfo,
  DATE_FILTER,
  decodeFilterValue,
  FACETS_FILE,
  filterPath,
  fragmentPath,
  fragmentUrl,
  manifestBundles,
  MANIFEST_FILE,
  mergeFacets,
  partitionOf,
  partitionPath,
  RUNTIME_MODULE,
  unframe,
  type BundleDescription,
  type BundleInfo,
  type DateFile,
  type Facets,
  type LoadedFragment,
  type ResultFragment,
  type ShardManifest,
} from './index-format.ts';

/**
 * The search page's access to the index bundles: the manifest, each bundle's entry, filter
 * files, fragments, facets and Pagefind's runtime. Every file is fetched once per page life.
 * The network, the module loader and gzip are passed in, so that the same code runs in the
 * browser and in unit tests against files in memory.
 */
export interface ClientOptions {
  /** The site's base path (`import.meta.env.BASE_URL`), e.g. `/` or `/archive/`. */
  base: string;
  fetch: (url: string, init?: RequestInit) => Promise<Response>;
  /** Import Pagefind's runtime module from its URL. */
  importModule: (url: string) => Promise<unknown>;
  /** Gunzip bytes (in the browser a `DecompressionStream`). */
  gunzip: (bytes: Uint8Array) => Promise<Uint8Array>;
  /** Options for Pagefind's runtime, set before it starts. */
  pagefindOptions?: Record<string, unknown>;
}

/** Pagefind's runtime module as the page uses it. */
interface PagefindModule extends PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
}

export interface BundleClient {
  /** The bundle folders (primary first) and whether they are in date order. */
  manifest(): Promise<{ paths: string[]; ordered: boolean }>;
  /** Each bundle's key and size, in manifest order. */
  bundles(): Promise<BundleInfo[]>;
  /** The articles of a bundle that hold a filter value, ascending. */
  filterArticles(key: string, filter: string, value: string): Promise<number[]>;
  /** The articles of a bundle dated from `from` to `to` (YYYY-MM-DD, both included), ascending. */
  dateArticles(key: string, from: string, to: string): Promise<number[]>;
  /** A result's fragment, its link under its bundle's site. */
  fragment(hit: Pick<Hit, 'bundle' | 'id'>): Promise<LoadedFragment>;
  /** The filter values of all bundles, for the form. */
  facets(): Promise<Facets>;
  /**
   * Pagefind's runtime, started from the first bundle; with a word, ready to search it: the word
   * partition that holds it merged in, in every bundle or in those of `keys` (once per page life).
   */
  pagefind(word?: string, keys?: readonly string[]): Promise<PagefindApi>;
}

export function createBundleClient(options: ClientOptions): BundleClient {
  const { fetch } = options;
  const json = <T>(url: string, init?: RequestInit): Promise<T | null> =>
    fetch(url, init)
      .then((response) => (response.ok ? (response.json() as Promise<T>) : null))
      .catch(() => null);

  let manifest: Promise<{ paths: string[]; ordered: boolean }> | null = null;
  function loadManifest() {
    manifest ??= json<ShardManifest>(`${options.base.replace(/\/?$/u, '/')}${MANIFEST_FILE}`).then((found) => manifestBundles(found, options.base));
    return manifest;
  }

  let infos: Promise<BundleInfo[]> | null = null;
  function loadInfos() {
    // no-cache: a new build changes the entry but not its name
    infos ??= loadManifest().then(({ paths }) => Promise.all(paths.map((path) => json<BundleDescription>(`${path}${BUNDLE_FILE}`, { cache: 'no-cache' }).then(bundleInfo))));
    return infos;
  }

  async function pathOf(key: string): Promise<string | undefined> {
    const [{ paths }, bundles] = await Promise.all([loadManifest(), loadInfos()]);
    return paths[bundles.findIndex((bundle) => bundle.key === key)];
  }

  const filterFiles = new Map<string, Promise<Record<string, number[]>>>();
  async function filterArticles(key: string, filter: string, value: string): Promise<number[]> {
    const name = `${key}.${filter}`;
    let file = filterFiles.get(name);
    if (!file) {
      file = pathOf(key).then(async (path) => (path ? ((await json<Record<string, number[]>>(`${path}${filterPath(key, filter)}`)) ?? {}) : {}));
      filterFiles.set(name, file);
    }
    return decodeFilterValue((await file)[value] ?? []);
  }

  const dateFiles = new Map<string, Promise<DateFile | null>>();
  async function dateArticles(key: string, from: string, to: string): Promise<number[]> {
    let file = dateFiles.get(key);
    if (!file) {
      file = pathOf(key).then((path) => (path ? json<DateFile>(`${path}${filterPath(key, DATE_FILTER)}`) : null));
      dateFiles.set(key, file);
    }
    const dates = await file;
    return dates ? articlesBetween(dates, from, to) : [];
  }

  async function fragment(hit: Pick<Hit, 'bundle' | 'id'>): Promise<LoadedFragment> {
    const path = await pathOf(hit.bundle);
    if (!path) throw new Error(`[search] no bundle ${hit.bundle}`);
    const response = await fetch(`${path}${fragmentPath(hit.id)}`);
    if (!response.ok) throw new Error(`[search] ${hit.id}: ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    // a host may have sent it gunzipped already (Content-Encoding: gzip on a .pf_fragment)
    const content = unframe(bytes) ?? unframe(await options.gunzip(bytes));
    if (!content) throw new Error(`[search] ${hit.id}: not a Pagefind fragment`);
    const data = JSON.parse(new TextDecoder().decode(content)) as ResultFragment;
    return { url: fragmentUrl(path, data.url), raw_url: data.url, content: data.content, filters: data.filters, meta: data.meta, ...(data.suspects ? { suspects: data.suspects } : {}) };
  }

  let facets: Promise<Facets> | null = null;
  function loadFacets() {
    facets ??= loadManifest().then(async ({ paths }) => mergeFacets((await Promise.all(paths.map((path) => json<Facets>(`${path}${FACETS_FILE}`)))).map((one) => one ?? {})));
    return facets;
  }

  let runtime: Promise<PagefindModule> | null = null;
  function loadRuntime() {
    runtime ??= (async () => {
      const { paths } = await loadManifest();
      const module = (await options.importModule(`${paths[0]}${RUNTIME_MODULE}`)) as PagefindModule;
      if (options.pagefindOptions) await module.options(options.pagefindOptions);
      // start the runtime (WebAssembly and the first bundle's empty index) now, not at the first search
      await module.init();
      return module;
    })();
    runtime.catch(() => (runtime = null));
    return runtime;
  }

  /** The word partitions merged so far, by folder: each is merged once, then every search covers it. */
  const merged = new Map<string, Promise<void>>();
  async function loadPagefind(word?: string, keys?: readonly string[]): Promise<PagefindApi> {
    const module = await loadRuntime();
    if (word === undefined) return module;
    const [{ paths }, bundles] = await Promise.all([loadManifest(), loadInfos()]);
    await Promise.all(
      bundles.map((bundle, b) => {
        if (keys && !keys.includes(bundle.key)) return undefined;
        const part = partitionOf(bundle.parts, word);
        if (part < 0) return undefined;
        const folder = `${paths[b]}${partitionPath(part)}`;
        let merging = merged.get(folder);
        if (!merging) {
          // the key changes with the bundle: the partition's entry may be cached under it
          merging = module.mergeIndex(folder, { metaCacheTag: bundle.key });
          merging.catch(() => merged.delete(folder));
          merged.set(folder, merging);
        }
        return merging;
      }),
    );
    return module;
  }

  return { manifest: loadManifest, bundles: loadInfos, filterArticles, dateArticles, fragment, facets: loadFacets, pagefind: loadPagefind };
}
