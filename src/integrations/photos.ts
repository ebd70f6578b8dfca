import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { contentDir } from '../lib/content-dir.ts';
import { PHOTO_FORMATS, widthsFor } from '../lib/photo-sizes.ts';
import { ownsIssue, parseShard } from '../loaders/shard.ts';
import { writeFileAtomic } from '../../scripts/io/write-atomic.ts';

const PHOTO_FILE = /^\d{2,3}-\d+\.jpg$/;

/** Where the responsive sizes are kept between builds: ARCHIVE_CACHE_DIR (default .cache)/photos. */
export function photoStore(): string {
  return resolve(process.env.ARCHIVE_CACHE_DIR ?? '.cache', 'photos');
}

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
        const worker = async () => {
          for (let file = queue.shift(); file; file = queue.shift()) {
            const { key, encoded: made } = await encodePhotoSizes(file, store);
            encoded += made;
            publish(join(store, key), join(outDir, key), file);
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

function findPhotos(root: string): string[] {
  if (!existsSync(root)) return [];
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (PHOTO_FILE.test(entry.name)) found.push(path);
    }
  };
  walk(root);
  return found.sort();
}

/**
 * Make the missing responsive sizes of one stored photo in the photo store. Returns the photo's
 * key (the first 16 hex digits of its SHA-256, as in the site's URLs) and how many sizes were
 * encoded now (0 when all were there).
 */
export async function encodePhotoSizes(file: string, store = photoStore()): Promise<{ key: string; encoded: number }> {
  const bytes = readFileSync(file);
  const key = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  const cached = join(store, key);
  mkdirSync(cached, { recursive: true });
  // a marker written after the last size: later builds skip the photo without decoding it
  const complete = join(cached, '.complete');
  if (existsSync(complete)) return { key, encoded: 0 };
  const { width } = await sharp(bytes).metadata();
  let encoded = 0;
  for (const format of PHOTO_FORMATS) {
    for (const w of widthsFor(width!)) {
      const path = join(cached, `${w}.${format}`);
      if (existsSync(path)) continue;
      const resized = sharp(bytes).resize({ width: w, withoutEnlargement: true });
      const buffer = format === 'avif' ? await resized.avif({ quality: 50, effort: 2 }).toBuffer() : await resized.webp({ quality: 75 }).toBuffer();
      // an interrupted run never leaves half a file in the store
      writeFileAtomic(path, buffer);
      encoded++;
    }
  }
  writeFileSync(complete, '');
  return { key, encoded };
}

/** Put a photo's sizes and its JPEG into the site: hard links (no copy) where the disk allows. */
function publish(from: string, to: string, original: string): void {
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    if (name.startsWith('.') || name.endsWith('.tmp')) continue;
    place(join(from, name), join(to, name));
  }
  place(original, join(to, 'full.jpg'));
}

function place(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}
