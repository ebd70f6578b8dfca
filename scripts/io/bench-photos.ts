import sharp from 'sharp';
import { createRng } from '../../src/lib/random.ts';
import type { SyntheticPhoto } from '../lib/synthetic.ts';

/**
 * A synthetic camera photo as a JPEG: smooth colour fields with grain, so that it compresses
 * (and costs to decode and resize) like a real photo of the same size, not like flat colour or
 * pure noise. Deterministic for the photo's seed. A photo with orientation 6 is stored on its
 * side with the EXIF tag that tells viewers (and the importer) to turn it upright.
 */
export async function syntheticJpeg(photo: SyntheticPhoto): Promise<Buffer> {
  const rng = createRng(photo.seed);
  const [width, height] = photo.orientation === 6 ? [photo.height, photo.width] : [photo.width, photo.height];
  const sw = 48;
  const sh = Math.max(2, Math.round((48 * height) / width));
  const small = Buffer.alloc(sw * sh * 3);
  for (let i = 0; i < small.length; i++) small[i] = Math.floor(rng() * 256);
  const tile = 256;
  const grain = Buffer.alloc(tile * tile * 3);
  for (let i = 0; i < grain.length; i++) grain[i] = 128 + Math.floor((rng() - 0.5) * 60);
  const base = await sharp(small, { raw: { width: sw, height: sh, channels: 3 } }).resize(width, height, { kernel: 'cubic' }).raw().toBuffer();
  const grainPng = await sharp(grain, { raw: { width: tile, height: tile, channels: 3 } }).png().toBuffer();
  return sharp(base, { raw: { width, height, channels: 3 } })
    .composite([{ input: grainPng, tile: true, blend: 'overlay' }])
    .jpeg({ quality: 88 })
    .withMetadata({ orientation: photo.orientation })
    .toBuffer();
}
