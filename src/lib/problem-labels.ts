import type { Problem } from '../schemas/problem.ts';

/**
 * What each importer flag means, for readers (zh-CN). The importer's own messages are written
 * for maintainers, in English; these are shown beside the text on the article page.
 */
const LABELS: Record<string, string> = {
  'truncated-text': '文字中断：句子未完，下文可能漏识',
  'unbalanced-quotes': '引号不成对',
  'lone-dash': '单个破折号：可能原为“——”，或旁边漏字',
  'dash-misread': '“一”疑为破折号“——”',
  'ocr-suspect': '疑似形近字误识',
  'ocr-fixed': '已按上下文自动更正的误识字',
  'missing-character': '疑似漏字',
  'no-headline': '未识别出标题：可能是转版续文，或标题漏识',
  'unassigned-text': '无法归属的零散文字',
  'header-date-mismatch': '版头日期与本期日期不符',
  'header-page-mismatch': '版头版次与本版版次不符',
  'photo-without-caption': '图片缺少说明',
};

export function problemLabel(problem: Problem): string {
  if (problem.fixed) return LABELS['ocr-fixed']!;
  return LABELS[problem.code] ?? '识别存疑';
}
