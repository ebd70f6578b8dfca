import { isCjk } from './chars.ts';
import type { Cleaned, Finding } from './inline.ts';

/**
 * Pair the quotation marks of one paragraph. Straight double quotes become “ and ” by
 * alternation, taking curly quotes already present into account; straight single quotes in
 * Chinese context become ‘ ’ when they pair up inside a double-quoted span. Anything left
 * unbalanced is reported with the place it happens, never guessed.
 *
 * The text keeps its length, so offsets found before this step stay valid.
 */
export function pairQuotes(text: string): Cleaned {
  const chars = [...text];
  const findings: Finding[] = [];
  let open = -1;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === '“') {
      if (open >= 0) findings.push(unbalanced(chars, open, 'an opening “ is never closed before the next one'));
      open = i;
    } else if (ch === '”') {
      if (open < 0) findings.push(unbalanced(chars, i, 'a closing ” has no opening “'));
      open = -1;
    } else if (ch === '"' && inChineseContext(chars, i)) {
      if (open >= 0) {
        chars[i] = '”';
        open = -1;
      } else {
        chars[i] = '“';
        open = i;
      }
    }
  }
  if (open >= 0) findings.push(unbalanced(chars, open, 'an opening “ is never closed'));

  pairSingleQuotes(chars, findings);
  return { text: chars.join(''), findings };
}

function pairSingleQuotes(chars: string[], findings: Finding[]): void {
  const straight: number[] = [];
  chars.forEach((ch, i) => {
    if (ch === "'" && inChineseContext(chars, i)) straight.push(i);
  });
  if (straight.length % 2 === 0) {
    straight.forEach((index, n) => (chars[index] = n % 2 === 0 ? '‘' : '’'));
    return;
  }
  for (const index of straight) {
    const excerpt = around(chars, index);
    findings.push({
      code: 'unbalanced-quotes',
      message: "a straight ' in Chinese text has no partner: probably a misread ” or ’",
      offset: utf16Offset(chars, index),
      excerpt,
      suggestion: excerpt.replace("'", '”'),
    });
  }
}

function inChineseContext(chars: string[], i: number): boolean {
  return isCjk(chars[i - 1]) || isCjk(chars[i + 1]) || chars[i - 1] === undefined || chars[i + 1] === undefined;
}

function unbalanced(chars: string[], index: number, message: string): Finding {
  return { code: 'unbalanced-quotes', message, offset: utf16Offset(chars, index), excerpt: around(chars, index) };
}

/** Findings carry string (UTF-16) offsets; `chars` indexes code points. */
function utf16Offset(chars: string[], index: number): number {
  let offset = 0;
  for (let k = 0; k < index; k++) offset += chars[k]!.length;
  return offset;
}

function around(chars: string[], index: number): string {
  return chars.slice(Math.max(0, index - 8), index + 9).join('');
}
