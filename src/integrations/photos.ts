import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { contentDir } from '../lib/content-dir.ts';
import { PHOTO_FORMATS, widthsFor } from '../lib/photo-sizes.ts';

const PHOTO_FILE = /^\d{2,3}-\d+\.jpg$/;

/**
 * Serve the archive's photos at responsive sizes. Each size is encoded once per photo and kept
 * in a cache folder outside node_modules (`npm ci` would wipe it), keyed by the photo's
 * checksum; later builds only copy. Photos were already rotated, stripped and capped at import.
 */
export function photos(): AstroIntegration {
  return {
    name: 'archive:photos',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = join(fileURLToPath(dir), 'photos');
        const cacheDir = resolve(process.env.ARCHIVE_CACHE_DIR ?? '.cache', 'photos');
        const files = findPhotos(resolve(contentDir()));
        let encoded = 0;
        const started = performance.now();
        const queue = [...files];
        const worker = async () => {
          for (let file = queue.shift(); file; file = queue.shift()) encoded += await publish(file, cacheDir, outDir);
        };
        await Promise.all([worker(), worker()]);
        if (files.length > 0) {
          logger.info(`${files.length} photos: ${encoded} sizes encoded, the rest from cache, in ${Math.round(performance.now() - started)} ms`);
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

/** Encode the missing sizes of one photo into the cache, then copy all of them to the site. */
async function publish(file: string, cacheDir: string, outDir: string): Promise<number> {
  const bytes = readFileSync(file);
  const key = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  const cached = join(cacheDir, key);
  const target = join(outDir, key);
  mkdirSync(cached, { recursive: true });
  mkdirSync(target, { recursive: true });
  const { width } = await sharp(bytes).metadata();
  let encoded = 0;
  for (const w of widthsFor(width!)) {
    for (const format of PHOTO_FORMATS) {
      const name = `${w}.${format}`;
      const path = join(cached, name);
      if (!existsSync(path)) {
        const resized = sharp(bytes).resize({ width: w, withoutEnlargement: true });
        const buffer = format === 'avif' ? await resized.avif({ quality: 50, effort: 2 }).toBuffer() : await resized.webp({ quality: 75 }).toBuffer();
        // through a temp file, so that an interrupted build never leaves half a file in the cache
        const temp = `${path}.${process.pid}.tmp`;
        writeFileSync(temp, buffer);
        renameSync(temp, path);
        encoded++;
      }
      copyFileSync(path, join(target, name));
    }
  }
  copyFileSync(file, join(target, 'full.jpg'));
  return encoded;
}
