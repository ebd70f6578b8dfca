import { ownsPath, parseShard } from './shard-plan.ts';

/**
 * Route filtering for shard builds. The shardOutput integration rewrites each dynamic page of
 * src/pages so that its `getStaticPaths` goes through `ownedPaths`: a shard build renders only
 * the paths it owns, and the index build only the pages outside `/<paper>/<year…>/`. The pages
 * themselves stay unaware of shards.
 */
type StaticPaths = (...args: never[]) => Promise<Array<{ params: Record<string, string | number | undefined> }>> | Array<{ params: Record<string, string | number | undefined> }>;

export function ownedPaths<T extends StaticPaths>(original: T, pattern: string): T {
  const shard = parseShard(process.env.ARCHIVE_SHARD);
  if (!shard) return original;
  return (async (...args: never[]) => (await original(...args)).filter((entry) => ownsPath(shard, routePath(pattern, entry.params)))) as unknown as T;
}

/** `/[paper]/[date]/` with { paper: 'zunyi-daily', date: '2023-01-17' } -> `/zunyi-daily/2023-01-17/`. */
export function routePath(pattern: string, params: Record<string, string | number | undefined>): string {
  return pattern.replace(/\[(\w+)\]/g, (_, name: string) => String(params[name] ?? ''));
}

/** The route pattern of a page file: `src/pages/[paper]/feed.xml.ts` -> `/[paper]/feed.xml`. */
export function routePattern(pageFile: string): string {
  const path = pageFile.replace(/\.(astro|ts|js|mjs)$/, '').replace(/(^|\/)index$/, '$1');
  return `/${path}${/\.\w+$/.test(path) || path === '' ? '' : '/'}`.replace(/\/+/g, '/');
}

/**
 * Rewrite a page's source so that its `export const getStaticPaths = …` is filtered: the
 * original becomes `__archiveStaticPaths` (still exported, so that Astro hoists it with the
 * other exports) and `getStaticPaths` wraps it. Returns null when the page has none.
 */
export function filterStaticPaths(source: string, pageFile: string, helper: string): string | null {
  return filterRouteStaticPaths(source, routePattern(pageFile), helper, pageFile.endsWith('.astro'));
}

/** The same for a route given by its pattern (an injected route, whose file is not in src/pages). */
export function filterRouteStaticPaths(source: string, pattern: string, helper: string, astro = false): string | null {
  if (!/^export const getStaticPaths\s*=/m.test(source)) return null;
  const renamed = source.replace(/^export const getStaticPaths(\s*)=/m, 'export const __archiveStaticPaths$1=');
  const wrapper = `import { ownedPaths as __archiveOwnedPaths } from ${JSON.stringify(helper)};\nexport const getStaticPaths = __archiveOwnedPaths(__archiveStaticPaths, ${JSON.stringify(pattern)});\n`;
  // a module (an endpoint, or a page Astro has compiled already): at the end
  if (!astro || !source.trimStart().startsWith('---')) return `${renamed}\n${wrapper}`;
  // an .astro source: inside the frontmatter, after everything else in it
  const close = renamed.indexOf('\n---', renamed.indexOf('---') + 3);
  if (close < 0) return null;
  return `${renamed.slice(0, close)}\n${wrapper}${renamed.slice(close + 1)}`;
}

/** Rewrite a route so that it renders nothing (its getStaticPaths returns no path). */
export function withoutStaticPaths(source: string): string | null {
  if (!/^export const getStaticPaths\s*=/m.test(source)) return null;
  return `${source.replace(/^export const getStaticPaths(\s*)=/m, 'export const __archiveStaticPaths$1=')}\nexport const getStaticPaths = () => [];\n`;
}
