import { z } from 'astro/zod';

/**
 * Every problem the importer can flag, in one table: its code (a stable rule id, stored in the
 * articles' front matter), what the site shows readers (`label`, zh-CN) and what it means for a
 * maintainer (`meaning`, English). The site's labels and docs/problem-codes.md
 * (`npm run docs:problems`) are made from it; a new rule is added here first.
 */
export const PROBLEM_CODES = {
  'truncated-text': {
    label: '文字中断：句子未完，下文可能漏识',
    meaning: 'a sentence stops and nothing continues it (a line is missing from the OCR)',
  },
  'unbalanced-quotes': {
    label: '引号不成对',
    meaning: "a quotation mark without its partner (树新风' → ”?)",
  },
  'lone-dash': {
    label: '单个破折号：可能原为“——”，或旁边漏字',
    meaning: 'a single — between Chinese phrases: a misread —— or a character lost next to it',
  },
  'dash-misread': {
    label: '“一”疑为破折号“——”',
    meaning: 'a 一 between phrases where —— was probably printed',
  },
  'ocr-suspect': {
    label: '疑似形近字误识',
    meaning: 'a look-alike character: 村医人户走访 → 入户 (scored with the jieba word-frequency dictionary)',
  },
  'missing-character': {
    label: '疑似漏字',
    meaning: 'a character that never stands alone is isolated (科学知识普等 → 普及?)',
  },
  'no-headline': {
    label: '未识别出标题：可能是转版续文，或标题漏识',
    meaning: 'an article without a headline (continued from another page, or missed)',
  },
  'photo-without-caption': {
    label: '图片缺少说明',
    meaning: 'a photo credit with no caption before it',
  },
  'unassigned-text': {
    label: '无法归属的零散文字',
    meaning: "text that belongs to no article (an advertisement's label): kept under `unassigned`, attached to nothing",
  },
  'header-date-mismatch': {
    label: '版头日期与本期日期不符',
    meaning: 'the page header prints another date than the one given for the issue',
  },
  'header-page-mismatch': {
    label: '版头版次与本版版次不符',
    meaning: 'the page header prints another page number than the one given',
  },
  'ocr-fixed': {
    label: '已按上下文自动更正的误识字',
    meaning: 'a change the importer made itself because context made it certain (2O22 → 2022, 17曰 → 17日); listed with `fixed: true`, so that it can be checked',
  },
} as const satisfies Record<string, { label: string; meaning: string }>;

export type ProblemCode = keyof typeof PROBLEM_CODES;

const CODES = Object.keys(PROBLEM_CODES) as [ProblemCode, ...ProblemCode[]];

/**
 * A problem's code. An article whose front matter names a code not in the table (mistyped by
 * hand, or from a rule since renamed) stops the build with this message rather than showing
 * readers a flag nobody can explain.
 */
export const problemCodeSchema = z.enum(CODES, {
  error: (issue) => `unknown problem code ${JSON.stringify(issue.input)}: use one of ${CODES.join(', ')} (docs/problem-codes.md), or delete the problem`,
});

/**
 * A suspicion or defect found while reading OCR text. Problems never stop an import; they are
 * printed for review, stored with the article and can be shown on the article page.
 */
export const problemSchema = z.object({
  /** Stable rule id from `PROBLEM_CODES`, e.g. `truncated-text`, `unbalanced-quotes`, `ocr-suspect`. */
  code: problemCodeSchema,
  /** 1-based line in the OCR source file where the problem was seen. */
  line: z.number().int().min(1),
  /** What is wrong, in words a maintainer understands. */
  message: z.string().min(1),
  /** The text the problem is about, as it reads after cleaning, e.g. `村医人户走访`. */
  excerpt: z.string().optional(),
  /** A proposed correction of `excerpt`, e.g. `村医入户走访`. */
  suggestion: z.string().optional(),
  /**
   * True when the importer already applied the correction because context made it certain
   * (2O22 -> 2022, 17曰 -> 17日); kept so that every changed character can be reviewed.
   */
  fixed: z.boolean().optional(),
});

export type Problem = z.output<typeof problemSchema>;
