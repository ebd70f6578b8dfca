import type { ProblemCode } from '../../src/schemas/problem.ts';
import { isCjk, isDigit, isHan, isLatinLetter, isLatinOrDigit, isSpace } from './chars.ts';

/**
 * Clean-up of one line of OCR text, where every change is certain from the characters around
 * it. What is only likely is reported as a finding for the caller to turn into a problem.
 */

/** A change made or a suspicion seen, at an offset of the cleaned text. */
export interface Finding {
  code: ProblemCode;
  message: string;
  /** Offset in the cleaned text where the finding starts. */
  offset: number;
  excerpt: string;
  suggestion?: string;
  fixed?: boolean;
}

export interface Cleaned {
  text: string;
  findings: Finding[];
}

export type SpaceMode =
  /** Body text: spaces next to Chinese are column wraps and go. */
  | 'body'
  /** Headlines: a single space between two Chinese phrases is a deliberate pause and stays. */
  | 'headline'
  /** Bylines and credits: spaces separate names and stay (collapsed to one). */
  | 'keep';

/** Clean one line: brackets, spaces, punctuation width, ellipses, dashes and certain OCR fixes. */
export function cleanLine(line: string, mode: SpaceMode = 'body'): Cleaned {
  const findings: Finding[] = [];
  let text = line.trim();
  text = fixMisreadBrackets(text);
  text = mode === 'keep' ? text.replace(/[ \t\u3000]+/g, ' ') : collapseSpaces(text, mode);
  text = widenPunctuation(text);
  text = fixMarks(text);
  text = fixCertainOcr(text, findings);
  flagLoneDashes(text, findings);
  return { text, findings };
}

/**
 * Join two pieces of one paragraph that a line or column break separated. A space survives
 * only between two Latin words; a number broken across the wrap is joined.
 */
export function joinPieces(left: string, right: string): string {
  if (left === '') return right;
  if (right === '') return left;
  const a = lastChar(left);
  const b = right[0];
  if (isLatinLetter(a) && isLatinLetter(b)) return left.endsWith('-') ? left + right : `${left} ${right}`;
  return left + right;
}

function lastChar(text: string): string | undefined {
  const chars = [...text];
  return chars[chars.length - 1];
}

/**
 * Remove spaces that OCR left at column wraps. A run of spaces goes when a Chinese character or
 * Chinese punctuation is on either side. Between two digits it goes when either neighbouring word
 * holds Chinese (需求25 00条), because a number is never written with a space in Chinese text.
 * Between Latin words one space stays.
 */
function collapseSpaces(text: string, mode: 'body' | 'headline'): string {
  const chars = [...text];
  let out = '';
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i]!;
    if (!isSpace(ch)) {
      out += ch;
      i++;
      continue;
    }
    let j = i;
    while (j < chars.length && isSpace(chars[j])) j++;
    // a straight quote takes the context of the character beyond it: 新蒲" "博爱
    const before = chars[i - 1] === '"' || chars[i - 1] === "'" ? (isCjk(chars[i - 2]) ? chars[i - 2] : chars[i - 1]) : chars[i - 1];
    const after = chars[j] === '"' || chars[j] === "'" ? (isCjk(chars[j + 1]) ? chars[j + 1] : chars[j]) : chars[j];
    if (before === undefined || after === undefined) {
      // leading or trailing: drop
    } else if (mode === 'headline' && isHan(before) && isHan(after) && isTwoPartHeadline(chars, i, j)) {
      out += ' ';
    } else if (isCjk(before) || isCjk(after)) {
      // column wrap inside Chinese text
    } else if (isDigit(before) && isDigit(after) && (wordHasCjk(chars, i - 1, -1) || wordHasCjk(chars, j, 1))) {
      // a number broken by a wrap
    } else {
      out += ' ';
    }
    i = j;
  }
  return out;
}

/**
 * A headline in parts: 志愿服务聚合力 文明实践谱新篇, 稳就业 惠民生 促发展. Headlines span
 * columns, so a space between two phrases of two or more characters is printed, not a wrap.
 */
function isTwoPartHeadline(chars: string[], spaceStart: number, spaceEnd: number): boolean {
  let left = 0;
  for (let k = spaceStart - 1; k >= 0 && !isSpace(chars[k]); k--) if (isHan(chars[k])) left++;
  let right = 0;
  for (let k = spaceEnd; k < chars.length && !isSpace(chars[k]); k++) if (isHan(chars[k])) right++;
  return left >= 2 && right >= 2;
}

function wordHasCjk(chars: string[], from: number, step: 1 | -1): boolean {
  for (let k = from; k >= 0 && k < chars.length && !isSpace(chars[k]); k += step) {
    if (isCjk(chars[k])) return true;
  }
  return false;
}

const WIDE: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };

/**
 * Half-width , ; : ? ! become full-width when a Chinese character or Chinese punctuation
 * touches them; between digits (10:30, 1,000) and in Latin text they stay. Brackets are decided
 * per pair: Chinese inside or around the pair makes both full-width.
 */
function widenPunctuation(text: string): string {
  const chars = [...text];
  const pairOf = matchBrackets(chars, '(', ')');
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === ',' || ch === ';' || ch === ':' || ch === '?' || ch === '!') {
      const before = chars[i - 1];
      const after = chars[i + 1];
      if (isDigit(before) && isDigit(after)) continue;
      if (isCjk(before) || isCjk(after)) chars[i] = WIDE[ch]!;
    } else if (ch === '(' || ch === ')') {
      const partner = pairOf.get(i);
      const open = ch === '(' ? i : partner;
      const close = ch === ')' ? i : partner;
      if (open !== undefined && close !== undefined) {
        const inner = chars.slice(open + 1, close);
        if (inner.some(isHan) || isCjk(chars[open - 1]) || isCjk(chars[close + 1])) chars[i] = WIDE[ch]!;
      } else if (isCjk(chars[i - 1]) || isCjk(chars[i + 1])) {
        chars[i] = WIDE[ch]!;
      }
    }
  }
  return chars.join('');
}

/** Pair brackets; returns index -> partner index for every matched bracket. */
function matchBrackets(chars: string[], open: string, close: string): Map<number, number> {
  const pairs = new Map<number, number>();
  const stack: number[] = [];
  chars.forEach((ch, i) => {
    if (ch === open) stack.push(i);
    else if (ch === close && stack.length > 0) {
      const start = stack.pop()!;
      pairs.set(start, i);
      pairs.set(i, start);
    }
  });
  return pairs;
}

/**
 * OCR reads a full-width parenthesis as an angle bracket now and then: 〈记者 张婷）. An angle
 * bracket whose partner is a parenthesis is a parenthesis.
 */
function fixMisreadBrackets(text: string): string {
  return text
    .replace(/[〈<]([^〈〉<>（）()]{1,40})[）)]/gu, '（$1）')
    .replace(/[（(]([^〈〉<>（）()]{1,40})[〉>](?!>)/gu, '（$1）');
}

/** 《》 from << >> and « », …… from ... and 。。。, —— from -- between Chinese. */
function fixMarks(text: string): string {
  return text
    .replace(/<<\s*/g, '《')
    .replace(/\s*>>/g, '》')
    .replace(/«/g, '《')
    .replace(/»/g, '》')
    .replace(/\.{3,}|。{3,}|…{1,2}|⋯{1,2}/g, (match, offset: number, whole: string) => {
      if (match === '……') return match;
      const before = whole[offset - 1];
      const after = whole[offset + match.length];
      // A lone … between Latin words is an English ellipsis; anywhere else it is the Chinese ……
      if (match === '…' && isLatinOrDigit(before) && isLatinOrDigit(after)) return match;
      return '……';
    })
    .replace(/(?<=\p{Script=Han}|[，。、；：！？”’）》])(?:--|－－|﹣﹣|─{2}|—\s*—|―{2})(?=\p{Script=Han}|[“‘（《])/gu, '——');
}

/**
 * Corrections that the surrounding characters make certain:
 * - the letter O between digits or before a date unit is a zero (2O22年 -> 2022年);
 * - the letter O between Chinese numerals is 〇 (二O二三年 -> 二〇二三年);
 * - 曰 after a digit is 日 (17曰 -> 17日);
 * - 自已 is always 自己.
 */
function fixCertainOcr(text: string, findings: Finding[]): string {
  const rules: Array<{ pattern: RegExp; replace: (m: string) => string; what: string }> = [
    {
      // the number must not follow a Latin letter: H2O stays H2O
      pattern: /(?<=(?:^|[^A-Za-z\d.])\d+)[Oo]+(?=\d|[年月日时万亿元%])/g,
      replace: (m) => '0'.repeat(m.length),
      what: 'the letter O inside a number is a zero',
    },
    {
      pattern: /(?<=[一二三四五六七八九〇零])[Oo○](?=[一二三四五六七八九〇零年])/g,
      replace: () => '〇',
      what: 'the letter O between Chinese numerals is 〇',
    },
    { pattern: /(?<=\d)曰/g, replace: () => '日', what: '曰 after a number is 日' },
    { pattern: /自已/g, replace: () => '自己', what: '自已 is a misreading of 自己' },
  ];
  let out = text;
  for (const rule of rules) {
    let result = '';
    let last = 0;
    for (const match of out.matchAll(rule.pattern)) {
      const index = match.index;
      const replacement = rule.replace(match[0]);
      result += out.slice(last, index) + replacement;
      const contextStart = Math.max(0, index - 4);
      const contextEnd = Math.min(out.length, index + match[0].length + 4);
      findings.push({
        code: 'ocr-fixed',
        message: rule.what,
        offset: result.length - replacement.length,
        excerpt: out.slice(contextStart, contextEnd),
        suggestion: out.slice(contextStart, index) + replacement + out.slice(index + match[0].length, contextEnd),
        fixed: true,
      });
      last = index + match[0].length;
    }
    out = result + out.slice(last);
  }
  return out;
}

/**
 * A single dash between Chinese phrases (中国梦—化进万家) is either a misread —— or the edge of
 * a lost character. Context cannot decide, so it is reported, never changed.
 */
function flagLoneDashes(text: string, findings: Finding[]): void {
  for (const match of text.matchAll(/(?<=\p{Script=Han}|[”’])[—―－-](?=\p{Script=Han}|[“‘])/gu)) {
    const index = match.index;
    const excerpt = text.slice(Math.max(0, index - 5), index + 6);
    findings.push({
      code: 'lone-dash',
      message: 'a single dash between Chinese phrases: a misread —— or a character lost next to it',
      offset: index,
      excerpt,
      suggestion: excerpt.replace(match[0], '——'),
    });
  }
}
