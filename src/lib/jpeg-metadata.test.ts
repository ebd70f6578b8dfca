import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { isJpeg, NotAJpeg, stripJpegMetadata } from './jpeg-metadata.ts';

function segment(marker: number, payload: string): Buffer {
  const body = Buffer.from(payload, 'latin1');
  return Buffer.concat([Buffer.from([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body]);
}

/** A progressive JPEG with EXIF and an ICC profile, plus a comment, an IPTC block and a trailer put in by hand. */
async function jpegWithEverything(): Promise<Buffer> {
  const encoded = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c84' } })
    .composite([{ input: { create: { width: 20, height: 20, channels: 3, background: '#124' } }, left: 5, top: 9 }])
    .jpeg({ quality: 85, progressive: true })
    .withIccProfile('p3')
    .withExif({ IFD0: { Artist: 'Secret Photographer' } })
    .toBuffer();
  return Buffer.concat([encoded.subarray(0, 2), segment(0xfe, 'a comment with a name'), segment(0xed, 'Photoshop 3.0\0IPTC caption'), encoded.subarray(2), Buffer.from('TRAILER-PREVIEW')]);
}

describe('stripJpegMetadata', () => {
  it('drops EXIF, comments, IPTC and what trails the image, keeps the ICC profile and every pixel', async () => {
    const input = await jpegWithEverything();
    const before = await sharp(input).metadata();
    expect(before.exif).toBeDefined();
    const output = Buffer.from(stripJpegMetadata(input));
    for (const secret of ['Secret Photographer', 'a comment with a name', 'IPTC caption', 'TRAILER-PREVIEW']) {
      expect(input.includes(secret)).toBe(true);
      expect(output.includes(secret)).toBe(false);
    }
    const after = await sharp(output).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.icc?.equals(before.icc!)).toBe(true);
    expect(after.isProgressive).toBe(true);
    const [a, b] = await Promise.all([sharp(input).raw().toBuffer(), sharp(output).raw().toBuffer()]);
    expect(b.equals(a)).toBe(true);
    // ends with the end-of-image marker
    expect([...output.subarray(-2)]).toEqual([0xff, 0xd9]);
  });

  it('leaves a JPEG without metadata as it is', async () => {
    const plain = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } }).jpeg().toBuffer();
    expect(Buffer.from(stripJpegMetadata(plain)).equals(plain)).toBe(true);
  });

  it('refuses what is not a JPEG', () => {
    expect(isJpeg(Buffer.from('\x89PNG\r\n', 'latin1'))).toBe(false);
    expect(() => stripJpegMetadata(Buffer.from('%PDF-1.4'))).toThrow(NotAJpeg);
    expect(() => stripJpegMetadata(Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0x40, 0x00, 0x00]))).toThrow(/runs past the end/u);
  });
});
