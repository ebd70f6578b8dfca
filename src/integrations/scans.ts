import type { AstroIntegration } from 'astro';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { contentDir } from '../lib/content-dir.ts';
import { clientWords } from '../lib/page-words.ts';
import { imageInfo, scanBase, scanKey } from '../lib/scan-images.ts';
import { ownsIssue, parseShard } from '../lib/shard-plan.ts';
import { siteOf } from '../lib/site.ts';
import { issueSchema } from '../schemas/issue.ts';
import type { Scan } from '../schemas/scan.ts';
import { listIssues } from '../io/list-issues.ts';
import { makeScanImages, publishScan, scanImageCache } from '../io/scan-images.ts';
import { readPageWords, requireScan, ScanInputError, scanStore } from '../io/scan-store.ts';

/**
 * Publish the page scans named in the issues' issue.yml under `/scans/<key>/`: each scan's IIIF
 * level-0 tiles and sizes, made once per scan and cached by its SHA-256 (src/io/scan-images.ts;
 * a build makes only what the cache lacks, e.g. on a fresh clone), linked into the site with its
 * master; and per site, its info.json (whose id is the site's address) and the words that mark
 * search hits. A shard build (ARCHIVE_SHARD) publishes its own issues' scans. A scan missing from
 * the store is reported and skipped, not an error: where /scans/ is served from object storage,
 * the site's pages are built without the masters (docs/0013-page-scans.md).
 */
export function scans(): AstroIntegration {
  let site: URL | undefined;
  return {
    name: 'archive:scans',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ? new URL(config.site) : undefined;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = join(fileURLToPath(dir), 'scans');
        const root = resolve(contentDir());
        const store = scanStore();
        const cache = scanImageCache();
        const shard = parseShard(process.env.ARCHIVE_SHARD);
        const found = new Map<string, Scan>();
        for (const { paper, date } of listIssues(root)) {
          if (shard && !ownsIssue(shard, paper, date)) continue;
          const file = join(root, paper, date, 'issue.yml');
          const issue = issueSchema.safeParse(parseYaml(readFileSync(file, 'utf8')));
          // the content collection has reported a bad issue.yml already, with its place
          if (!issue.success) continue;
          for (const page of issue.data.pages) if (page.scan) found.set(page.scan.sha256, page.scan);
        }
        if (found.size === 0) return;
        const started = performance.now();
        let made = 0;
        const missing: string[] = [];
        const queue = [...found.values()];
        const worker = async () => {
          for (let scan = queue.shift(); scan; scan = queue.shift()) {
            let master: string;
            try {
              master = requireScan(scan, store);
            } catch (error) {
              if (!(error instanceof ScanInputError)) throw error;
              missing.push(scan.file);
              continue;
            }
            const images = await makeScanImages(master, scan, { cache });
            if (images.made) made++;
            const words = readPageWords(scan.sha256, store);
            const id = new URL(scanBase(scan.sha256), siteOf(site)).href;
            publishScan(images.dir, join(out, scanKey(scan.sha256)), { path: master, name: `${scan.sha256}.${scan.format}` }, {
              'info.json': `${JSON.stringify(imageInfo(scan, id), null, 2)}\n`,
              ...(words ? { 'words.json': JSON.stringify(clientWords(words)) } : {}),
            });
          }
        };
        await Promise.all([worker(), worker()]);
        logger.info(`${found.size - missing.length} page scans: ${made} tiled now, the rest from the scan image cache, in ${Math.round(performance.now() - started)} ms`);
        if (missing.length > 0) {
          // not an error: a site whose /scans/ is served from object storage builds its pages without the masters
          logger.warn(
            `${missing.length} scans named in issue.yml are not in the scan store ${store} (${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''}): ` +
              'their pages link to /scans/ files this build did not publish. Fetch the store (git lfs pull, or sync it from object storage) or set ARCHIVE_SCAN_DIR, ' +
              "unless the site's /scans/ is served from object storage.",
          );
        }
      },
    },
  };
}
