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

/**
 * Some engines (Tesseract's chi_sim among them) put a space between every Chinese character:
 * 本 报 讯 ( 记 者 张 婷 ). In such a line single spaces between Han characters are removed,
 * so that bylines, headers and headlines read as printed; a run of two or more spaces, which
 * separates fields or headline parts, becomes one space. Other lines are returned unchanged.
 */
export function collapseCharSpacing(line: string): string {
  const chars = [...line];
  const isHan = (ch: string | undefined) => ch !== undefined && /\p{Script=Han}/u.test(ch);
  const single = (i: number) => chars[i] === ' ' && chars[i - 1] !== ' ' && chars[i + 1] !== ' ';
  // neighbouring Han characters: written together, or apart by exactly one space
  let tight = 0;
  let apart = 0;
  chars.forEach((ch, i) => {
    if (!isHan(ch)) return;
    if (isHan(chars[i + 1])) tight++;
    else if (single(i + 1) && isHan(chars[i + 2])) apart++;
  });
  if (apart < 3 || tight > apart * 0.1) return line;
  const joinable = /[\p{Script=Han}\d（）()，。、：；“”,.:;!?]/u;
  return chars
    .map((ch, i) => {
      if (!single(i)) return ch;
      const before = chars[i - 1] ?? '';
      const after = chars[i + 1] ?? '';
      const digits = /\d/u.test(before) && /\d/u.test(after);
      return joinable.test(before) && joinable.test(after) && !digits ? '' : ch;
    })
    .join('')
    .replace(/ {2,}/gu, ' ');
}
