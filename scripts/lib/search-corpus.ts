import type { SearchSource } from '../../src/lib/search/records.ts';

/**
 * Synthetic articles for the search evaluation: words drawn from a frequency lexicon (jieba's
 * dictionary, passed in) so that characters occur about as often as in Chinese prose, with the
 * names, places, numbers and Latin strings of the evaluation queries, and near misses of them
 * (76万 beside 7.6万, 红花 岗 beside 红花岗区), sprinkled in at known rates. Deterministic for a
 * seed. Only search sources are made: the evaluation needs no site pages for them.
 *
 * The planted strings replace a word at `plantRate` (default 0.0006: each of them ends up in
 * about 2 % of the articles, about as often as a district's name or a campaign's slogan in a
 * regional paper; 0.006, the rate used before, put each in about 17 %). Near misses replace a
 * word at 0.002 and numbers at 0.01 either way; reporters' names also come in the bylines.
 */
export interface Lexicon {
  words: readonly string[];
  /** Cumulative weights, same length as `words`. */
  cumulative: readonly number[];
}

export function lexiconFrom(entries: Iterable<[word: string, weight: number]>): Lexicon {
  const words: string[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (const [word, weight] of entries) {
    if (!/^\p{Script=Han}+$/u.test(word) || !(weight > 0)) continue;
    total += weight;
    words.push(word);
    cumulative.push(total);
  }
  return { words, cumulative };
}

/** xorshift32: small, fast and the same everywhere. */
export function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
}

function pickWord(lexicon: Lexicon, rnd: () => number): string {
  const x = rnd() * lexicon.cumulative[lexicon.cumulative.length - 1]!;
  let lo = 0;
  let hi = lexicon.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lexicon.cumulative[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lexicon.words[lo]!;
}

const pick = <T>(items: readonly T[], rnd: () => number): T => items[Math.floor(rnd() * items.length)]!;

/** Strings the evaluation searches for, and near misses that must not match them. */
export const PLANTED = [
  '张婷', '一丁', '红花岗区', '仁怀市', '新蒲新区', '2022年', '7.6万', '5G', 'PM2.5', '志愿服务', '疫情防控',
  '文明实践', '新时代文明实践中心', '“文明实践·新蒲有约”', '乡村振兴', '遵义市', 'APP', '90%', '30余个',
];
export const NEAR_MISSES = ['76万', '7.61万', '5GB', 'PM25', 'PM 2.5', '红花 岗区', '张 婷', '张亭', '仁怀', '红花岗', '一丁点', '張婷', '誌願服務', '2021年', 'New  York', 'newyork'];

const PAPERS = ['遵义日报', '贵州日报', '黔北晨报'];
const SECTIONS = ['要闻', '综合', '文明实践', '经济', '区县新闻', '社会', '文化', '体育'];
const PEOPLE = ['张婷', '一丁', '向婧', '张浪', '王明', '李娜', '刘洋', '陈静', '杨帆', '赵磊', '黄敏', '周杰', '吴迪', '徐丽', '孙强', '胡斌'];
const PUNCTUATION = ['，', '，', '，', '，', '。', '。', '、', '；', '：'];

/** The rate at which a word is replaced by a planted string, unless told otherwise. */
export const DEFAULT_PLANT_RATE = 0.0006;

function sentence(lexicon: Lexicon, rnd: () => number, chars: number, plantRate = DEFAULT_PLANT_RATE): string {
  let text = '';
  let length = 0;
  let words = 0;
  while (length < chars) {
    const roll = rnd();
    const word =
      roll < plantRate
        ? pick(PLANTED, rnd)
        : roll < plantRate + 0.002
          ? pick(NEAR_MISSES, rnd)
          : roll < plantRate + 0.012
            ? String(Math.floor(rnd() * (rnd() < 0.5 ? 100 : 5000)))
            : pickWord(lexicon, rnd);
    const punctuation = ++words % (4 + Math.floor(rnd() * 9)) === 0 ? pick(PUNCTUATION, rnd) : '';
    text += word + punctuation;
    length += word.length + punctuation.length;
  }
  return `${text.replace(/[，、；：]$/u, '')}。`;
}

function dateOf(index: number, count: number, rnd: () => number): string {
  // spread over 2015-2024 in index order, a few articles per day
  const start = Date.UTC(2015, 0, 1);
  const span = Date.UTC(2024, 11, 31) - start;
  const day = new Date(start + Math.floor(((index + rnd()) / count) * span));
  return day.toISOString().slice(0, 10);
}

/** Look-alike misreads: as printed by OCR, and as they should read (one character differs). */
export const MISREADS: ReadonlyArray<readonly [printed: string, correct: string]> = [
  ['村医人户', '村医入户'],
  ['己经', '已经'],
  ['工怍', '工作'],
];
const MISREAD_BEFORE = ['组织', '7名', '安排', '坚持'];
const MISREAD_AFTER = ['走访', '开展', '服务', '完成'];

/** A misread (or its correct form) written into a paragraph, and the importer's flag for it. */
function plantMisread(paragraphs: string[], rnd: () => number, form: 'flagged' | 'unflagged' | 'correct'): SearchSource['suspects'] {
  const [printed, correct] = pick(MISREADS, rnd);
  const word = form === 'correct' ? correct : printed;
  const at = Math.floor(rnd() * paragraphs.length);
  const clause = `，${pick(MISREAD_BEFORE, rnd)}${word}${pick(MISREAD_AFTER, rnd)}`;
  const paragraph = paragraphs[at]!;
  paragraphs[at] = `${paragraph.slice(0, -1)}${clause}${paragraph.slice(-1)}`;
  if (form !== 'flagged') return [];
  // as the importer flags it: three characters either side of the misread one
  const changed = [...printed].findIndex((ch, i) => ch !== [...correct][i]);
  const position = paragraph.length - 1 + clause.indexOf(printed) + changed;
  const excerpt = paragraphs[at]!.slice(Math.max(0, position - 3), position + 3);
  const offset = position - Math.max(0, position - 3);
  return [{ excerpt, suggestion: excerpt.slice(0, offset) + [...correct][changed]! + excerpt.slice(offset + 1) }];
}

export function syntheticSources(count: number, lexicon: Lexicon, seed = 1, plantRate = DEFAULT_PLANT_RATE): SearchSource[] {
  const rnd = random(seed);
  const misreads = random(seed * 7919 + 17);
  const sources: SearchSource[] = [];
  const perPage = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const date = dateOf(i, count, rnd);
    const paper = pick(PAPERS, rnd);
    const page = 1 + Math.floor(rnd() * 8);
    const key = `${paper}/${date}/${page}`;
    const seq = (perPage.get(key) ?? 0) + 1;
    perPage.set(key, seq);
    const kind = rnd() < 0.15 ? 'photo' : 'article';
    const people = [pick(PEOPLE, rnd), ...(rnd() < 0.3 ? [pick(PEOPLE, rnd)] : [])];
    const length = kind === 'photo' ? 60 + Math.floor(rnd() * 100) : 500 + Math.floor(rnd() * 1600);
    const paragraphs: string[] = [];
    for (let left = length; left > 0; ) {
      const size = Math.min(left, 80 + Math.floor(rnd() * 220));
      paragraphs.push(sentence(lexicon, rnd, size, plantRate));
      left -= size;
    }
    const title = kind === 'photo' && rnd() < 0.7 ? null : sentence(lexicon, rnd, 8 + Math.floor(rnd() * 10), plantRate).slice(0, -1);
    const roll = misreads();
    const suspects = roll < 0.02 ? plantMisread(paragraphs, misreads, 'flagged') : roll < 0.025 ? plantMisread(paragraphs, misreads, 'unflagged') : roll < 0.035 ? plantMisread(paragraphs, misreads, 'correct') : [];
    const slug = ['zunyi-daily', 'guizhou-daily', 'qianbei-morning'][PAPERS.indexOf(paper)];
    sources.push({
      url: `/${slug}/${date}/${String(page).padStart(2, '0')}/${String(seq).padStart(2, '0')}/`,
      date,
      paper,
      page,
      pageName: rnd() < 0.9 ? SECTIONS[page - 1]! : null,
      kind,
      title,
      kicker: rnd() < 0.1 ? sentence(lexicon, rnd, 6, plantRate).slice(0, -1) : null,
      subtitle: rnd() < 0.2 ? sentence(lexicon, rnd, 14, plantRate).slice(0, -1) : null,
      byline: kind === 'photo' ? null : `本报讯（记者 ${people.join(' ')}）`,
      credit: kind === 'photo' ? `（记者 ${people[0]} 摄）` : null,
      headline: title ?? paragraphs[0]!.slice(0, 24),
      paragraphs,
      people,
      ...(suspects?.length ? { suspects } : {}),
    });
  }
  return sources;
}
