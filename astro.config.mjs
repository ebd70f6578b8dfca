// @ts-check
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import remarkCjkFriendly from 'remark-cjk-friendly';
import { articleFileBundles } from './src/integrations/article-files.ts';
import { contentGuard } from './src/integrations/content-guard.ts';
import { outputInPlace } from './src/integrations/output-in-place.ts';
import { photos } from './src/integrations/photos.ts';
import { scans } from './src/integrations/scans.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { shardOutput } from './src/integrations/shard-output.ts';
import { DEFAULT_SITE_URL } from './src/lib/site.ts';

export default defineConfig({
  site: process.env.ARCHIVE_SITE_URL ?? DEFAULT_SITE_URL,
  // outside node_modules, so that `npm ci` keeps the content-layer cache; tests building
  // other archives point it elsewhere
  cacheDir: process.env.ARCHIVE_ASTRO_CACHE ?? './.cache/astro',
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // pages rendered at once: rendering is one thread, but each page waits for its files to be
    // written, and several in flight keep the CPU busy meanwhile (measured: README, Benchmarks)
    concurrency: Number(process.env.ARCHIVE_BUILD_CONCURRENCY) || 4,
  },
  markdown: {
    // unified + remark-cjk-friendly renders **「重要」**通知 as emphasis (the default processor
    // leaves the asterisks); SmartyPants is off because it would change the text (" -- ...).
    // No syntax highlighting: newspapers print no code, and Shiki gives up on a line after a
    // time limit, so a loaded machine rendered the same code block differently from build to build.
    syntaxHighlight: false,
    processor: unified({ remarkPlugins: [remarkCjkFriendly], smartypants: false }),
  },
  // in this order: first the guard that refuses a content folder an import is half-way through;
  // a shard build drops the pages it does not own (and their issues' article-file bundles)
  // before the article files, photos and search are written; then what the previous build left
  // in the output folder and this one did not write is removed
  integrations: [contentGuard(), mdx(), shardOutput(), articleFileBundles(), photos(), scans(), searchIndex(), outputInPlace()],
  devToolbar: { enabled: false },
  // Astro's terminal output with the build's route list made readable: a line per route,
  // internal outputs counted but not listed, progress instead of 50,000 lines (src/lib/build-log.ts)
  logger: { entrypoint: './src/io/build-log.ts' },
  // article pages whose data and code are unchanged are not rendered again (src/lib/page-keys.ts)
  experimental: { incrementalBuild: process.env.ARCHIVE_INCREMENTAL !== '0' },
  vite: {
    // `astro preview` serves on the port given or fails: moving to the next free port would
    // leave every absolute URL of the build pointing at another server (scripts/serve.ts)
    preview: { strictPort: true },
    build: {
      rollupOptions: {
        // every MDX module carries Astro's "use astro:head-inject" directive and the bundler
        // warns once per file (withastro/astro#18087): 15 MB of log at 20k articles
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
  },
});
