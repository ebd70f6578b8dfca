import chardet from 'chardet';

/** The encodings the importer reads. Labels are WHATWG encoding names for `TextDecoder`. */
export type SourceEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

export type DecodeResult =
  | { ok: true; text: string; encoding: SourceEncoding }
  | { ok: false; code: 'binary' | 'unknown-encoding' | 'empty'; message: string; hint: string; line?: number };

/**
 * Turn the bytes of an OCR text file into a string.
 *
 * UTF-8 (with or without BOM) and UTF-16 with a BOM are read directly. Anything else is
 * detected with chardet and decoded as GB18030 (a superset of GBK and GB2312, so rare
 * characters survive) or Big5. Files that look like binary data are refused.
 */
export function decodeBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) {
    return { ok: false, code: 'empty', message: 'the file is empty', hint: 'export the OCR text again; the file has no bytes' };
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return withoutNul(decodeWith('utf-8', bytes.subarray(3)));
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return withoutNul(decodeWith('utf-16le', bytes.subarray(2)));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return withoutNul(decodeWith('utf-16be', bytes.subarray(2)));

  // a NUL byte anywhere (UTF-16 without a BOM included, which we do not guess) means binary data
  const nul = bytes.indexOf(0);
  // the line helps when a text file is damaged further down; a binary file's "line" means nothing
  if (nul !== -1) return binary(nul === 0 || looksBinary(bytes.subarray(0, nul)) ? undefined : lineAt(bytes, nul));
  if (looksBinary(bytes)) return binary();

  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== null) return { ok: true, text: utf8, encoding: 'utf-8' };

  const guessed = mapChardet(chardet.detect(bytes));
  const candidates: SourceEncoding[] = guessed ? [guessed, 'gb18030', 'big5'] : ['gb18030', 'big5'];
  for (const encoding of candidates) {
    const text = tryDecode(encoding, bytes);
    if (text !== null && !hasControlNoise(text)) return { ok: true, text, encoding };
  }
  return {
    ok: false,
    code: 'unknown-encoding',
    message: 'the text is not UTF-8, UTF-16, GB18030 or Big5',
    hint: 'convert the file to UTF-8 (for example `iconv -f <encoding> -t UTF-8 page.txt`) and import it again',
  };
}

function binary(line?: number): DecodeResult {
  return {
    ok: false,
    code: 'binary',
    message: line === undefined ? 'the file holds binary data, not text' : `the file holds binary data, not text (a NUL byte on line ${line})`,
    hint: 'pass the OCR text export (.txt), not the scan image or a PDF; if only part of the file is damaged, export it again',
    ...(line !== undefined ? { line } : {}),
  };
}

/** The 1-based line of a byte offset (lines end with LF in every encoding we read without a BOM). */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < offset; i = bytes.indexOf(0x0a, i + 1)) line++;
  return line;
}

/** A decoded text with U+0000 in it is binary data too. */
function withoutNul(result: DecodeResult): DecodeResult {
  if (!result.ok) return result;
  const index = result.text.indexOf('\u0000');
  return index === -1 ? result : binary(result.text.slice(0, index).split('\n').length);
}

function decodeWith(encoding: SourceEncoding, bytes: Uint8Array): DecodeResult {
  const text = tryDecode(encoding, bytes);
  if (text === null) {
    return {
      ok: false,
      code: 'unknown-encoding',
      message: `the file starts with a ${encoding.toUpperCase()} byte-order mark but is not valid ${encoding.toUpperCase()}`,
      hint: 'export the OCR text again as UTF-8',
    };
  }
  return { ok: true, text, encoding };
}

function tryDecode(encoding: SourceEncoding, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function mapChardet(label: string | null): SourceEncoding | null {
  switch ((label ?? '').toUpperCase()) {
    case 'GB18030':
    case 'GBK':
    case 'GB2312':
      return 'gb18030';
    case 'BIG5':
      return 'big5';
    case 'UTF-16LE':
      return 'utf-16le';
    case 'UTF-16BE':
      return 'utf-16be';
    default:
      return null;
  }
}

/** Many C0 control bytes mean this is not a text file in any encoding we read. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let controls = 0;
  for (const byte of sample) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) controls++;
  }
  return controls > sample.length * 0.01;
}

function hasControlNoise(text: string): boolean {
  let noise = 0;
  for (const ch of text.slice(0, 4096)) {
    const cp = ch.codePointAt(0)!;
    if ((cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) || (cp >= 0xe000 && cp <= 0xf8ff)) noise++;
  }
  return noise > 2;
}
