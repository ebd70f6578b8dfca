import type { AstroIntegration } from 'astro';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ARTICLE_FILE_BUNDLE, type ArticleFileBundle } from '../lib/article-files.ts';
import { parseShard } from '../loaders/shard.ts';
import { assembleCorpus, CORPUS_PARTS, writeCorpusPart } from './corpus.ts';
import { buildStart, writtenThisBuild } from './output-in-place.ts';

/** The route of the bundles, one per issue; src/integrations/shard-output.ts filters it too. */
export const ARTICLE_FILE_BUNDLE_PATTERN = `/[paper]/[date]/${ARTICLE_FILE_BUNDLE}`;

const ISSUE_FOLDER = /^\d{4}-\d{2}-\d{2}$/;
const RELATIVE_PATH = /^(?:[\w-]+\/)*[\w-]+\.[a-z]+$/;

/**
 * The JSON, text and citation files of every article, written by the build without an Astro
 * route per file: Astro spends about 0.6 ms on each route output, more than the files take to
 * make (README, Citations and open data). An injected endpoint (article-file-bundle.ts) renders
 * one bundle per issue with the bodies from src/lib/article-files.ts, which the endpoints under
 * `src/pages/[paper]/[date]/[page]/[seq]/` also serve in `astro dev`; when the build is done
 * this writes each file of each bundle and deletes the bundle, one issue at a time. Listed after
 * `shardOutput()` in astro.config.mjs, so that a shard build has dropped the bundles of the
 * issues it does not own.
 *
 * Each bundle also carries its issue's lines of the corpus: they are kept as the issue's part
 * (corpus.ts), and a whole build then assembles the corpus downloads from the parts; a shard
 * build leaves its parts to `npm run shard -- combine`.
 */
export function articleFileBundles(): AstroIntegration {
  return {
    name: 'archive:article-files',
    hooks: {
      'astro:config:setup': ({ command, injectRoute, updateConfig }) => {
        if (command !== 'build') return;
        injectRoute({ pattern: ARTICLE_FILE_BUNDLE_PATTERN, entrypoint: new URL('./article-file-bundle.ts', import.meta.url), prerender: true });
        injectRoute({ pattern: `/${CORPUS_PARTS}/papers.json`, entrypoint: new URL('./corpus-index.ts', import.meta.url), prerender: true });
        // and the endpoints of the single files render nothing (src/lib/route-params.ts)
        updateConfig({ vite: { define: { 'import.meta.env.ARCHIVE_ARTICLE_FILE_BUNDLES': 'true' } } });
      },
      'astro:build:done': ({ dir, logger }) => {
        const started = performance.now();
        const site = fileURLToPath(dir);
        const { bundles, files } = unpackArticleFiles(site);
        logger.info(`wrote ${files} article files from ${bundles} issue bundles in ${Math.round(performance.now() - started)} ms`);
        if (parseShard(process.env.ARCHIVE_SHARD)) return;
        const assembled = performance.now();
        const corpus = assembleCorpus(site);
        logger.info(`wrote ${corpus.files} corpus files of ${corpus.records} articles in ${Math.round(performance.now() - assembled)} ms`);
      },
    },
  };
}

/**
 * Write the files of every bundle in a built site (`<site>/<paper>/<date>/_article-files.json`)
 * into the issue's folder, its corpus lines as the issue's part, and delete the bundle. A file
 * that already exists is an error: some other route wrote it, and the site would depend on
 * which one ran last.
 */
export function unpackArticleFiles(site: string): { bundles: number; files: number } {
  let bundles = 0;
  let files = 0;
  // a file of the previous build in the same folder is replaced (output-in-place.ts)
  const start = buildStart(site);
  for (const paper of readdirSync(site, { withFileTypes: true })) {
    if (!paper.isDirectory()) continue;
    for (const issue of readdirSync(join(site, paper.name), { withFileTypes: true })) {
      if (!issue.isDirectory() || !ISSUE_FOLDER.test(issue.name)) continue;
      const folder = join(site, paper.name, issue.name);
      const bundlePath = join(folder, ARTICLE_FILE_BUNDLE);
      if (!existsSync(bundlePath)) continue;
      const bundle = JSON.parse(readFileSync(bundlePath, 'utf8')) as ArticleFileBundle;
      files += writeBundle(folder, bundle, bundlePath, start);
      writeCorpusPart(site, paper.name, issue.name, bundle.corpus);
      rmSync(bundlePath);
      bundles++;
    }
  }
  return { bundles, files };
}

function writeBundle(folder: string, bundle: ArticleFileBundle, bundlePath: string, start: bigint | null): number {
  const made = new Set<string>();
  for (const file of bundle.files) {
    const target = resolve(folder, file.path);
    if (!RELATIVE_PATH.test(file.path) || !target.startsWith(folder + sep)) {
      throw new Error(`[article-files] ${bundlePath}: "${file.path}" is not a path inside the issue's folder`);
    }
    const parent = dirname(target);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    try {
      writeFileSync(target, file.body, { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (writtenThisBuild(target, start)) throw new Error(`[article-files] ${target} was already written by another route; only the bundle ${bundlePath} should write it`);
      // unchanged files are only marked as written (their change time): reading a small file
      // costs far less than rewriting it (50,000 articles: 25 s of writes)
      const bytes = Buffer.from(file.body);
      if (readFileSync(target).equals(bytes)) utimesSync(target, new Date(), new Date());
      else writeFileSync(target, bytes);
    }
  }
  return bundle.files.length;
}
