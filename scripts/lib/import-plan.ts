import { createHash } from 'node:crypto';
import { isMap, isSeq, LineCounter, parse as parseYaml, parseDocument, stringify as stringifyYaml, type YAMLSeq } from 'yaml';
import type { Issue } from '../../src/schemas/issue.ts';
import type { ArticleFrontmatter, ArticlePhoto } from '../../src/schemas/article.ts';
import type { ParsedItem, ParsedPage } from '../../src/schemas/parsed-page.ts';
import type { Regions, Scan } from '../../src/schemas/scan.ts';
import { importRecordSchema, type ImportRecord } from '../../src/schemas/import-record.ts';
import { contentPaths } from '../../src/lib/ids.ts';
import { isItemFileName } from '../../src/lib/content-names.ts';
import { articleToMdx, isHandEdited } from './to-mdx.ts';

/**
 * What an import will do to the content folder, decided without touching it: the files to
 * write and remove, and every hand correction that stands in the way or is kept.
 *
 * Every file the import writes is protected, not only article text. Each issue folder holds a
 * record of what the import last wrote there (`.import-record.json`: each file's SHA-256 and the
 * value of each `issue.yml` field it set; src/schemas/import-record.ts). Against it:
 *
 * - an article or photo whose bytes differ from the record was changed by hand: a conflict
 *   (the import stops with exit 3 unless --force, which keeps the old file in backups/);
 * - a recorded file that is missing was deleted by hand: it stays deleted (a note in the
 *   review) unless --force;
 * - an `issue.yml` field that differs from what the import set was corrected by hand: it is
 *   kept (a note in the review) unless --force; the rest of the file (comments, fields the
 *   import does not set) is edited in place, never rewritten from scratch.
 *
 * Archives imported before the record existed fall back to what the files say themselves: an
 * article's `importHash`, a photo's `sha256` in its article's front matter. An `issue.yml` field
 * without a record is kept when it holds something else than the import would write.
 */

/** A photo ready to store: processed bytes plus what the article's front matter records. */
export interface PreparedPhoto {
  itemId: string;
  bytes: Uint8Array;
  meta: Omit<ArticlePhoto, 'file'>;
  ext: 'jpg';
}

export type PlannedWrite = { path: string; data: string | Uint8Array };

/** An `issue.yml` field corrected by hand and kept, or (with --force) replaced. */
export interface FieldEdit {
  /** The issue.yml, relative to the content folder. */
  path: string;
  /** The field, e.g. `estimated.note` or `pages.3.name`. */
  field: string;
  /** What the file holds (undefined: the field was deleted by hand). */
  current: unknown;
  /** What the import would write. */
  imported: unknown;
}

/** Content the import cannot read (a hand-broken issue.yml); the import stops with exit 1. */
export interface PlanError {
  file: string;
  line?: number;
  message: string;
  hint: string;
}

export interface ImportPlan {
  writes: PlannedWrite[];
  /** Files of an earlier import of the same page that the new import no longer has. */
  removals: string[];
  /** Articles and photos changed by hand that the plan overwrites or removes: refused without --force. */
  conflicts: string[];
  /** Files whose content would not change. */
  unchanged: string[];
  /** Files the import wrote before that were deleted by hand since: left deleted (without --force). */
  keptDeleted: string[];
  /** Files deleted by hand that --force writes again. */
  restored: string[];
  /** `issue.yml` fields corrected by hand and kept (without --force). */
  keptFields: FieldEdit[];
  /** `issue.yml` fields corrected by hand that --force replaces. */
  replacedFields: FieldEdit[];
  /** Files to copy into backups/ before they are replaced or removed. */
  backups: string[];
  errors: PlanError[];
}

export interface PageSource {
  parsed: ParsedPage;
  /** Where the OCR text came from, as recorded in the front matter (`03.txt`). */
  sourceFile: string;
  /** The page's scan in the scan store, recorded in issue.yml (`pages.N.scan`); absent: the page keeps the one it has. */
  scan?: Scan | null;
  /** Where each item is on the scan, by item id; items without an entry get no `regions`. */
  regions?: ReadonlyMap<string, Regions>;
}

/**
 * A read-only view of the content folder: the text of a file, the SHA-256 of its bytes, and the
 * files under a folder. Supplied by scripts/io so that planning stays pure.
 */
export interface ContentSnapshot {
  read(path: string): string | null;
  /** SHA-256 (hex) of the file's bytes, or null when it does not exist. */
  hash(path: string): string | null;
  list(dir: string): string[];
}

export interface IssueFacts {
  number?: number;
  estimated?: Issue['estimated'];
}

export interface PlanOptions {
  /** Replace hand corrections (the replaced files are backed up). */
  force?: boolean;
}

export const RECORD_FILE = '.import-record.json';
const ISSUE_HEADER = '# Written by `npm run import`; hand edits to notes and page names are kept.\n';

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function planImport(pages: PageSource[], photos: PreparedPhoto[], snapshot: ContentSnapshot, facts: IssueFacts = {}, options: PlanOptions = {}): ImportPlan {
  const force = options.force === true;
  const plan: ImportPlan = { writes: [], removals: [], conflicts: [], unchanged: [], keptDeleted: [], restored: [], keptFields: [], replacedFields: [], backups: [], errors: [] };
  const photosByItem = new Map<string, PreparedPhoto[]>();
  for (const photo of photos) photosByItem.set(photo.itemId, [...(photosByItem.get(photo.itemId) ?? []), photo]);

  const issues = new Map<string, PageSource[]>();
  for (const page of pages) {
    const key = `${page.parsed.paper}/${page.parsed.date}`;
    issues.set(key, [...(issues.get(key) ?? []), page]);
  }

  for (const [issueDir, issuePages] of issues) {
    const recordPath = `${issueDir}/${RECORD_FILE}`;
    const record = readRecord(snapshot.read(recordPath));
    const next: ImportRecord = { version: 1, files: { ...record?.files }, fields: { ...record?.fields } };
    const inIssue = (path: string) => path.slice(issueDir.length + 1);

    /** Add a write of a file the import owns, unless it is unchanged, deleted by hand or in conflict. */
    const put = (path: string, data: string | Uint8Array, legacyOwned: (path: string, hash: string) => boolean) => {
      const hash = sha256Hex(data);
      const current = snapshot.hash(path);
      const recorded = record?.files[inIssue(path)];
      next.files[inIssue(path)] = hash;
      if (current === hash) {
        plan.unchanged.push(path);
        return;
      }
      if (current === null) {
        if (recorded !== undefined) {
          if (!force) {
            plan.keptDeleted.push(path);
            return;
          }
          plan.restored.push(path);
        }
        plan.writes.push({ path, data });
        return;
      }
      const edited = recorded !== undefined ? current !== recorded : !legacyOwned(path, current);
      if (edited) plan.conflicts.push(path);
      if (force) plan.backups.push(path);
      plan.writes.push({ path, data });
    };

    const issueYaml = planIssueYaml(snapshot, issueDir, issuePages, facts, record, force);
    if (issueYaml.error) {
      plan.errors.push(issueYaml.error);
      continue;
    }
    plan.keptFields.push(...issueYaml.kept);
    plan.replacedFields.push(...issueYaml.replaced);
    Object.assign(next.fields, issueYaml.fields);
    const issuePath = `${issueDir}/issue.yml`;
    const issueHash = sha256Hex(issueYaml.text);
    next.files['issue.yml'] = issueHash;
    const currentIssueHash = snapshot.hash(issuePath);
    if (currentIssueHash === issueHash) plan.unchanged.push(issuePath);
    else {
      // a file changed by hand is merged field by field, and kept as it was in backups/
      const touched = currentIssueHash !== null && currentIssueHash !== record?.files['issue.yml'];
      if (currentIssueHash !== null && (force || touched)) plan.backups.push(issuePath);
      plan.writes.push({ path: issuePath, data: issueYaml.text });
    }

    for (const { parsed, sourceFile, regions } of issuePages) {
      const dir = contentPaths.pageDir(parsed.paper, parsed.date, parsed.page);
      const prefix = `${inIssue(dir)}/`;
      for (const key of Object.keys(next.files)) if (key.startsWith(prefix)) delete next.files[key];
      const wanted = new Set<string>();
      for (const item of parsed.articles) {
        const itemPhotos = (photosByItem.get(item.id) ?? []).map((photo, index) => ({ photo, path: contentPaths.photo(item.id, index + 1, photo.ext) }));
        // a photo deleted by hand stays deleted (without --force), and so leaves the front
        // matter too: the build refuses an article that names a photo it cannot find
        const deletedByHand = (path: string) => !force && snapshot.hash(path) === null && record?.files[inIssue(path)] !== undefined;
        const photoMeta: ArticlePhoto[] = itemPhotos
          .filter(({ path }) => !deletedByHand(path))
          .map(({ photo, path }) => ({ file: path.split('/').pop()!, ...photo.meta }));
        const articlePath = contentPaths.article(item.id);
        wanted.add(articlePath);
        put(articlePath, articleToMdx(frontmatterOf(item, photoMeta, sourceFile, regions?.get(item.id)), bodyOf(item)), (path) => !isHandEdited(snapshot.read(path) ?? ''));
        for (const { photo, path } of itemPhotos) {
          wanted.add(path);
          put(path, photo.bytes, (p, hash) => photoOfArticle(snapshot, articlePath, p, hash));
        }
      }
      for (const existing of snapshot.list(dir)) {
        const path = `${dir}/${existing}`;
        // names the site refuses (1000.mdx, from an older import) go too, so the build is not broken
        if (wanted.has(path) || !isItemFileName(existing)) continue;
        const current = snapshot.hash(path);
        const recorded = record?.files[inIssue(path)];
        const legacyOwned = path.endsWith('.mdx')
          ? !isHandEdited(snapshot.read(path) ?? '')
          : current !== null && photoOfArticle(snapshot, path.replace(/-\d+\.\w+$/u, '.mdx'), path, current);
        const edited = recorded !== undefined ? current !== recorded : !legacyOwned;
        if (edited) plan.conflicts.push(path);
        if (force) plan.backups.push(path);
        plan.removals.push(path);
      }
    }

    const recordText = `${JSON.stringify(sortKeys(next), null, 1)}\n`;
    if (snapshot.read(recordPath) === recordText) plan.unchanged.push(recordPath);
    else plan.writes.push({ path: recordPath, data: recordText });
  }
  return plan;
}

function readRecord(text: string | null): ImportRecord | null {
  if (text === null) return null;
  try {
    return importRecordSchema.parse(JSON.parse(text));
  } catch {
    // unreadable: protect as in an archive without records (the files' own checksums)
    return null;
  }
}

/** Did the import write this photo, as its article's front matter says (`photos[].sha256`)? */
function photoOfArticle(snapshot: ContentSnapshot, articlePath: string, photoPath: string, hash: string): boolean {
  const text = snapshot.read(articlePath);
  const yaml = text === null ? null : /^---\n([\s\S]*?)\n---/u.exec(text)?.[1];
  if (!yaml) return false;
  try {
    const data = parseYaml(yaml) as { photos?: Array<{ file?: unknown; sha256?: unknown }> };
    const file = photoPath.split('/').pop();
    return (data.photos ?? []).some((photo) => photo.file === file && photo.sha256 === hash);
  } catch {
    return false;
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

/** The fields of issue.yml an import of these pages sets, by field path. */
function issueFields(pages: PageSource[], facts: IssueFacts): Map<string, unknown> {
  const fields = new Map<string, unknown>();
  if (facts.number !== undefined) fields.set('number', facts.number);
  if (facts.estimated !== undefined) {
    fields.set('estimated.date', facts.estimated.date);
    fields.set('estimated.pages', facts.estimated.pages);
    fields.set('estimated.note', facts.estimated.note);
  }
  for (const { parsed, sourceFile, scan } of pages) {
    if (parsed.pageName !== null) fields.set(`pages.${parsed.page}.name`, parsed.pageName);
    if (parsed.credits.length > 0) fields.set(`pages.${parsed.page}.credits`, parsed.credits);
    fields.set(`pages.${parsed.page}.source`, sourceFile);
    // a page imported without its scan keeps the scan it has (and its items their regions)
    if (scan) fields.set(`pages.${parsed.page}.scan`, scan);
  }
  return fields;
}

interface IssueYamlPlan {
  text: string;
  /** What the import set, for the record. */
  fields: Record<string, unknown>;
  kept: FieldEdit[];
  replaced: FieldEdit[];
  error?: PlanError;
}

/**
 * The issue's `issue.yml` after the import: written anew when there is none, otherwise the
 * existing file edited in place (its comments and other fields stay) with each field the import
 * sets, unless a hand correction of that field is kept.
 */
function planIssueYaml(snapshot: ContentSnapshot, issueDir: string, pages: PageSource[], facts: IssueFacts, record: ImportRecord | null, force: boolean): IssueYamlPlan {
  const path = `${issueDir}/issue.yml`;
  const [paper, date] = issueDir.split('/') as [string, string];
  const wanted = issueFields(pages, facts);
  const fields = Object.fromEntries(wanted);
  const existing = snapshot.read(path);
  const pageEntry = (number: number) => ({
    number,
    name: (wanted.get(`pages.${number}.name`) as string | undefined) ?? null,
    credits: (wanted.get(`pages.${number}.credits`) as unknown[] | undefined) ?? [],
    source: wanted.get(`pages.${number}.source`),
    ...(wanted.has(`pages.${number}.scan`) ? { scan: wanted.get(`pages.${number}.scan`) } : {}),
  });
  const numbers = [...new Set(pages.map((p) => p.parsed.page))].sort((a, b) => a - b);

  if (existing === null) {
    const issue: Record<string, unknown> = { paper, date, pages: numbers.map(pageEntry) };
    if (facts.number !== undefined) issue.number = facts.number;
    if (facts.estimated !== undefined) issue.estimated = facts.estimated;
    return { text: `${ISSUE_HEADER}${stringifyYaml(issue, { lineWidth: 0 })}`, fields, kept: [], replaced: [] };
  }

  const lineCounter = new LineCounter();
  const doc = parseDocument(existing, { lineCounter, prettyErrors: false });
  const broken = (message: string, line?: number): IssueYamlPlan => ({
    text: existing,
    fields,
    kept: [],
    replaced: [],
    error: {
      file: path,
      ...(line !== undefined ? { line } : {}),
      message,
      hint: 'fix the file by hand (see README, "Import an issue", for its fields), then import again; or move it away and the import writes it anew (hand edits in it are then lost)',
    },
  });
  if (doc.errors.length > 0) return broken(`not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`, lineCounter.linePos(doc.errors[0]!.pos[0]).line);
  if (!isMap(doc.contents)) return broken('issue.yml holds no fields (`paper:`, `date:`, `pages:`)');
  const pagesNode = doc.get('pages', true);
  if (pagesNode !== undefined && pagesNode !== null && !isSeq(pagesNode)) return broken('`pages:` is not a list');

  // pages listed in the file by number, and new pages inserted in order
  const pagesSeq = isSeq(pagesNode) ? pagesNode : null;
  const listed = new Map<number, number>();
  (pagesSeq?.items ?? []).forEach((item, index) => {
    const number = isMap(item) ? (item.toJSON() as { number?: unknown }).number : undefined;
    if (typeof number === 'number' && !listed.has(number)) listed.set(number, index);
  });
  const kept: FieldEdit[] = [];
  const replaced: FieldEdit[] = [];
  const fieldPath = (field: string): Array<string | number> => {
    const parts = field.split('.');
    return parts[0] === 'pages' ? ['pages', listed.get(Number(parts[1]))!, parts[2]!] : parts;
  };
  const edits: Array<[string, unknown]> = [];
  for (const [field, value] of wanted) {
    const parts = field.split('.');
    // a page the file does not list yet is added whole, below
    if (parts[0] === 'pages' && !listed.has(Number(parts[1]))) continue;
    const node = doc.getIn(fieldPath(field), true) as { toJSON?: () => unknown } | null | undefined;
    const current = node !== null && node !== undefined && typeof node.toJSON === 'function' ? node.toJSON() : node;
    if (deepEqual(current, value)) continue;
    const recorded = record?.fields[field];
    const untouched = recorded === undefined ? current === undefined || current === null : deepEqual(current, recorded);
    if (!untouched) {
      const edit = { path, field, current, imported: value };
      if (!force) {
        kept.push(edit);
        continue;
      }
      replaced.push(edit);
    }
    edits.push([field, value]);
  }
  const newPages = numbers.filter((n) => !listed.has(n));
  if (edits.length === 0 && newPages.length === 0) return { text: existing, fields, kept, replaced };
  for (const [field, value] of edits) doc.setIn(fieldPath(field), doc.createNode(value));
  if (newPages.length > 0) {
    if (!isSeq(doc.get('pages', true))) doc.set('pages', doc.createNode([]));
    const seq = doc.get('pages', true) as YAMLSeq;
    for (const number of newPages) {
      const at = seq.items.findIndex((item) => isMap(item) && Number((item.toJSON() as { number?: unknown }).number) > number);
      const node = doc.createNode(pageEntry(number));
      if (at < 0) seq.items.push(node);
      else seq.items.splice(at, 0, node);
    }
  }
  return { text: doc.toString({ lineWidth: 0 }), fields, kept, replaced };
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
