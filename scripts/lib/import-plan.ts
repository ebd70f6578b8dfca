import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { issueSchema, type Issue } from '../../src/schemas/issue.ts';
import type { ArticleFrontmatter, ArticlePhoto } from '../../src/schemas/article.ts';
import type { ParsedItem, ParsedPage } from '../../src/schemas/parsed-page.ts';
import type { Regions, Scan } from '../../src/schemas/scan.ts';
import { contentPaths } from '../../src/lib/ids.ts';
import { isItemFileName } from '../../src/lib/content-names.ts';
import { articleToMdx, isHandEdited } from './to-mdx.ts';

/**
 * What an import will do to the content folder, decided without touching it: the files to
 * write, the files to remove, and the hand-edited files that stand in the way.
 */

/** A photo ready to store: processed bytes plus what the article's front matter records. */
export interface PreparedPhoto {
  itemId: string;
  bytes: Uint8Array;
  meta: Omit<ArticlePhoto, 'file'>;
  ext: 'jpg';
}

export type PlannedWrite = { path: string; data: string | Uint8Array };

export interface ImportPlan {
  writes: PlannedWrite[];
  /** Files of an earlier import of the same page that the new import no longer has. */
  removals: string[];
  /** Article files changed by hand that the plan would overwrite or remove. */
  conflicts: string[];
  /** Files whose content would not change. */
  unchanged: string[];
}

export interface PageSource {
  parsed: ParsedPage;
  /** Where the OCR text came from, as recorded in the front matter (`03.txt`). */
  sourceFile: string;
  /** The page's scan in the scan store, recorded in issue.yml; absent: the page keeps the one it has. */
  scan?: Scan | null;
  /** Where each item is on the scan, by item id; items without an entry get no `regions`. */
  regions?: ReadonlyMap<string, Regions>;
}

/**
 * A read-only view of the content folder: the text of a file, and the files under a folder.
 * Supplied by scripts/io so that planning stays pure.
 */
export interface ContentSnapshot {
  read(path: string): string | null;
  list(dir: string): string[];
}

export interface IssueFacts {
  number?: number;
  estimated?: Issue['estimated'];
}

export function planImport(pages: PageSource[], photos: PreparedPhoto[], snapshot: ContentSnapshot, facts: IssueFacts = {}): ImportPlan {
  const plan: ImportPlan = { writes: [], removals: [], conflicts: [], unchanged: [] };
  const photosByItem = new Map<string, PreparedPhoto[]>();
  for (const photo of photos) photosByItem.set(photo.itemId, [...(photosByItem.get(photo.itemId) ?? []), photo]);

  const issues = new Map<string, PageSource[]>();
  for (const page of pages) {
    const key = contentPaths.issue(page.parsed.paper, page.parsed.date);
    issues.set(key, [...(issues.get(key) ?? []), page]);
  }

  for (const [issuePath, issuePages] of issues) {
    const first = issuePages[0]!.parsed;
    const issue = mergeIssue(snapshot.read(issuePath), first.paper, first.date, issuePages, facts);
    addWrite(plan, snapshot, issuePath, `# Written by \`npm run import\`; hand edits to notes and page names are kept.\n${stringifyYaml(issue, { lineWidth: 0 })}`);
  }

  for (const { parsed, sourceFile, regions } of pages) {
    const dir = contentPaths.pageDir(parsed.paper, parsed.date, parsed.page);
    const wanted = new Set<string>();
    for (const item of parsed.articles) {
      const itemPhotos = photosByItem.get(item.id) ?? [];
      const photoMeta: ArticlePhoto[] = itemPhotos.map((photo, index) => ({
        file: contentPaths.photo(item.id, index + 1, photo.ext).split('/').pop()!,
        ...photo.meta,
      }));
      const articlePath = contentPaths.article(item.id);
      const text = articleToMdx(frontmatterOf(item, photoMeta, sourceFile, regions?.get(item.id)), bodyOf(item));
      wanted.add(articlePath);
      addWrite(plan, snapshot, articlePath, text, true);
      itemPhotos.forEach((photo, index) => {
        const photoPath = contentPaths.photo(item.id, index + 1, photo.ext);
        wanted.add(photoPath);
        plan.writes.push({ path: photoPath, data: photo.bytes });
      });
    }
    for (const existing of snapshot.list(dir)) {
      const path = `${dir}/${existing}`;
      // names the site refuses (1000.mdx, from an older import) go too, so the build is not broken
      if (wanted.has(path) || !isItemFileName(existing)) continue;
      plan.removals.push(path);
      if (path.endsWith('.mdx') && isHandEdited(snapshot.read(path) ?? '')) plan.conflicts.push(path);
    }
  }
  return plan;
}

function addWrite(plan: ImportPlan, snapshot: ContentSnapshot, path: string, text: string, guard = false): void {
  const existing = snapshot.read(path);
  if (existing === text) {
    plan.unchanged.push(path);
    return;
  }
  if (guard && existing !== null && isHandEdited(existing)) plan.conflicts.push(path);
  plan.writes.push({ path, data: text });
}

/** The article body: paragraphs of an article, or the caption paragraphs of a photo item. */
export function bodyOf(item: ParsedItem): string[] {
  return item.kind === 'photo' ? (item.caption ?? '').split('\n').filter(Boolean) : item.paragraphs;
}

/** The front matter the import writes for an item; `regions` only when its place on the scan is known. */
export function frontmatterOf(item: ParsedItem, photos: ArticlePhoto[], sourceFile: string, regions?: Regions): ArticleFrontmatter {
  return {
    kind: item.kind,
    kicker: item.kicker,
    title: item.title,
    subtitle: item.subtitle,
    column: item.column,
    dateline: item.dateline,
    reporters: item.reporters,
    correspondents: item.correspondents,
    photographers: item.photographers,
    credit: item.credit,
    continuation: item.continuation,
    photos,
    problems: item.problems,
    ...(regions && regions.length > 0 ? { regions } : {}),
    source: { file: sourceFile, lines: item.lines },
  };
}

/** Update an issue's metadata with the imported pages, keeping what was there. */
export function mergeIssue(existingYaml: string | null, paper: string, date: string, pages: PageSource[], facts: IssueFacts): Issue {
  const existing = existingYaml ? issueSchema.safeParse(parseYaml(existingYaml)) : null;
  const base: Issue = existing?.success ? existing.data : { paper, date, pages: [] };
  const byNumber = new Map(base.pages.map((page) => [page.number, page]));
  for (const { parsed, sourceFile, scan } of pages) {
    const before = byNumber.get(parsed.page);
    // a page imported without its scan keeps the scan it has (and its items their regions)
    const keptScan = scan ?? before?.scan;
    byNumber.set(parsed.page, {
      number: parsed.page,
      name: parsed.pageName ?? before?.name ?? null,
      credits: parsed.credits.length > 0 ? parsed.credits : (before?.credits ?? []),
      source: sourceFile,
      ...(keptScan ? { scan: keptScan } : {}),
    });
  }
  const issue: Issue = { ...base, paper, date, pages: [...byNumber.values()].sort((a, b) => a.number - b.number) };
  if (facts.number !== undefined) issue.number = facts.number;
  if (facts.estimated !== undefined) issue.estimated = facts.estimated;
  return issue;
}

