import type { Problem } from '../../src/schemas/problem.ts';
import { isHan } from './chars.ts';
import { lineAt, type Paragraph } from './paragraphs.ts';

/**
 * A word-frequency lexicon and a segmenter, supplied by the caller (scripts/io/lexicon.ts loads
 * the dictionary that ships with @node-rs/jieba). Kept abstract so that this module stays pure.
 */
export interface Lexicon {
  /** Frequency of a word in the dictionary, 0 when it is not a word. */
  frequency(word: string): number;
  /** How often a character occurs inside longer dictionary words (a bound morpheme scores high). */
  boundFrequency(char: string): number;
  /** Split text into words. */
  cut(text: string): string[];
}

/**
 * Characters OCR confuses with a look-alike. Each entry lists what the character may really be.
 * Only reported, never changed: a name or a rare word may be right as printed.
 */
const CONFUSABLE: Record<string, string[]> = {
  人: ['入'],
  入: ['人'],
  已: ['己'],
  己: ['已'],
  未: ['末'],
  末: ['未'],
  土: ['士'],
  士: ['土'],
  干: ['千'],
  千: ['干'],
  候: ['侯'],
  侯: ['候'],
  拨: ['拔'],
  拔: ['拨'],
  曰: ['日'],
  戍: ['戌', '戊'],
  戌: ['戍', '戊'],
  汩: ['汨'],
  祟: ['崇'],
  崇: ['祟'],
  折: ['拆'],
  拆: ['折'],
  辩: ['辨'],
  辨: ['辩'],
  杨: ['扬'],
  扬: ['杨'],
  冶: ['治'],
  治: ['冶'],
  徒: ['徙'],
  史: ['吏'],
  吏: ['史'],
  天: ['夭'],
  夭: ['天'],
  间: ['问'],
  问: ['间'],
  刺: ['剌'],
  剌: ['刺'],
  洒: ['酒'],
  酒: ['洒'],
  侍: ['待'],
  待: ['侍'],
  // a stroke more or less, as OCR reads a worn or blurred glyph; the rare one of a pair is the suspect
  迸: ['进'],
  巳: ['已', '己'],
  荼: ['茶'],
  睛: ['晴'],
  晴: ['睛'],
  券: ['卷'],
  卷: ['券'],
  诀: ['决'],
  决: ['诀'],
  苦: ['若'],
  若: ['苦'],
  免: ['兔'],
  兔: ['免'],
  贝: ['见'],
  见: ['贝'],
  官: ['宫'],
  宫: ['官'],
  大: ['太'],
  太: ['大'],
  今: ['令'],
  令: ['今'],
};

/**
 * Report likely OCR misreadings in a cleaned paragraph:
 * - a character whose look-alike makes a common word where the printed one makes none (人户 -> 入户);
 * - 一 standing alone between two words, where a dash —— was probably printed (探索一全面建设);
 * - a character that never stands alone left isolated, where its partner was probably lost (知识普等).
 */
export function findSuspicions(paragraph: Paragraph, lexicon: Lexicon): Problem[] {
  const problems: Problem[] = [];
  const words = lexicon.cut(paragraph.text);
  let offset = 0;
  const spans = words.map((word) => {
    const span = { word, start: offset };
    offset += word.length;
    return span;
  });

  const text = paragraph.text;
  for (let i = 0; i < spans.length; i++) {
    const { word, start } = spans[i]!;
    const prev = spans[i - 1]?.word ?? '';
    const next = spans[i + 1]?.word ?? '';

    if (
      word === '一' &&
      isWordy(prev) &&
      isWordy(next) &&
      lexicon.frequency(`一${next[0]}`) === 0 &&
      !MEASURE_OR_NUMERAL.test(next) &&
      // 每周一闭馆, 星期一, 第一: a numeral, not a dash
      !/[周期拜第每初十之其]$/u.test(prev)
    ) {
      const from = Math.max(0, start - 4);
      const excerpt = text.slice(from, start + 5);
      problems.push({
        code: 'dash-misread',
        line: lineAt(paragraph, start),
        message: '一 stands between two phrases like a dash: probably a misread ——',
        excerpt,
        suggestion: spliceAt(excerpt, start - from, '——'),
      });
      continue;
    }

    for (let k = 0; k < word.length; k++) {
      const ch = word[k]!;
      const alternatives = CONFUSABLE[ch];
      if (!alternatives) continue;
      const position = start + k;
      const found = betterReading(text, position, alternatives, lexicon);
      if (found) {
        const from = Math.max(0, position - 3);
        const excerpt = text.slice(from, position + 3);
        problems.push({
          code: 'ocr-suspect',
          line: lineAt(paragraph, position),
          message: `${ch} may be a misread ${found}: ${found} makes a common word here, ${ch} does not`,
          excerpt,
          suggestion: spliceAt(excerpt, position - from, found, 1),
        });
      }
    }

    if (word.length === 1 && isHan(word) && isWordy(prev) && isLonely(word, next, lexicon)) {
      const from = Math.max(0, start - 4);
      problems.push({
        code: 'missing-character',
        line: lineAt(paragraph, start),
        message: `${word} stands alone though it only occurs inside words: a character next to it was probably lost`,
        excerpt: text.slice(from, start + 3),
      });
    }
  }
  return problems;
}

const MEASURE_OR_NUMERAL = /^[个次件名位户人家项条份批场张种类些线体流起道层元年天]/u;

function isWordy(word: string): boolean {
  return word.length >= 2 && [...word].every(isHan);
}

function spliceAt(text: string, index: number, insert: string, remove = 1): string {
  return text.slice(0, index) + insert + text.slice(index + remove);
}

/**
 * Does swapping the character at `position` for an alternative create a dictionary word that
 * the printed character does not? Windows of two to four characters around the position decide.
 */
function betterReading(text: string, position: number, alternatives: string[], lexicon: Lexicon): string | null {
  const printed = bestWord(text, position, lexicon);
  if (printed >= 3) return null;
  for (const alternative of alternatives) {
    const swapped = text.slice(0, position) + alternative + text.slice(position + 1);
    if (bestWord(swapped, position, lexicon) >= 20 && printed === 0) return alternative;
  }
  return null;
}

/** The highest frequency of a dictionary word of 2-4 characters that covers `position`. */
function bestWord(text: string, position: number, lexicon: Lexicon): number {
  let best = 0;
  for (let length = 2; length <= 4; length++) {
    for (let start = position - length + 1; start <= position; start++) {
      if (start < 0 || start + length > text.length) continue;
      const word = text.slice(start, start + length);
      if (![...word].every(isHan)) continue;
      best = Math.max(best, lexicon.frequency(word));
    }
  }
  return best;
}

/** A bound character (普, used in 普及 and 普通 but rarely alone) isolated before a function word. */
function isLonely(char: string, next: string, lexicon: Lexicon): boolean {
  const alone = lexicon.frequency(char);
  const bound = lexicon.boundFrequency(char);
  return bound > 0 && alone / bound < 0.06 && (next === '' || FUNCTION_WORDS.has(next));
}

const FUNCTION_WORDS = new Set(['等', '和', '的', '了', '与', '及', '或', '中', '上', '下', '时', '后', '前']);
