import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allTiles, imageInfo, scanSizes, sizeUrl } from '../lib/scan-images.ts';
import { makeScanImages, publishScan } from './scan-images.ts';

/**
 * The tiles and sizes of a scan against the IIIF layout the site and its viewers ask for
 * (src/lib/scan-images.ts): every file the pyramid arithmetic names exists at the pixel size it
 * names, and nothing else; a second run does nothing; publishing links instead of copying.
 */
describe('scan images', () => {
  let dir: string;
  const scan = { sha256: `${'5'.repeat(16)}${'0'.repeat(48)}`, width: 2300, height: 1500 };
  let master: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'scan-images-'));
    master = join(dir, 'master.png');
    await sharp({ create: { width: scan.width, height: scan.height, channels: 3, background: '#ddd' } })
      .composite([{ input: { create: { width: 900, height: 300, channels: 3, background: '#222' } }, left: 100, top: 200 }])
      .toColourspace('b-w')
      .png()
      .toFile(master);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes exactly the tiles and sizes the IIIF description names, at their sizes, greyscale kept', async () => {
    const made = await makeScanImages(master, scan, { cache: join(dir, 'cache'), tile: 512 });
    expect(made.made).toBe(true);
    const files = readdirSync(made.dir, { recursive: true, encoding: 'utf8' }).filter((name) => statSync(join(made.dir, name)).isFile() && !name.startsWith('.'));
    const tiles = allTiles(scan, 512);
    const sizes = scanSizes(scan).map((size) => ({ path: sizeUrl(scan.sha256, size).replace(/^\/scans\/[0-9a-f]+\//u, ''), ...size }));
    expect(files.sort()).toEqual([...tiles.map((tile) => tile.path), ...sizes.map((size) => size.path)].sort());
    expect(made.files).toBe(files.length);
    for (const image of [...tiles, ...sizes]) {
      const meta = await sharp(join(made.dir, image.path)).metadata();
      expect([image.path, meta.width, meta.height, meta.channels]).toEqual([image.path, image.width, image.height, 1]);
    }
    // the description lists the same pyramid: 2300x1500 in 512-px tiles is 5x3, 3x2, 2x1, then 1
    const info = imageInfo(scan, 'https://example.org/scans/x', 512);
    expect(info.tiles).toEqual([{ width: 512, height: 512, scaleFactors: [1, 2, 4, 8] }]);
    expect(info.sizes.map((size) => size.width)).toEqual([288, 400, 800, 1600]);
  });

  it('does nothing for a scan whose images are cached', async () => {
    const first = await makeScanImages(master, scan, { cache: join(dir, 'cache'), tile: 512 });
    expect(first.made).toBe(false);
    expect(first.files).toBeGreaterThan(20);
    expect(readdirSync(join(dir, 'cache')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('publishes by hard links and writes the per-site files', async () => {
    const made = await makeScanImages(master, scan, { cache: join(dir, 'cache'), tile: 512 });
    const out = join(dir, 'site', 'scans', made.key);
    publishScan(made.dir, out, { path: master, name: `${scan.sha256}.png` }, { 'info.json': '{"id":"x"}\n' });
    const tile = allTiles(scan, 512)[0]!.path;
    expect(statSync(join(out, tile)).ino).toBe(statSync(join(made.dir, tile)).ino);
    expect(statSync(join(out, `${scan.sha256}.png`)).ino).toBe(statSync(master).ino);
    expect(readFileSync(join(out, 'info.json'), 'utf8')).toBe('{"id":"x"}\n');
    expect(readdirSync(out).some((name) => name.startsWith('.'))).toBe(false);
  });
});
