import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { PHOTO_FORMATS, widthsFor } from '../lib/photo-sizes.ts';
import { writeFileAtomic } from './write-atomic.ts';

const PHOTO_FILE = /^\d{2,3}-\d+\.jpg$/;

/** Where the responsive sizes are kept between builds: ARCHIVE_CACHE_DIR (default .cache)/photos. */
export function photoStore(): string {
  return resolve(process.env.ARCHIVE_CACHE_DIR ?? '.cache', 'photos');
}

/** Every stored photo of an article under the content folder, sorted. */
export function findPhotos(root: string): string[] {
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
export function publishPhoto(from: string, to: string, original: string): void {
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
