/**
 * The role words of bylines and photo credits (记者, 通讯员, 摄影, 特约记者, 实习生, 文/图 …),
 * in one place: the importer reads them (scripts/lib/people.ts, layout.ts, parse-page.ts) and
 * the site prints them (src/lib/article-view.ts). Every other rule about role words is derived
 * from the list below, so that adding a word here teaches all of them.
 */

/** What a role word says about the names after it. `other` (编译, 整理) names nobody we cite. */
export type Role = 'reporter' | 'correspondent' | 'photographer' | 'writer-photographer' | 'other';

/** Role words as printed, longest first so that 本报通讯员 wins over 通讯员 and 记者. */
export const ROLE_WORDS: ReadonlyArray<readonly [word: string, role: Role]> = (
  [
    ['文/图', 'writer-photographer'],
    ['文／图', 'writer-photographer'],
    ['图/文', 'writer-photographer'],
    ['图／文', 'writer-photographer'],
    ['文·图', 'writer-photographer'],
    ['图文', 'writer-photographer'],
    ['本报特约通讯员', 'correspondent'],
    ['特约通讯员', 'correspondent'],
    ['本报通讯员', 'correspondent'],
    ['通讯员', 'correspondent'],
    ['本报首席记者', 'reporter'],
    ['本报特约记者', 'reporter'],
    ['本报见习记者', 'reporter'],
    ['本报实习记者', 'reporter'],
    ['融媒体记者', 'reporter'],
    ['全媒体记者', 'reporter'],
    ['本报实习生', 'reporter'],
    ['首席记者', 'reporter'],
    ['特约记者', 'reporter'],
    ['见习记者', 'reporter'],
    ['实习记者', 'reporter'],
    ['摄影记者', 'photographer'],
    ['本报记者', 'reporter'],
    ['新华社记者', 'reporter'],
    ['实习生', 'reporter'],
    ['记者', 'reporter'],
    ['撰稿', 'reporter'],
    ['摄影', 'photographer'],
    ['文/', 'reporter'],
    ['文／', 'reporter'],
    ['图/', 'photographer'],
    ['图／', 'photographer'],
    ['文:', 'reporter'],
    ['文：', 'reporter'],
    ['图:', 'photographer'],
    ['图：', 'photographer'],
    ['摄:', 'photographer'],
    ['摄：', 'photographer'],
    ['编译', 'other'],
    ['整理', 'other'],
  ] as Array<[string, Role]>
).sort((a, b) => b[0].length - a[0].length);

/** How the site prints each role before the names: 本报讯（记者 张婷 通讯员 陈静）. */
export const ROLE_LABELS = {
  reporter: '记者',
  correspondent: '通讯员',
  photographer: '摄影',
  /** After the name of a reporter who also took the photos: 记者 张婷 文/图. */
  'writer-photographer': '文/图',
} as const satisfies Partial<Record<Role, string>>;

/** The role word that `text` starts with (the longest), if any. */
export function roleWordAt(text: string): readonly [word: string, role: Role] | undefined {
  return ROLE_WORDS.find(([word]) => text.startsWith(word));
}

export function isRoleWord(token: string): boolean {
  return ROLE_WORDS.some(([word]) => token === word);
}

/** Where the first role word in `text` starts after `from`, or -1. */
export function nextRoleWord(text: string, from = 0): number {
  let first = -1;
  for (const [word] of ROLE_WORDS) {
    const at = text.indexOf(word, from);
    if (at >= from && (first < 0 || at < first)) first = at;
  }
  return first;
}

export function containsRoleWord(text: string): boolean {
  return nextRoleWord(text) >= 0;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');
const alternation = (words: Iterable<string>) => [...new Set(words)].sort((a, b) => b.length - a.length).map(escape).join('|');

/** Role words spelt in Han characters only: the ones a line break can fall inside. */
const HAN_WORDS = ROLE_WORDS.map(([word]) => word).filter((word) => /^\p{Script=Han}{2,}$/u.test(word));

/**
 * The role words of the newsroom's own people (reporters, correspondents: 记者, 本报通讯员,
 * 实习生, 撰稿 …) as a regular expression source: a bracket that opens with one of them is a
 * byline (…（记者 张婷）), never an aside.
 */
export const STAFF_ROLE = alternation(ROLE_WORDS.filter(([word, role]) => (role === 'reporter' || role === 'correspondent') && HAN_WORDS.includes(word)).map(([word]) => word));

/** Words a line break can split in a byline or credit: the role words, and 摄影报道. */
const BREAKABLE = [...HAN_WORDS, '摄影报道'];

/**
 * The beginnings of role words that are not words themselves (通讯, 本报, 特约, 摄影报 …): a
 * line that ends with one goes on on the next line (…通讯 / 员 陈静). One character is too
 * little to tell (记, 摄 end many lines).
 */
const PARTIAL = new RegExp(
  `(?:${alternation(BREAKABLE.flatMap((word) => [...word].slice(2).map((_, i) => [...word].slice(0, i + 2).join(''))).filter((prefix) => !BREAKABLE.includes(prefix)))})$`,
  'u',
);

/** True when `line` ends inside a role word, so that the next line carries on the byline. */
export function endsInsideRoleWord(line: string): boolean {
  return PARTIAL.test(simplifyRoleChars(line));
}

/** Every way a line break can split a breakable word: [before the break, after it]. */
const SPLITS: Array<readonly [string, string]> = BREAKABLE.flatMap((word) => {
  const chars = [...word];
  return chars.slice(1).map((_, i) => [chars.slice(0, i + 1).join(''), chars.slice(i + 1).join('')] as const);
});

/** True when `left` and `right`, two lines, meet inside a role word (通讯 / 员, 记 / 者, 摄影报 / 道). */
export function splitsRoleWord(left: string, right: string): boolean {
  const l = simplifyRoleChars(left);
  const r = simplifyRoleChars(right);
  return SPLITS.some(([before, after]) => l.endsWith(before) && r.startsWith(after));
}

/** A line break inside a role word, with the spaces around it. */
const BREAK_INSIDE = new RegExp(SPLITS.map(([before, after]) => `(?<=${escape(before)})\\s*\\n\\s*(?=${escape(after)})`).join('|'), 'gu');

/** Join the role words that a line break split (通讯\n员 -> 通讯员, 通訊\n員 too); other breaks stay. */
export function joinSplitRoleWords(text: string): string {
  // the simplified view has the text's positions (one character for one)
  let out = '';
  let last = 0;
  for (const match of simplifyRoleChars(text).matchAll(BREAK_INSIDE)) {
    out += text.slice(last, match.index);
    last = match.index + match[0].length;
  }
  return out + text.slice(last);
}

const ENDS_WITH_ROLE = new RegExp(`(?:${alternation(ROLE_WORDS.map(([word]) => word))})$`, 'u');

/** True when `text` ends with a role word: what follows it is a name (记者 / 张婷). */
export function endsWithRoleWord(text: string): boolean {
  return ENDS_WITH_ROLE.test(text);
}

/**
 * Traditional forms of the characters in role words and datelines (本報訊, 記者, 通訊員, 攝),
 * mapped one to one so that positions in the simplified view are positions in the original.
 */
const TRADITIONAL_ROLE_CHARS: Record<string, string> = {
  報: '报', 訊: '讯', 記: '记', 員: '员', 實: '实', 習: '习', 攝: '摄', 電: '电', 華: '华', 圖: '图', 見: '见', 約: '约', 聞: '闻', 網: '网', 廣: '广', 視: '视', 濟: '济',
};

/** Role words and datelines in simplified characters, position for position. */
export function simplifyRoleChars(text: string): string {
  return text.replace(/[報訊記員實習攝電華圖見約聞網廣視濟]/gu, (ch) => TRADITIONAL_ROLE_CHARS[ch] ?? ch);
}
