/**
 * Strip a JPEG's metadata without decoding it: the image data stays bit for bit, so a scan
 * delivered as JPEG loses nothing by being stored (a re-encode would add a generation of JPEG
 * loss). Segments are walked as ITU T.81 (Annex B) lays them out: markers FF xx, most followed
 * by a two-byte length; the entropy-coded data after each SOS (start of scan) is copied whole.
 *
 * Dropped: APP1 (Exif, with GPS and the camera, and XMP), APP3-APP13 and APP15 (IPTC,
 * Photoshop, Ducky, ...), COM (comments), and APP2 segments that are not an ICC profile.
 * Kept: APP0 (JFIF), APP2 ICC_PROFILE (the colours mean nothing without it) and APP14 Adobe
 * (it says how to read the colour channels), and every segment that decoding needs. Whatever
 * follows the end-of-image marker (some cameras append a preview there) is dropped too.
 */

const SOI = 0xd8;
const SOS = 0xda;
const COM = 0xfe;

export class NotAJpeg extends Error {}

/** Is this the start of a JPEG file (FF D8 FF)? */
export function isJpeg(bytes: Uint8Array): boolean {
  return bytes.length > 3 && bytes[0] === 0xff && bytes[1] === SOI && bytes[2] === 0xff;
}

function startsWith(bytes: Uint8Array, at: number, ascii: string): boolean {
  for (let i = 0; i < ascii.length; i++) if (bytes[at + i] !== ascii.charCodeAt(i)) return false;
  return true;
}

function keep(marker: number, bytes: Uint8Array, payload: number): boolean {
  if (marker === COM) return false;
  if (marker < 0xe0 || marker > 0xef) return true;
  if (marker === 0xe0) return true;
  if (marker === 0xe2) return startsWith(bytes, payload, 'ICC_PROFILE\0');
  if (marker === 0xee) return startsWith(bytes, payload, 'Adobe');
  return false;
}

/** The JPEG without its metadata segments; throws NotAJpeg when the bytes are not a JPEG. */
export function stripJpegMetadata(bytes: Uint8Array): Uint8Array {
  if (!isJpeg(bytes)) throw new NotAJpeg('not a JPEG file (it does not start with FF D8)');
  const parts: Uint8Array[] = [bytes.subarray(0, 2)];
  let at = 2;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) throw new NotAJpeg(`a JPEG marker was expected at byte ${at}`);
    // fill bytes (FF FF ...) may pad before a marker
    let next = at + 1;
    while (bytes[next] === 0xff) next++;
    const marker = bytes[next];
    if (marker === undefined) throw new NotAJpeg('the file ends inside a marker');
    const payload = next + 3;
    // markers without a length: TEM, RSTn, SOI, EOI
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd9)) {
      parts.push(bytes.subarray(at, next + 1));
      at = next + 1;
      if (marker === 0xd9) break;
      continue;
    }
    const length = ((bytes[next + 1] ?? 0) << 8) | (bytes[next + 2] ?? 0);
    const end = next + 1 + length;
    if (length < 2 || end > bytes.length) throw new NotAJpeg(`the segment at byte ${at} runs past the end of the file`);
    if (marker === SOS) {
      // the scan header and its entropy-coded data, up to the next marker: inside the data an FF
      // is followed by 00 (a stuffed byte) or a restart marker D0-D7
      let data = end;
      while (data < bytes.length && !(bytes[data] === 0xff && bytes[data + 1] !== 0x00 && !(bytes[data + 1]! >= 0xd0 && bytes[data + 1]! <= 0xd7))) data++;
      parts.push(bytes.subarray(at, data));
      at = data;
      continue;
    }
    if (keep(marker, bytes, payload)) parts.push(bytes.subarray(at, end));
    at = end;
  }
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
