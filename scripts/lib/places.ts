/**
 * Place names in Chinese news text (锦屏县, 关茅镇, 水城区, 黔西市): two characters and the
 * word for the unit, not 该县, 全市, 小区, 城市, 返乡. Used to tell which article a column of text
 * belongs to, and to set right a place OCR misread in a headline's large type from the text under
 * it, which names it in body type.
 */

const PLACE = /(\p{Script=Han}{2})(?:[县縣镇鎮]|[乡鄉](?![村镇鎮])|[区區市])/gu;

/** Each place named in a text, with where it starts. */
export function placeMatches(text: string): Array<{ place: string; index: number }> {
  const out: Array<{ place: string; index: number }> = [];
  for (const m of text.matchAll(PLACE)) {
    const before = m[1]!.slice(-1);
    if (/[该該全本各此我每]/u.test(before)) continue;
    if (/[乡鄉]$/u.test(m[0]) && /[返下城家故老同还還回入]/u.test(before)) continue;
    // 小区, 社区, 园区; 城市, 超市, 上市 (but 水城区 is a district)
    if (/[区區]$/u.test(m[0]) && /[小社园園景辖轄地山片校街厂廠营營保灾災矿礦牧市县縣]/u.test(before)) continue;
    if (/市$/u.test(m[0]) && /[城超都上股门門菜夜集早开開互]/u.test(before)) continue;
    out.push({ place: m[0], index: m.index });
  }
  return out;
}

/**
 * The places the texts name, as the two characters before 县, 镇, 乡, 区 or 市 with it (锦屏县,
 * 关茅镇, 水城区, 兴义市): what tells one local report from another on the same page. 该县, 全县,
 * 返乡, 乡村, 小区, 社区 and 城市 name none.
 */
export function placesIn(texts: string[]): Set<string> {
  return new Set(texts.flatMap((text) => placeMatches(text).map((m) => m.place)));
}

/** Two place names that differ in one character at most: the same place, one of them misread. */
export function nearlySamePlace(a: string, b: string): boolean {
  const [x, y] = [[...a], [...b]];
  return x.length === y.length && x.filter((ch, i) => ch !== y[i]).length <= 1;
}

/**
 * A place in a headline that the text under it never names, where the text names, at least
 * twice, and no other such, one place of the same kind that differs from it in one character (天岭县 over
 * a report on 关岭县, 西帮区 for 西秀区): OCR misread it in the headline's large type, and the
 * text, in body type, has it right. Only a headline place the dictionary does not know (as a
 * word, or by its name without 县/区…) is changed, and only into one it knows: where the text
 * misreads a place the headline has right (睛隆县 in the text for 晴隆县), nothing changes.
 * Returns the headline set right and the changes made.
 */
export function placesFromText(headline: string, text: string, isWord: (word: string) => boolean): { text: string; changes: Array<{ from: string; to: string }> } {
  const counts = new Map<string, number>();
  for (const { place } of placeMatches(text)) counts.set(place, (counts.get(place) ?? 0) + 1);
  const known = (place: string) => isWord(place) || isWord(place.slice(0, -1));
  const changes: Array<{ from: string; to: string }> = [];
  let out = headline;
  for (const { place } of placeMatches(headline)) {
    if (counts.has(place) || known(place)) continue;
    const unit = place.slice(-1);
    // the text must name it one way only (新清新区 twice and 新给新区 once: the text misreads it too)
    const named = [...counts].filter(([other]) => other !== place && other.slice(-1) === unit && nearlySamePlace(other, place));
    if (named.length !== 1 || named[0]![1] < 2 || !known(named[0]![0])) continue;
    const to = named[0]![0];
    out = out.split(place).join(to);
    changes.push({ from: place, to });
  }
  return { text: out, changes };
}
