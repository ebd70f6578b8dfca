import { z } from 'astro/zod';

/**
 * Where a problem is found: in the text of a page, as a flag for an editor that is stored with
 * the article and shown to readers (`text`); or in an OCR file with positions (hOCR, ALTO) that
 * the importer could only partly read (`file`), reported when it reads the file.
 */
export type ProblemScope = 'text' | 'file';

/**
 * Every problem the importer can report, in one table: its code (a stable rule id, stored in
 * the articles' front matter), where it is found (`scope`), what the site shows readers
 * (`label`, zh-CN) and what it means for a maintainer (`meaning`, English). The site's labels
 * and docs/problem-codes.md (`npm run docs:problems`) are made from it; a new rule is added
 * here first.
 */
export const PROBLEM_CODES = {
  'truncated-text': {
    scope: 'text',
    label: '文字中断：句子未完，下文可能漏识',
    meaning: 'a sentence stops and nothing continues it (a line is missing from the OCR)',
  },
  'unbalanced-quotes': {
    scope: 'text',
    label: '引号不成对',
    meaning: "a quotation mark without its partner (树新风' → ”?)",
  },
  'lone-dash': {
    scope: 'text',
    label: '单个破折号：可能原为“——”，或旁边漏字',
    meaning: 'a single — between Chinese phrases: a misread —— or a character lost next to it',
  },
  'dash-misread': {
    scope: 'text',
    label: '“一”疑为破折号“——”',
    meaning: 'a 一 between phrases where —— was probably printed',
  },
  'ocr-suspect': {
    scope: 'text',
    label: '疑似形近字误识',
    meaning: 'a look-alike character: 村医人户走访 → 入户 (scored with the jieba word-frequency dictionary)',
  },
  'missing-character': {
    scope: 'text',
    label: '疑似漏字',
    meaning: 'a character that never stands alone is isolated (科学知识普等 → 普及?)',
  },
  'no-headline': {
    scope: 'text',
    label: '未识别出标题：可能是转版续文，或标题漏识',
    meaning: 'an article without a headline (continued from another page, or missed)',
  },
  'photo-without-caption': {
    scope: 'text',
    label: '图片缺少说明',
    meaning: 'a photo credit with no caption before it',
  },
  'unassigned-text': {
    scope: 'text',
    label: '无法归属的零散文字',
    meaning: "text that belongs to no article (an advertisement's label, or a headline with fewer than 12 characters of text under it): kept under `unassigned`, attached to nothing",
  },
  'header-date-mismatch': {
    scope: 'text',
    label: '版头日期与本期日期不符',
    meaning: 'the page header prints another date than the one given for the issue',
  },
  'header-page-mismatch': {
    scope: 'text',
    label: '版头版次与本版版次不符',
    meaning: 'the page header prints another page number than the one given',
  },
  'ocr-fixed': {
    scope: 'text',
    label: '已按上下文自动更正的误识字',
    meaning: 'a change the importer made itself because context made it certain (2O22 → 2022, 17曰 → 17日); listed with `fixed: true`, so that it can be checked',
  },
  'ocr-page-empty': {
    scope: 'file',
    label: '版面没有识别出文字',
    meaning: 'a page of a positioned OCR file (hOCR, ALTO) has no text lines',
  },
  'hocr-no-page': {
    scope: 'file',
    label: '不是 hOCR 文件，或缺少版面',
    meaning: 'no element with class `ocr_page`: with hOCR lines the whole file is read as one page, without them it is not hOCR (Tesseract writes it with `tesseract page.png out -l chi_sim hocr`)',
  },
  'hocr-page-without-size': {
    scope: 'file',
    label: '版面尺寸缺失',
    meaning: 'an hOCR page without a bbox: its size is taken from what is on it (right only if the OCR saw the whole scan), or it is skipped when nothing has one',
  },
  'hocr-word-outside-line': {
    scope: 'file',
    label: '单字不在行内',
    meaning: 'a word (`ocrx_word`) outside any line: read as a line of its own',
  },
  'hocr-word-without-box': {
    scope: 'file',
    label: '单字缺少位置',
    meaning: 'a word without a bbox: skipped',
  },
  'hocr-bad-bbox': {
    scope: 'file',
    label: '位置框格式有误',
    meaning: 'a bbox without exactly four numbers (x0 y0 x1 y1): the element is skipped',
  },
  'alto-no-root': {
    scope: 'file',
    label: '不是 ALTO 文件',
    meaning: 'no `<alto>` root element: the file is not ALTO XML (Tesseract writes it with `tesseract page.png out -l chi_sim alto`)',
  },
  'alto-unknown-namespace': {
    scope: 'file',
    label: 'ALTO 版本不明',
    meaning: 'an ALTO namespace other than v2, v3 or v4: the file is read as v4',
  },
  'alto-no-unit': {
    scope: 'file',
    label: '未注明坐标单位',
    meaning: 'no `MeasurementUnit`: coordinates are read as pixels',
  },
  'alto-unknown-unit': {
    scope: 'file',
    label: '坐标单位不明',
    meaning: 'a `MeasurementUnit` other than `pixel`, `mm10` or `inch1200`: coordinates are read as pixels',
  },
  'alto-units-without-resolution': {
    scope: 'file',
    label: '未注明扫描分辨率',
    meaning: 'coordinates in `mm10` or `inch1200` and no scan resolution given: 300 dpi is assumed; give the scan\'s dpi (or its pixel size) to the import',
  },
  'alto-no-page': {
    scope: 'file',
    label: '文件中没有版面',
    meaning: 'no `Layout`/`Page` element: there is nothing to read',
  },
  'alto-page-without-size': {
    scope: 'file',
    label: '版面尺寸缺失',
    meaning: 'a `Page` without a usable `WIDTH`/`HEIGHT`: its size is taken from what is on it, or it is skipped when nothing has a position',
  },
  'alto-missing-position': {
    scope: 'file',
    label: '文字块缺少位置',
    meaning: 'an element without `HPOS`, `VPOS`, `WIDTH` or `HEIGHT`: skipped',
  },
  'alto-string-without-content': {
    scope: 'file',
    label: '文字缺少内容',
    meaning: 'a `<String>` without `CONTENT`: skipped',
  },
  'markup-bad-tag': {
    scope: 'file',
    label: '标记格式有误',
    meaning: 'a `<` that starts no well-formed tag (kept as text; write it as `&lt;`), or an end tag not closed with `>`',
  },
  'markup-unmatched-end-tag': {
    scope: 'file',
    label: '结束标记无对应',
    meaning: 'an end tag that closes no open element: ignored',
  },
  'markup-unclosed-element': {
    scope: 'file',
    label: '标记未闭合',
    meaning: 'an element not closed before its parent ends (closed there), or never closed (the file may be cut off)',
  },
  'markup-duplicate-attribute': {
    scope: 'file',
    label: '属性重复',
    meaning: 'an attribute given twice on one element: the first is kept',
  },
  'markup-bad-character-reference': {
    scope: 'file',
    label: '字符引用无效',
    meaning: 'a numeric character reference that names no Unicode character: read as U+FFFD',
  },
  'markup-unknown-entity': {
    scope: 'file',
    label: '未知字符实体',
    meaning: 'a named character reference the reader does not know: kept as written; write the character itself or a numeric reference',
  },
  'markup-entity-declaration': {
    scope: 'file',
    label: '文件声明了实体',
    meaning: 'the file declares an entity (`<!ENTITY ...>`): refused, so that a file cannot expand itself; remove the declaration and write the characters out',
  },
  'markup-declaration': {
    scope: 'file',
    label: '文件含有声明',
    meaning: 'a declaration such as `<!ELEMENT ...>`, which OCR files never need: the file is refused; remove it',
  },
  'markup-doctype-subset': {
    scope: 'file',
    label: '文档类型含内部子集',
    meaning: 'a DOCTYPE with an internal subset (`[ ... ]`), which can declare entities that expand without limit: the file is refused; remove the DOCTYPE or its `[ ... ]` part',
  },
  'markup-doctype': {
    scope: 'file',
    label: 'XML 文件含文档类型声明',
    meaning: 'an XML OCR file (ALTO) with a DOCTYPE: refused, so that nothing can be declared or fetched; remove the `<!DOCTYPE ...>` line',
  },
  'markup-too-deep': {
    scope: 'file',
    label: '标记嵌套过深',
    meaning: 'elements nested more than 256 deep, as no OCR file is: the file is refused',
  },
  'bad-number': {
    scope: 'file',
    label: '数值有误',
    meaning: 'a coordinate that is not a number of at most 12 digits: the element is skipped',
  },
  'number-out-of-range': {
    scope: 'file',
    label: '数值超出范围',
    meaning: 'a coordinate larger than any page: the element is skipped',
  },
  'box-inverted': {
    scope: 'file',
    label: '位置框颠倒',
    meaning: 'a box that ends before it starts: the element is skipped',
  },
  'box-outside-page': {
    scope: 'file',
    label: '位置框在版面之外',
    meaning: 'a box that lies outside its page: the element is skipped',
  },
  'box-clipped': {
    scope: 'file',
    label: '位置框超出版面',
    meaning: 'a box that sticks out of its page: cut to the page',
  },
} as const satisfies Record<string, { scope: ProblemScope; label: string; meaning: string }>;

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
