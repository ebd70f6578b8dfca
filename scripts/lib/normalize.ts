/**
 * Character-level clean-up that never changes the number of lines, so that every later
 * problem can name the line of the source file.
 *
 * - CRLF and lone CR become LF.
 * - Zero-width characters (ZWSP, ZWNJ, ZWJ, word joiner, BOM) are removed.
 * - NBSP and the other Unicode spaces become an ASCII space; the ideographic space U+3000 is
 *   kept, because it marks paragraph indents.
 * - Kangxi radicals and CJK radical supplements that OCR engines emit for look-alike
 *   ideographs (⼀ U+2F00) become the ideograph (一 U+4E00).
 * - Full-width ASCII letters and digits (２０２３, ＰＭ) become half-width. Full-width
 *   punctuation is left alone: NFKC would turn ，：；（） into ASCII, which is wrong for Chinese.
 */
export function normalizeSource(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[\u00a0\u1680\u2000-\u200a\u202f\u205f]/g, ' ')
    .replace(/[\u2f00-\u2fd5\u2e80-\u2ef3]/g, (ch) => KANGXI_TO_UNIFIED.get(ch) ?? ch)
    .replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/**
 * Map radicals to the unified ideograph they look like. NFKC has this mapping for the Kangxi
 * block; we apply it per character so that nothing else is folded.
 */
const KANGXI_TO_UNIFIED: Map<string, string> = (() => {
  const map = new Map<string, string>();
  for (let cp = 0x2f00; cp <= 0x2fd5; cp++) {
    const ch = String.fromCodePoint(cp);
    const folded = ch.normalize('NFKC');
    if (folded !== ch) map.set(ch, folded);
  }
  for (let cp = 0x2e80; cp <= 0x2ef3; cp++) {
    const ch = String.fromCodePoint(cp);
    const folded = ch.normalize('NFKC');
    if (folded !== ch) map.set(ch, folded);
  }
  return map;
})();
