import type { TruthItem, TruthPageInput } from '../../src/lib/ocr-eval/truth.ts';
import { issueDates, ocrPageText, resolveOptions, syntheticIssue, type SyntheticIssue, type SyntheticItem, type SyntheticPage } from './synthetic.ts';

/**
 * The pages of the OCR evaluation: N pages drawn from the synthetic archive of a seed (all
 * papers, dates spread over the year, every page number), each with its plain OCR-like text
 * without misreads (`ocrPageText` with no planted damage) for the clean-text condition.
 */

export interface SourcePage {
  input: TruthPageInput;
  /** The page as plain OCR-like text, no misreads. */
  cleanText: string;
}

export function truthItem(item: SyntheticItem): TruthItem {
  return {
    kind: item.kind,
    column: item.column,
    kicker: item.kicker,
    title: item.title,
    subtitle: item.subtitle,
    dateline: item.dateline,
    reporters: item.reporters,
    correspondents: item.correspondents,
    photographers: item.photographers,
    paragraphs: item.paragraphs,
    credit: item.credit,
    continuation: item.continuation,
    photos: item.photos.length,
  };
}

/** Plain text as the OCR of the sample returns it, with nothing misread. */
function cleanText(issue: SyntheticIssue, page: SyntheticPage): string {
  return ocrPageText(issue, { ...page, items: page.items.map((item) => ({ ...item, planted: [] })) });
}

export function syntheticSourcePages(seed: number, count: number): SourcePage[] {
  const options = resolveOptions({ seed, papers: 8, years: 1, startYear: 2022 });
  const dates = issueDates(options);
  const papers = ['zunyi-daily', 'qiannan-daily', 'anshun-daily', 'bijie-daily', 'tongren-daily', 'liupanshui-daily', 'qiandongnan-daily', 'xingyi-evening'];
  const pages: SourcePage[] = [];
  for (let i = 0; pages.length < count; i++) {
    const issue = syntheticIssue(options, papers[i % papers.length]!, dates[(i * 37) % dates.length]!);
    const page = issue.pages[(i * 5) % issue.pages.length]!;
    pages.push({
      input: { key: `${issue.paper.slug}/${issue.date}/${String(page.number).padStart(2, '0')}`, paperSlug: issue.paper.slug, paperName: issue.paper.name, date: issue.date, page: page.number, pageName: page.name, editor: page.editor, items: page.items.map(truthItem) },
      cleanText: cleanText(issue, page),
    });
  }
  return pages;
}

/** A hand-made page (the sample) as plain OCR-like text, through the same writer. */
export function sourcePageOf(input: TruthPageInput): SourcePage {
  const issue: SyntheticIssue = { paper: { slug: input.paperSlug, name: input.paperName, place: '', cn: '' }, date: input.date, number: 0, pages: [] };
  const page: SyntheticPage = {
    number: input.page,
    name: input.pageName,
    editor: input.editor,
    items: input.items.map((item, i) => ({ ...item, id: `${input.paperSlug}/${input.date}/${input.page}/${i + 1}`, photos: [], planted: [] })),
  };
  return { input, cleanText: cleanText(issue, page) };
}
