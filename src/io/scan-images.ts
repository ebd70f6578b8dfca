import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import sharp from 'sharp';
import { SCAN_JPEG_QUALITY, SCAN_TILE, scanKey, scanSizes } from '../lib/scan-images.ts';
import type { Scan } from '../schemas/scan.ts';
import { writeFileAtomic } from './write-atomic.ts';

/**
 * The files a scan is shown with (src/lib/scan-images.ts): made once per scan from its master
 * and kept in the scan image cache, ARCHIVE_CACHE_DIR (default .cache)/scans/<key>/, as photo
 * sizes are; builds only link them into the site. They can always be made again from the
 * master, so the cache is not part of the archive.
 */
export function scanImageCache(): string {
  return resolve(process.env.ARCHIVE_CACHE_DIR ?? '.cache', 'scans');
}

export interface MadeImages {
  key: string;
  /** The cached folder of the scan's tiles and sizes. */
  dir: string;
  /** False when everything was in the cache already. */
  made: boolean;
  files: number;
  bytes: number;
  ms: number;
}

const COMPLETE = '.complete';

/**
 * Make the tiles and sizes of one scan, unless the cache has them. They are written into a
 * folder of their own and renamed into place when complete, so that an interrupted build leaves
 * nothing half made. `tile` and `quality` are for measuring other choices.
 */
export async function makeScanImages(
  master: string,
  scan: Pick<Scan, 'sha256' | 'width' | 'height'>,
  options: { cache?: string; tile?: number; quality?: number } = {},
): Promise<MadeImages> {
  const cache = options.cache ?? scanImageCache();
  const key = scanKey(scan.sha256);
  const dir = join(cache, key);
  if (existsSync(join(dir, COMPLETE))) return { key, dir, made: false, ...count(dir), ms: 0 };
  const started = performance.now();
  const temp = `${dir}.${process.pid}.tmp`;
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp, { recursive: true });
  try {
    const tile = options.tile ?? SCAN_TILE;
    const quality = options.quality ?? SCAN_JPEG_QUALITY;
    const { channels } = await sharp(master, { limitInputPixels: false }).metadata();
    const grey = channels === 1 || channels === 2;
    const jpeg = { quality, mozjpeg: true } as const;
    // dzsave writes the IIIF 3 layout into <temp>/t/; its info.json is replaced by ours when published
    // without the explicit colourspace libvips writes a greyscale page's tiles as three channels
    let tiles = sharp(master, { limitInputPixels: false });
    if (grey) tiles = tiles.toColourspace('b-w');
    await tiles.jpeg(jpeg).tile({ layout: 'iiif3', size: tile, overlap: 0, id: 'https://example.invalid' }).toFile(join(temp, 't'));
    for (const name of readdirSync(join(temp, 't'))) renameSync(join(temp, 't', name), join(temp, name));
    rmSync(join(temp, 't'), { recursive: true });
    // ours is written per site (its id is the site's address); libvips' own property list is not served
    rmSync(join(temp, 'info.json'), { force: true });
    rmSync(join(temp, 'vips-properties.xml'), { force: true });
    for (const size of scanSizes(scan)) {
      const path = join(temp, 'full', `${size.width},${size.height}`, '0', 'default.jpg');
      mkdirSync(dirname(path), { recursive: true });
      let resized = sharp(master, { limitInputPixels: false }).resize({ width: size.width, height: size.height, fit: 'fill' });
      if (grey) resized = resized.toColourspace('b-w');
      await resized.jpeg({ ...jpeg, progressive: true }).toFile(path);
    }
    writeFileSync(join(temp, COMPLETE), '');
    rmSync(dir, { recursive: true, force: true });
    renameSync(temp, dir);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
  return { key, dir, made: true, ...count(dir), ms: performance.now() - started };
}

function count(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (name.split(/[\\/]/u).some((part) => part.startsWith('.'))) continue;
    const stat = statSync(join(dir, name));
    if (stat.isFile()) {
      files++;
      bytes += stat.size;
    }
  }
  return { files, bytes };
}

/**
 * Put a scan into the site: its cached tiles and sizes and its master as hard links (copies
 * where the disk does not allow links), and the files made for this site (info.json with the
 * site's address, words.json) written.
 */
export function publishScan(from: string, to: string, master: { path: string; name: string }, written: Record<string, string>): void {
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from, { recursive: true, encoding: 'utf8' })) {
    if (name.split(/[\\/]/u).some((part) => part.startsWith('.'))) continue;
    const source = join(from, name);
    if (statSync(source).isDirectory()) mkdirSync(join(to, name), { recursive: true });
    else place(source, join(to, name));
  }
  place(master.path, join(to, master.name));
  for (const [name, body] of Object.entries(written)) writeFileAtomic(join(to, name), body);
}

function place(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}
