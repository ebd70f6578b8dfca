/**
 * Place names in Chinese news text (锦屏县, 关茅镇, 水城区, 黔西市): two characters and the
 * word for the unit, not 该县, 全市, 小区, 城市, 返乡. Used to tell which article a column of text
 * belongs to, and to set right a place OCR misread: in a headline's large type from the text
 * under it, which names it in body type, and anywhere from the places around the paper.
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

/** A division in the country's tree of places (GB/T 2260: provinces, prefectures, counties). */
export interface Division {
  name: string;
  children?: readonly Division[];
}

/**
 * The county-level places a paper reports on, nearest first: its prefecture's (with the
 * prefecture's own name), then its province's; and every such place of the country, to tell a
 * real place from a misread one. Names as a headline writes them (关岭县 for 关岭布依族苗族自治县,
 * 黔南州), in each script the caller gives (冊亨縣 beside 册亨县).
 */
export interface PlaceRings {
  near: ReadonlyArray<ReadonlySet<string>>;
  all: ReadonlySet<string>;
}

/** The 55 minority nationalities, as autonomous places are named after them (布依族苗族自治县). */
const NATIONALITIES = '蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺';
const AUTONOMOUS = new RegExp(`^(\\p{Script=Han}{2,}?)(?:(?:${NATIONALITIES})族)+自治([县州旗])$`, 'u');

/** 关岭布依族苗族自治县 -> 关岭县, 黔西南布依族苗族自治州 -> 黔西南州; 市辖区 is no place. */
function namesOf(division: Division): string[] {
  if (division.name === '市辖区' || division.name === '县') return [];
  const autonomous = AUTONOMOUS.exec(division.name);
  return autonomous ? [division.name, `${autonomous[1]}${autonomous[2]}`] : [division.name];
}

/**
 * The rings around a paper published at `place` (贵州省都匀市: the province by its name, then the
 * prefecture, or the county whose prefecture it is). `variants` gives a name's other written
 * forms (the traditional one). A place the tree does not know gives the country alone: no
 * headline is then set right, for want of a region to prefer.
 */
export function placeRings(tree: readonly Division[], place: string, variants: (name: string) => string[] = () => []): PlaceRings {
  const spell = (names: string[]) => new Set(names.flatMap((name) => [name, ...variants(name)]));
  const below = (division: Division): Division[] => (division.children ?? []).flatMap((child) => [child, ...below(child)]);
  const all = spell(tree.flatMap((province) => [province, ...below(province)]).flatMap(namesOf));
  const short = (name: string) => name.replace(/(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/u, '');
  const province = tree.find((p) => place.startsWith(short(p.name)));
  if (!province) return { near: [], all };
  const rest = place.slice(place.startsWith(province.name) ? province.name.length : short(province.name).length);
  const prefectures = province.children ?? [];
  // a city under the province directly (北京市's districts) is its own prefecture
  const flat = prefectures.every((p) => (p.children ?? []).length === 0);
  const prefecture = flat
    ? province
    : prefectures.find((p) => rest.startsWith(p.name) || namesOf(p).some((n) => rest.startsWith(n))) ??
      prefectures.find((p) => (p.children ?? []).some((county) => namesOf(county).some((n) => rest.startsWith(n))));
  const provinceRing = spell(below(province).flatMap(namesOf));
  if (!prefecture || prefecture === province) return { near: [provinceRing], all };
  return { near: [spell([prefecture, ...below(prefecture)].flatMap(namesOf)), provinceRing], all };
}

/**
 * A county, district or county-level city that no place of the country is called, and that is
 * one character from exactly one place near the paper (贫安县 in 黔南日报, whose prefecture has
 * 瓮安县; 只西市 for 黔西市): OCR misread it, in a headline's large type or in the text. The
 * prefecture's places are tried first, then the province's; where two are as near, nothing
 * changes. A speck read into the name (納和雍縣, 麻江上县) is dropped. A name the dictionary
 * knows as a word stays, and so does one that is, or may be, the end of a longer place (山湖区
 * in 观山湖区, 花岗区 in 红人花岗区). Returns the text set right and the changes made.
 */
export function placesFromRings(text: string, rings: PlaceRings, isWord: (word: string) => boolean): { text: string; changes: Array<{ from: string; to: string }> } {
  const changes: Array<{ from: string; to: string }> = [];
  let out = text;
  const longer = [...rings.all].filter((name) => name.length > 3);
  for (const { place, index } of placeMatches(text)) {
    if (!/[县縣区區市]$/u.test(place) || rings.all.has(place) || isWord(place)) continue;
    if (changes.some((c) => c.from.endsWith(place))) continue;
    const inLonger = longer.some((name) => {
      if (name.endsWith(place)) return true;
      for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) if (at < index + place.length && at + name.length > index) return true;
      return false;
    });
    if (inLonger) continue;
    // the character before and the name, less one character: a speck read into the name
    const window = index > 0 ? text.slice(index - 1, index + place.length) : '';
    const despecked = [...new Set([...window].map((_, at) => window.slice(0, at) + window.slice(at + 1)))].filter((name) => name.length === place.length && name.endsWith(place.slice(-1)));
    for (const ring of rings.near) {
      const whole = despecked.filter((name) => ring.has(name));
      if (whole.length === 1) {
        out = out.split(window).join(whole[0]!);
        changes.push({ from: window, to: whole[0]! });
        break;
      }
      const near = [...ring].filter((name) => name.length === place.length && name.endsWith(place.slice(-1)) && nearlySamePlace(name, place));
      if (near.length === 0) continue;
      if (near.length === 1) {
        out = out.split(place).join(near[0]!);
        changes.push({ from: place, to: near[0]! });
      }
      break;
    }
  }
  return { text: out, changes };
}
