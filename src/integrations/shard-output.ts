import type { AstroIntegration } from 'astro';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { filterRouteStaticPaths, filterStaticPaths, withoutStaticPaths } from '../lib/shard-routes.ts';
import { parseShard, shardName } from '../lib/shard-plan.ts';
import { filterSearchSources, pruneOutput } from '../io/shard-output.ts';
import { ARTICLE_FILE_BUNDLE_PATTERN } from './article-files.ts';

/**
 * In a shard build (ARCHIVE_SHARD), render and keep only the output this shard owns. Each
 * dynamic page's getStaticPaths is filtered to the owned paths (src/lib/shard-routes.ts),
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
        const helper = fileURLToPath(new URL('../lib/shard-routes.ts', import.meta.url));
        // the search sources of the index build would all be thrown away (it owns no article)
        const searchRecords = fileURLToPath(new URL('../integrations/search-records.ts', import.meta.url));
        // the article files' bundles live in their issue's folder: only the owned issues' (the
        // index build owns none; it loads every article, so this saves rendering them all)
        const articleBundles = fileURLToPath(new URL('../integrations/article-file-bundle.ts', import.meta.url));
        updateConfig({
          vite: {
            plugins: [
              {
                // render only the paths this build owns (src/lib/shard-routes.ts)
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

