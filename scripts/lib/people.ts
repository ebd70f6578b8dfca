import { containsRoleWord, endsInsideRoleWord, isRoleWord, joinSplitRoleWords, nextRoleWord, ROLE_WORDS, roleWordAt, simplifyRoleChars, STAFF_ROLE, type Role } from '../../src/lib/roles.ts';

/**
 * Bylines, datelines and photo credits: who wrote, who reported, who took the photo.
 *
 * 本报讯（记者 张婷）            dateline 本报讯, reporters 张婷
 * 本报讯（记者 刘洋 通讯员 陈静） correspondents 陈静
 * 新华社北京2月5日电（记者 王某） dateline 新华社北京2月5日电
 * 本报记者 吴涛                  a byline on its own line
 * 文/图 本报记者 张三            reporter and photographer
 * （记者 向婧 摄影报道）          a photo credit: photographer 向婧
 */

export interface People {
  reporters: string[];
  correspondents: string[];
  photographers: string[];
}

export function noPeople(): People {
  return { reporters: [], correspondents: [], photographers: [] };
}

export function mergePeople(a: People, b: People): People {
  const merge = (x: string[], y: string[]) => [...new Set([...x, ...y])];
  return {
    reporters: merge(a.reporters, b.reporters),
    correspondents: merge(a.correspondents, b.correspondents),
    photographers: merge(a.photographers, b.photographers),
  };
}

/** A person's name: two to four Han characters, or a transcribed name with a middle dot. */
const NAME = /^(?:\p{Script=Han}{2,4}|\p{Script=Han}{1,8}[·•・]\p{Script=Han}{1,10}(?:[·•・]\p{Script=Han}{1,10})?)$/u;

export function isPersonName(token: string): boolean {
  return NAME.test(token) && !isRoleWord(token) && !NOT_NAMES.has(token);
}

/** Words that look like names by their length but are not. */
const NOT_NAMES = new Set(['报道', '摄影报道', '供图', '提供', '报讯', '本报', '特约', '综合', '整理', '编辑']);

/**
 * Parse a run of role words and names, as found inside 本报讯（…） or on a byline line.
 * Returns null when anything in it is neither a role word nor a name, so that ordinary text
 * is never mistaken for a byline. `known`: the text is a byline by its place (in the brackets
 * after a dateline), so a run of five characters is two names however OCR misread them.
 */
export function parsePeopleList(text: string, defaultRole: Role = 'reporter', known = false): People | null {
  const people = noPeople();
  let role: Role = defaultRole;
  let sawName = false;
  const tokens = tokenize(text);
  if (tokens === null) return null;
  joinBrokenNames(tokens);
  let roleHasNames = false;
  for (const token of tokens) {
    if (token.kind === 'role') {
      // 文/图 本报记者 张三: the title after 文/图 does not take away the photo credit
      const keep = !roleHasNames && token.role === 'reporter' && (role === 'writer-photographer' || role === 'photographer');
      if (!keep) role = token.role;
      roleHasNames = false;
      continue;
    }
    roleHasNames = true;
    for (const name of splitGluedNames(token.text, known)) {
      if (!isPersonName(name)) return null;
      sawName = true;
      if (role === 'reporter') people.reporters.push(name);
      else if (role === 'correspondent') people.correspondents.push(name);
      else if (role === 'photographer') people.photographers.push(name);
      else if (role === 'writer-photographer') {
        people.reporters.push(name);
        people.photographers.push(name);
      }
    }
  }
  return sawName ? people : null;
}

type Token = { kind: 'role'; role: Role } | { kind: 'name'; text: string };

/**
 * A line break or a stray space inside a name leaves one character on its own (曹 / 涵然,
 * 雷春 / 琪通讯员): no name is one character, so it joins the name piece after it, or else the
 * one before it, when the two make a name of at most four characters or two names glued.
 */
function joinBrokenNames(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind !== 'name' || [...token.text].length !== 1) continue;
    const next = tokens[i + 1];
    const previous = tokens[i - 1];
    // ...or, joined to the piece before it, completes the second of two names OCR glued
    // together (彭红丽吴 / 伟通讯员 -> 彭红丽吴伟 -> 彭红丽、吴伟)
    const joined = previous?.kind === 'name' ? previous.text + token.text : '';
    // ...or starts the first of two names OCR glued together (钱 / 琪毛婷丽 -> 钱琪毛婷丽 -> 钱琪、毛婷丽)
    const ahead = next?.kind === 'name' ? token.text + next.text : '';
    if (next?.kind === 'name' && ([...ahead].length <= 4 || splitGluedNames(ahead).length > 1)) next.text = ahead;
    else if (previous?.kind === 'name' && ([...joined].length <= 4 || splitGluedNames(joined).length > 1)) previous.text = joined;
    else continue;
    tokens.splice(i, 1);
    i--;
  }
}

/**
 * Split on spaces, 、，, and role words; null if a piece is not Chinese. A speck OCR reads as a
 * hyphen or an underscore beside a name (通讯员-廖敏) parts like a space.
 */
function tokenize(text: string): Token[] | null {
  const tokens: Token[] = [];
  const pieces = joinSpacedRoleWords(text)
    .replace(/^[□■◎●○◇◆☆★▲△▶|｜\s]+/u, '')
    .split(/[\s、，,;；_~\-－‐]+/u)
    .filter(Boolean);
  for (const piece of pieces) {
    let rest = piece;
    while (rest.length > 0) {
      const view = simplifyRoleChars(rest);
      const role = roleWordAt(view);
      if (role) {
        tokens.push({ kind: 'role', role: role[1] });
        rest = rest.slice(role[0].length);
        continue;
      }
      // a name runs until the next role word: 记者张婷通讯员陈静
      const next = nextRoleWord(view, 1);
      const end = next > 0 ? next : rest.length;
      const name = rest.slice(0, end);
      if (!/^[\p{Script=Han}·•・]+$/u.test(name)) return null;
      tokens.push({ kind: 'name', text: name });
      rest = rest.slice(end);
    }
  }
  return tokens;
}

/**
 * OCR drops the space between two names (张伟陈亮冬, 钱芳雷文). A run of four or five characters
 * splits where a common surname starts the second name (张伟|陈亮冬, 龚明鹏|邓冬), unless the run
 * opens with a two-character surname (欧阳小明 is one name) or four characters open without a
 * surname (次仁罗布); when a surname could start it at either place (江霞|韩丁彬 or 江霞韩|丁彬),
 * the more common surname decides; five that open with a surname and have none inside split
 * three and two (the second surname misread: 邓红波|圳超). Six characters split evenly
 * (王小明李小红). Anything else stays whole and must pass as a name.
 */
function splitGluedNames(token: string, known = false): string[] {
  const chars = [...token];
  if (/[·•・]/u.test(token) || chars.length <= 3) return [token];
  if (chars.length === 6) return [chars.slice(0, 3).join(''), chars.slice(3).join('')];
  if (chars.length > 5 || COMPOUND_SURNAMES.has(chars[0]! + chars[1]!)) return [token];
  // four characters without a surname first are one name (次仁罗布, 阿依古丽)
  if (chars.length === 4 && !SURNAME_RANK.has(chars[0]!)) return [token];
  const rank = (ch: string) => SURNAME_RANK.get(ch) ?? Number.POSITIVE_INFINITY;
  const at2 = rank(chars[2]!);
  const at3 = chars.length === 5 ? rank(chars[3]!) : Number.POSITIVE_INFINITY;
  // five characters opening with a surname are two names even when OCR misread the second
  // surname (邓红波圳超 for 邓红波袁超): a name of three and one of two
  // (not a name and the start of a role word broken at the line's end: 魏丽琪通讯 / 员)
  // (in a byline known by its place, the first surname may be misread too: 部建丹事华 for 郝建丹 袁华)
  if (at2 === Number.POSITIVE_INFINITY && at3 === Number.POSITIVE_INFINITY) return chars.length === 5 && (known || SURNAME_RANK.has(chars[0]!)) && !endsInsideRoleWord(token) ? [chars.slice(0, 3).join(''), chars.slice(3).join('')] : [token];
  const cut = at2 <= at3 ? 2 : 3;
  return [chars.slice(0, cut).join(''), chars.slice(cut).join('')];
}

/** The most common Chinese surnames, most common first (simplified), with the traditional forms papers print. */
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩邓冯曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向常汤康易乔赖文施洪辛柯庄';
const TRADITIONAL_SURNAMES: Record<string, string> = { 张: '張', 刘: '劉', 陈: '陳', 杨: '楊', 黄: '黃', 赵: '趙', 吴: '吳', 孙: '孫', 马: '馬', 罗: '羅', 郑: '鄭', 谢: '謝', 许: '許', 韩: '韓', 邓: '鄧', 冯: '馮', 肖: '蕭', 叶: '葉', 苏: '蘇', 吕: '呂', 卢: '盧', 钟: '鍾', 谭: '譚', 陆: '陸', 韦: '韋', 贾: '賈', 邹: '鄒', 闫: '閆', 龙: '龍', 贺: '賀', 顾: '顧', 龚: '龔', 万: '萬', 钱: '錢', 严: '嚴', 欧: '歐', 汤: '湯', 乔: '喬', 赖: '賴', 庄: '莊', 余: '餘' };
const SURNAME_RANK = new Map<string, number>([...SURNAMES].flatMap((ch, i): Array<[string, number]> => (TRADITIONAL_SURNAMES[ch] ? [[ch, i], [TRADITIONAL_SURNAMES[ch]!, i]] : [[ch, i]])));
// 钟 is also printed 鐘 in traditional type
SURNAME_RANK.set('鐘', SURNAME_RANK.get('钟')!);

/** Two-character surnames: a name that opens with one is four characters long as often as not. */
const COMPOUND_SURNAMES = new Set(['欧阳', '歐陽', '司马', '司馬', '上官', '诸葛', '諸葛', '东方', '東方', '皇甫', '尉迟', '尉遲', '公孙', '公孫', '慕容', '令狐', '长孙', '長孫', '宇文', '司徒', '夏侯', '轩辕', '軒轅', '端木', '独孤', '獨孤', '南宫', '南宮', '西门', '西門', '呼延', '闻人', '聞人', '澹台', '澹臺', '申屠', '太史', '钟离', '鍾離', '赫连', '赫連', '司空', '百里']);

export interface LeadingByline {
  dateline: string | null;
  people: People;
  /** The text after the dateline and byline. */
  rest: string;
}

/**
 * The dateline and byline that open a report: 本报讯（记者 张婷）2022年…,
 * 新华社北京2月5日电（记者 王某）…, 本报讯 近日…. Null when the text opens with neither.
 */
export function parseLeadingByline(text: string): LeadingByline | null {
  let trimmed = text.replace(/^[□■◎●\s]+/u, '');
  // a speck read as a quote or a stroke before the dateline (“本報訊(記者蔡林)): dropped when a dateline follows
  const stray = /^[“”"'‘’「」『』`^~.,，。、·|｜_\-]{1,2}\s*/u.exec(trimmed);
  if (stray && DATELINE.test(simplifyRoleChars(trimmed.slice(stray[0].length)))) trimmed = trimmed.slice(stray[0].length);
  const match = DATELINE.exec(simplifyRoleChars(trimmed));
  // the dateline as printed (本報訊 stays traditional); the match ran on a simplified view
  const dateline = match ? ([trimmed.slice(0, match[0].length), trimmed.slice(0, match[1]!.length)] as const) : null;
  if (dateline) {
    const after = trimmed.slice(dateline[0].length).replace(/^\s+/u, '');
    const paren = bracketedByline(after);
    if (paren) {
      const people = parsePeopleList(mendLineBreaks(paren.inner), 'reporter', true);
      if (people) return { dateline: dateline[1]!.replace(/\s+/g, ''), people, rest: after.slice(paren.length) };
    }
    // 本报讯 记者 张婷 报道：… — the byline without brackets
    const bare = BARE_BYLINE.exec(simplifyRoleChars(after));
    if (bare) {
      const people = parsePeopleList(mendLineBreaks(after.slice(0, bare[1]!.length)));
      if (people) return { dateline: dateline[1]!.replace(/\s+/g, ''), people, rest: after.slice(bare[0].length) };
    }
    return { dateline: dateline[1]!.replace(/\s+/g, ''), people: noPeople(), rest: after.replace(/^[：:，,]\s*/u, '') };
  }
  // 记者 张婷 报道 / （记者 张婷）at the very start, without a dateline
  const paren = /^[（(〈]([^）)〉]{1,60})[）)〉]\s*/u.exec(trimmed);
  if (paren && STAFF_ROLE_INSIDE.test(simplifyRoleChars(mendLineBreaks(paren[1]!)))) {
    const people = parsePeopleList(mendLineBreaks(paren[1]!));
    if (people) return { dateline: null, people, rest: trimmed.slice(paren[0].length) };
  }
  return null;
}

/** What OCR reads the opening bracket of a byline or a credit as: itself, a look-alike, or a quotation mark (本报讯“记者 薛欣…）). */
export const BYLINE_OPENS = '（(〈<《【\\[［〔“"「『';
/** ...and the closing one. */
export const BYLINE_CLOSES = '）)〉>》】\\]］〕';
const OPENED_BYLINE = new RegExp(`^[${BYLINE_OPENS}]{1,2}([^${BYLINE_CLOSES}（(]{1,60})[${BYLINE_CLOSES}]\\s*`, 'u');
/** 本報訊(記者鄭丁2022年…: the closing bracket lost, the names end where the report's first figure starts. */
const UNCLOSED_BYLINE = new RegExp(`^[${BYLINE_OPENS}]{1,2}([\\p{Script=Han}\\s、]{2,40}?)\\s*(?=\\d)`, 'u');
const OPENING_BRACKET = new RegExp(`^\\s*[${BYLINE_OPENS}]?\\s*`, 'u');

/**
 * The bracketed byline right after a dateline: （记者 张婷）. OCR misreads the opening bracket
 * (〈 《 【 [ “, or two of them: 〈《) or loses it (本报讯 记者 孙伟 通讯员 刘霞）…): without one, a
 * staff role word must open the text and a closing bracket follow within a few names. A lost
 * closing bracket ends the byline at the report's first figure (本報訊(記者鄭丁2022年…).
 */
function bracketedByline(after: string): { inner: string; length: number } | null {
  const opened = OPENED_BYLINE.exec(after);
  if (opened) return { inner: opened[1]!, length: opened[0].length };
  const unclosed = UNCLOSED_BYLINE.exec(after);
  if (unclosed && STAFF_ROLE_START.test(simplifyRoleChars(joinSpacedRoleWords(unclosed[1]!)))) return { inner: unclosed[1]!, length: unclosed[0].length };
  if (!STAFF_ROLE_START.test(simplifyRoleChars(joinSpacedRoleWords(after)))) return null;
  const lost = /^([^（()）〉》】<>]{2,40})[）)〉》】]\s*/u.exec(after);
  return lost ? { inner: lost[1]!, length: lost[0].length } : null;
}

const STAFF_ROLE_START = new RegExp(`^(?:${STAFF_ROLE})`, 'u');

/**
 * Role words spelt in Han characters, each allowing spaces between its characters: a column
 * wrap or Tesseract's character spacing leaves 通讯 员, 记 者, 摄 影 inside a byline.
 */
const SPACED_ROLE = new RegExp(
  ROLE_WORDS.map(([word]) => word)
    .filter((word) => /^\p{Script=Han}{2,}$/u.test(word))
    .map((word) => [...word].join('[ \\t\u3000]*'))
    .join('|'),
  'gu',
);

/** 记者 李强 通讯 员 王芳 -> 记者 李强 通讯员 王芳: only inside a byline or credit, where a role word is expected. */
export function joinSpacedRoleWords(text: string): string {
  return text.replace(SPACED_ROLE, (word) => word.replace(/[ \t\u3000]+/gu, ''));
}

/**
 * A line that opens a report with a byline whose opening bracket OCR lost and whose closing
 * bracket is on the next line: 本报讯 记者 孙伟 通讯员 刘 / 霞）近日…: the lines belong together.
 */
export function bylineRunsOn(line: string, next: string): boolean {
  const view = simplifyRoleChars(joinSpacedRoleWords(line.trim()));
  const dateline = DATELINE.exec(view);
  if (!dateline) return false;
  const after = view.slice(dateline[0].length).replace(OPENING_BRACKET, '');
  if (!STAFF_ROLE_START.test(after) || /[）)〉>》】\]］〕，。；：！？,;:!?]/u.test(after)) return false;
  return /^[\s\p{Script=Han}·]{1,12}[）)〉>》】\]］〕]/u.test(next.trim());
}

/** 本报讯 记者 张婷 报道：… — the byline after a dateline, without brackets. */
const BARE_BYLINE = new RegExp(`^((?:${STAFF_ROLE})[\\s\\p{Script=Han}、]{2,30}?)\\s*报道\\s*[：:，,]?\\s*`, 'u');

const STAFF_ROLE_INSIDE = new RegExp(STAFF_ROLE, 'u');

/**
 * A byline broken across lines: a role word split by the break joins up (通讯 / 员 -> 通讯员);
 * any other break separates names like a space.
 */
export function mendLineBreaks(text: string): string {
  return (
    joinSplitRoleWords(text)
      // a name is at least two characters: a single character on either side of the break is half a name (陈 / 静)
      .replace(/(?<=(?:^|[\s（(、，])\p{Script=Han})\s*\n\s*(?=\p{Script=Han})|(?<=\p{Script=Han})\s*\n\s*(?=\p{Script=Han}(?:$|[\s）)、，]))/gu, '')
      .replace(/\s*\n\s*/gu, ' ')
  );
}

/**
 * 本报讯, 本报北京1月16日讯, 新华社北京2月5日电, 中新网1月5日电, 人民网贵阳1月3日电.
 * The place and date part is short and has no punctuation.
 */
const DATELINE =
  /^(本\s?报\s?讯|本报[\p{Script=Han}\d]{1,12}?讯|(?:新华社|中新社|中新网|人民网|新华网|央视网|央广网|中国新闻社|本报|据新华社)[\p{Script=Han}\d\s]{0,16}?电)/u;

/**
 * The mark before a byline (□ ■ ◎ ●) is often read by OCR as a character that looks like a box
 * or a ring (国 回 口 囗 图 @ O): one such sign glued to a staff role word is dropped.
 */
export function dropMisreadMark(text: string): string {
  const mark = /^[□■◎●○◇◆☆★▲△▶|｜国回口囗困图圖@©®O0o〇]{1,3}\s*/u.exec(text);
  if (!mark) return text;
  const rest = text.slice(mark[0].length);
  return STAFF_ROLE_START.test(simplifyRoleChars(rest)) ? rest : text;
}

/**
 * A byline line whose mark OCR read as some other characters (加记者 郝军伟, 人@O 本报记者 陆涛):
 * when the line is a byline without at most three of them and could not be one with them, they
 * were the mark.
 */
function dropUnknownMark(text: string): string | null {
  const chars = [...text];
  for (let length = 1; length <= 3 && length < chars.length; length++) {
    if (/\s/u.test(chars[length - 1]!)) break;
    const rest = chars.slice(length).join('').trimStart();
    if (STAFF_ROLE_START.test(simplifyRoleChars(rest))) return rest;
  }
  return null;
}

/**
 * The mark read as one or two characters glued to the role word that opens a byline line (上器记者
 * 谭芳梅, 上口本报记者 谭燕婷 for ■记者, □本报记者), perhaps with 本 misread too (图未报记者 杨棉):
 * a name is never set glued before 记者, nor ends in 报.
 */
function dropGluedMark(text: string): string {
  // and 本 of 本报 misread with it (图未报记者 杨棉, 国术报记者 顾雪, 口未报记者 付俏丽)
  const benbao = /^\p{Script=Han}{0,2}?[未术末木朱](?=报(?:记者|通讯员))/u.exec(simplifyRoleChars(text));
  if (benbao) return `本${text.slice(benbao[0].length)}`;
  const mark = /^\p{Script=Han}{1,2}(?=\S)/u.exec(text);
  if (!mark) return text;
  const rest = text.slice(mark[0].length);
  return /^(?:本报)?记者/u.test(simplifyRoleChars(rest)) && !STAFF_ROLE_START.test(simplifyRoleChars(text)) ? rest : text;
}

/** A whole line that is only a byline: 本报记者 吴涛, □记者 张三 通讯员 李四, 文/图 王五. */
export function parseBylineLine(text: string): People | null {
  const trimmed = dropGluedMark(dropMisreadMark(text.trim()));
  if (trimmed.length > 50 || /[。！？]/u.test(trimmed)) return null;
  // the byline must name a role; two bare names are more likely a headline fragment
  if (!containsRoleWord(simplifyRoleChars(trimmed))) return null;
  // 本报讯 记者 杨丁晨 通讯员 雷浪 / 婷）…: a dateline opens a report, whose byline lost its bracket
  const dateline = DATELINE.exec(simplifyRoleChars(trimmed));
  if (dateline && !containsRoleWord(dateline[0])) return null;
  const inner = /^[（(〈]([^）)〉]+)[）)〉]$/u.exec(trimmed)?.[1] ?? trimmed;
  if (/摄$|摄影报道$|供图$/u.test(inner)) return null;
  const people = parsePeopleList(inner);
  if (people || inner !== trimmed) return people;
  const unmarked = dropUnknownMark(trimmed);
  return unmarked === null ? null : parsePeopleList(unmarked);
}

export interface Credit {
  /** The credit as printed, with full-width brackets: （记者 向婧 摄影报道）. */
  text: string;
  people: People;
}

/**
 * A photo credit: （记者 一丁 摄）, （张浪 摄）, （通讯员 罗军 龙飞 摄）, （记者 向婧 摄影报道）,
 * 本报记者 王五 摄, （图片由遵义市文明办提供）, its brackets as OCR reads them (《记者 向婧
 * 摄影报道), the closing one perhaps lost. Everyone named is a photographer.
 */
export function parseCredit(text: string): Credit | null {
  const trimmed = text.trim().replace(/\s+/gu, ' ');
  if (trimmed.length > 60) return null;
  // the brackets as OCR reads them (《记者 向婧 摄影报道), the closing one sometimes lost
  const inner = new RegExp(`^[${BYLINE_OPENS}]{1,2}\\s*(.+?)\\s*(?:[${BYLINE_CLOSES}]|(?<=摄|摄影|摄影报道|攝|攝影|攝影報道))$`, 'u').exec(trimmed)?.[1] ?? trimmed;
  const supplied = /^(?:图片)?由\s*(.{2,30}?)\s*提供$|^(.{2,30}?)\s*供图$/u.exec(inner);
  if (supplied) {
    const names = parsePeopleList(supplied[1] ?? supplied[2] ?? '', 'photographer');
    return { text: `（${inner}）`, people: names ?? noPeople() };
  }
  const taken = /^(.+?)\s*(?:摄影报道|摄影|摄|拍摄)$/u.exec(simplifyRoleChars(inner));
  if (!taken) return null;
  const people = parsePeopleList(inner.slice(0, taken[1]!.length), 'photographer');
  if (!people) return null;
  const photographers = [...people.reporters, ...people.correspondents, ...people.photographers];
  return {
    text: `（${inner}）`,
    people: { reporters: [], correspondents: [], photographers: [...new Set(photographers)] },
  };
}
