import type { AstroIntegration } from 'astro';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { filterRouteStaticPaths, filterStaticPaths, withoutStaticPaths } from '../loaders/shard-routes.ts';
import { ownsPath, parseShard, shardName, type Shard } from '../loaders/shard.ts';
import { ARTICLE_FILE_BUNDLE_PATTERN } from './article-files.ts';

/**
 * In a shard build (ARCHIVE_SHARD), render and keep only the output this shard owns. Each
 * dynamic page's getStaticPaths is filtered to the owned paths (src/loaders/shard-routes.ts),
 * and so is the injected route of the article files' per-issue bundles (article-files.ts);
 * what a static page or an injected route still writes outside the shard is removed before the
 * photo and search steps run, and the search sources are cut to the owned articles, so that
 * nothing is indexed twice. Assets under
 * `/_astro/` stay in every build; `scripts/shard.ts` checks that they are identical when it
 * combines the builds. Listed before `photos()` and `searchIndex()` in astro.config.mjs: Astro
 * runs `astro:build:done` hooks in that order.
 */
export function shardOutput(): AstroIntegration {
  return {
    name: 'archive:shard-output',
    hooks: {
      'astro:config:setup': ({ updateConfig, config }) => {
        if (!parseShard(process.env.ARCHIVE_SHARD)) return;
        const shard = parseShard(process.env.ARCHIVE_SHARD)!;
        const pages = fileURLToPath(new URL('pages/', config.srcDir));
        const helper = fileURLToPath(new URL('../loaders/shard-routes.ts', import.meta.url));
        // the search sources of the index build would all be thrown away (it owns no article)
        const searchRecords = fileURLToPath(new URL('./search-records.ts', import.meta.url));
        // the article files' bundles live in their issue's folder: only the owned issues' (the
        // index build owns none; it loads every article, so this saves rendering them all)
        const articleBundles = fileURLToPath(new URL('./article-file-bundle.ts', import.meta.url));
        updateConfig({
          vite: {
            plugins: [
              {
                // render only the paths this build owns (src/loaders/shard-routes.ts)
                name: 'archive:shard-routes',
                enforce: 'pre',
                transform(code: string, id: string) {
                  const file = id.split('?')[0]!;
                  if (file === searchRecords && shard.kind === 'index') return withoutStaticPaths(code);
                  if (file === articleBundles) return filterRouteStaticPaths(code, ARTICLE_FILE_BUNDLE_PATTERN, helper);
                  if (!file.startsWith(pages) || !/\.(astro|ts)$/.test(file)) return null;
                  return filterStaticPaths(code, relative(pages, file).split(sep).join('/'), helper);
                },
              },
            ],
          },
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        const shard = parseShard(process.env.ARCHIVE_SHARD);
        if (!shard) return;
        const site = fileURLToPath(dir);
        const { removed, kept } = pruneOutput(site, shard);
        const sources = filterSearchSources(site, shard);
        logger.info(`shard ${shardName(shard)}: kept ${kept} files, removed ${removed} owned by other builds; ${sources} articles to index`);
      },
    },
  };
}

/** Shared by every build, identical in each (content-hashed names). */
const SHARED = /^\/_astro\//;
/** The search helper's build-time article sources (src/integrations/search-records.ts). */
const SEARCH_SOURCES = /^\/_search-sources\//;

export function pruneOutput(site: string, shard: Shard): { removed: number; kept: number } {
  let removed = 0;
  let kept = 0;
  const walk = (dir: string): boolean => {
    let empty = true;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const url = `/${relative(site, path).split(sep).join('/')}${entry.isDirectory() ? '/' : ''}`;
      if (entry.isDirectory()) {
        if (walk(path)) rmdirSync(path);
        else empty = false;
      } else if (SHARED.test(url) || SEARCH_SOURCES.test(url) || ownsPath(shard, url)) {
        kept++;
        empty = false;
      } else {
        rmSync(path);
        removed++;
      }
    }
    return empty;
  };
  walk(site);
  return { removed, kept };
}

/** Keep the search sources of the articles this shard owns; returns how many are left. */
function filterSearchSources(site: string, shard: Shard): number {
  const dir = join(site, '_search-sources');
  if (!existsSync(dir)) {
    // the index build skipped them; the search step still expects the folder
    mkdirSync(dir, { recursive: true });
    return 0;
  }
  let left = 0;
  for (const file of readdirSync(dir)) {
    if (!file.endsWith('.json')) continue;
    const path = join(dir, file);
    const sources = JSON.parse(readFileSync(path, 'utf8')) as Array<{ url: string }>;
    const owned = sources.filter((source) => ownsPath(shard, source.url));
    left += owned.length;
    writeFileSync(path, JSON.stringify(owned));
  }
  return left;
}
