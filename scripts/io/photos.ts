import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { PreparedPhoto } from '../lib/import-plan.ts';

/** The longest edge a stored photo keeps: enough for a full-screen view on a 4K display. */
export const MAX_EDGE = 2400;

/**
 * Process a photo once, at import: turn it upright by its EXIF orientation, strip all metadata
 * (EXIF, GPS, XMP: sharp keeps none unless asked), convert to sRGB, cap the longest edge at
 * MAX_EDGE and store it as a progressive JPEG. Also makes the tiny blurred placeholder.
 */
export async function preparePhoto(input: Uint8Array | string, itemId: string): Promise<PreparedPhoto> {
  const upright = sharp(input, { failOn: 'error' }).autoOrient();
  const bytes = await upright
    .clone()
    .resize({ width: MAX_EDGE, height: MAX_EDGE, fit: 'inside', withoutEnlargement: true })
    .toColourspace('srgb')
    .jpeg({ quality: 84, mozjpeg: true, progressive: true })
    .toBuffer();
  const { width, height } = await sharp(bytes).metadata();
  const tiny = await sharp(bytes).resize({ width: 16, height: 16, fit: 'inside' }).webp({ quality: 40 }).toBuffer();
  return {
    itemId,
    bytes: new Uint8Array(bytes),
    ext: 'jpg',
    meta: {
      width: width!,
      height: height!,
      placeholder: `data:image/webp;base64,${tiny.toString('base64')}`,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    },
  };
}
