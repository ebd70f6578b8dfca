/**
 * Which characters a traditional-to-simplified conversion would change, as a bitmap over CJK
 * Extension A and the Unified Ideographs (U+3400-U+9FFF), base64: about 4.6 KB in the search
 * page. The page loads the converter itself (opencc-js t2cn, about 52 KB gzip) only when a query
 * holds such a character.
 */
const FIRST = 0x3400;
const LAST = 0x9fff;

/** Build the table with a converter (at build time, in Node). */
export function traditionalTable(convert: (text: string) => string): string {
  const bits = new Uint8Array(Math.ceil((LAST - FIRST + 1) / 8));
  for (let cp = FIRST; cp <= LAST; cp++) {
    const ch = String.fromCodePoint(cp);
    if (convert(ch) !== ch) bits[(cp - FIRST) >> 3]! |= 1 << ((cp - FIRST) & 7);
  }
  let binary = '';
  for (const byte of bits) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** A reader for a table: does the text hold a character that conversion may change? */
export function traditionalTest(table: string): (text: string) => boolean {
  const binary = atob(table);
  return (text) => {
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (cp < FIRST || cp > LAST) continue;
      if (binary.charCodeAt((cp - FIRST) >> 3) & (1 << ((cp - FIRST) & 7))) return true;
    }
    return false;
  };
}
