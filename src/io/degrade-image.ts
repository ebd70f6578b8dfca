import sharp from 'sharp';
import { applyLightAndNoise, type DegradeParams } from '../lib/ocr-eval/degrade.ts';

/**
 * Turn a rendered page (PNG) into a scan with the given degradation: scale, skew about the
 * centre (the canvas keeps the scaled page's size, white corners filled with paper), blur,
 * paper tone, uneven light, grain, then JPEG (or PNG when `jpegQuality` is null). Greyscale, as
 * most newspaper scans are. Returns the encoded image; the geometry is `ScanTransform` of
 * src/lib/ocr-eval/boxes.ts with the same scale and skew.
 */
export async function degradeImage(png: Buffer, p: DegradeParams): Promise<{ image: Buffer; format: 'png' | 'jpeg'; width: number; height: number }> {
  const meta = await sharp(png).metadata();
  const width = Math.round(meta.width! * p.scale);
  const height = Math.round(meta.height! * p.scale);
  let img = sharp(png).greyscale();
  if (p.scale !== 1) img = img.resize(width, height, { kernel: 'lanczos3' });
  if (p.skewDeg !== 0) {
    const rotated = await img.rotate(p.skewDeg, { background: '#ffffff' }).raw().toBuffer({ resolveWithObject: true });
    const left = Math.round((rotated.info.width - width) / 2);
    const top = Math.round((rotated.info.height - height) / 2);
    img = sharp(rotated.data, { raw: rotated.info }).extract({ left, top, width, height });
  }
  if (p.blur >= 0.3) img = img.blur(p.blur);
  const raw = await img.greyscale().raw().toBuffer({ resolveWithObject: true });
  const channels = raw.info.channels;
  let grey: Uint8Array = raw.data;
  if (channels !== 1) {
    grey = new Uint8Array(width * height);
    for (let i = 0; i < grey.length; i++) grey[i] = raw.data[i * channels]!;
  }
  applyLightAndNoise(grey, width, height, p);
  const out = sharp(grey, { raw: { width, height, channels: 1 } });
  if (p.jpegQuality === null) return { image: await out.png({ compressionLevel: 6 }).toBuffer(), format: 'png', width, height };
  return { image: await out.jpeg({ quality: p.jpegQuality }).toBuffer(), format: 'jpeg', width, height };
}
