import type { AstroIntegration } from 'astro';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentDir } from '../lib/content-dir.ts';
import { progress } from '../lib/progress.ts';
import { ownsIssue, parseShard } from '../lib/shard-plan.ts';
import { encodePhotoSizes, findPhotos, photoStore, publishPhoto } from '../io/photo-store.ts';

/**
 * Serve the archive's photos at responsive sizes. Each size is encoded once per photo into the
 * photo store, keyed by the photo's checksum: by the import (`encodePhotoSizes`, so that builds
 * never encode) or, for a photo whose sizes are missing (a fresh clone), by the first build that
 * needs it. Builds then only link the files into the site. Photos were already rotated,
 * stripped and capped at import. A shard build (ARCHIVE_SHARD) publishes its own issues' photos.
 */
export function photos(): AstroIntegration {
  return {
    name: 'archive:photos',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = join(fileURLToPath(dir), 'photos');
        const store = photoStore();
        const root = resolve(contentDir());
        const shard = parseShard(process.env.ARCHIVE_SHARD);
        const files = findPhotos(root).filter((file) => {
          if (!shard) return true;
          const [paper, date] = relative(root, file).split(sep);
          return ownsIssue(shard, paper!, date!);
        });
        let encoded = 0;
        const started = performance.now();
        const queue = [...files];
        const counter = progress({ label: 'photos', total: files.length, say: (line) => logger.info(line) });
        const worker = async () => {
          for (let file = queue.shift(); file; file = queue.shift()) {
            const { key, encoded: made } = await encodePhotoSizes(file, store);
            encoded += made;
            publishPhoto(join(store, key), join(outDir, key), file);
            counter.tick();
          }
        };
        await Promise.all([worker(), worker()]);
        if (files.length > 0) {
          logger.info(`${files.length} photos: ${encoded} sizes encoded, the rest from the photo store, in ${Math.round(performance.now() - started)} ms`);
        }
      },
    },
  };
}

