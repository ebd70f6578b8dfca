import type { Archive, ArticleEntry, ArticleRef, IssueRef, PageRef, PaperRef } from './archive.ts';
import { articleParagraphs, excerpt } from './article-text.ts';
import { parseJumps, type Jump } from './jumps.ts';
import { ROLE_LABELS } from './roles.ts';
import type { ArticleFrontmatter } from '../schemas/article.ts';

/**
 * What the reading room shows of an article, worked out once per article and shared by the
 * article page, the cards on issue and page views, citations, feeds and the open data, so
 * that all of them name an article the same way.
 */
export interface ArticleView {
  ref: ArticleRef;
  paper: PaperRef;
  issue: IssueRef;
  page: PageRef;
  /** The body as plain paragraphs (hand corrections included: the MDX body is the source). */
  readonly paragraphs: string[];
  /**
   * The headline to show and to cite: the printed 主题; for a photo item without one, what its
   * caption says the picture shows; for a continued piece without one, the headline of where
   * it started.
   */
  headline: string;
  /** True when nothing was printed as 主题 and `headline` was made from the text. */
  untitled: boolean;
  /** The first sentences, for cards, descriptions and feeds. */
  readonly lead: string;
  /** The people cited as authors: the reporters; for a photo item, its photographers. */
  authors: string[];
  /** Jump lines resolved to the page and, where it can be found, the piece on the other end. */
  jumps: ResolvedJump[];
}

export interface ResolvedJump extends Jump {
  /** The page the jump names, when the archive holds it. */
  target: PageRef | undefined;
  /** The piece on that page that carries the opposite jump back to this page. */
  article: ArticleRef | undefined;
}

const views = new WeakMap<ArticleEntry, ArticleView>();
const paragraphCache = new WeakMap<ArticleEntry, string[]>();

function paragraphsOf(entry: ArticleEntry): string[] {
  let paragraphs = paragraphCache.get(entry);
  if (!paragraphs) {
    // stored by the loader at sync time (src/loaders/mdx-articles.ts), else read now
    const rendered = entry.rendered as { metadata?: { paragraphs?: string[] } } | undefined;
    const stored = rendered?.metadata?.paragraphs;
    if (stored === undefined && rendered !== undefined && entry.body === undefined) {
      // the index build of a sharded site keeps the text of untitled items only (their headline
      // is made from it); a page of that build that needs more text must be rendered by a shard
      throw new Error(`[article-view] ${entry.filePath ?? entry.id}: this build did not load the article's text (ARCHIVE_SHARD=index loads it only for items without a printed headline)`);
    }
    paragraphs = stored ?? articleParagraphs(entry.body);
    paragraphCache.set(entry, paragraphs);
  }
  return paragraphs;
}

/** The view of one article of the archive (memoised: pages, feeds and data share it). */
export function articleView(archive: Archive, ref: ArticleRef): ArticleView {
  const cached = views.get(ref.entry);
  if (cached) return cached;
  const { key, entry } = ref;
  const paper = archive.paper(key.paper)!;
  const issue = archive.issue(key.paper, key.date)!;
  const page = issue.pages.find((p) => p.page.number === key.page)!;
  const jumps = resolveJumps(issue, ref);
  const data = entry.data;

  let headline = data.title;
  if (headline === null) {
    const origin = jumps.find((jump) => jump.direction === 'from' && jump.article?.entry.data.title);
    if (data.kind === 'article' && origin) headline = `${origin.article!.entry.data.title}（${origin.label.replace(/^上/u, '')}）`;
    else headline = headlineFromText(data.kind, paragraphsOf(entry));
  }
  const authors = data.kind === 'photo' && data.photographers.length > 0 ? data.photographers : data.reporters;

  // the text is read when asked for: pages that show only headlines need it for untitled items
  let lead: string | undefined;
  const view: ArticleView = {
    ref,
    paper,
    issue,
    page,
    get paragraphs() {
      return paragraphsOf(entry);
    },
    headline,
    untitled: data.title === null,
    get lead() {
      lead ??= excerpt(paragraphsOf(entry), 80);
      return lead;
    },
    authors,
    jumps,
  };
  views.set(entry, view);
  return view;
}

function resolveJumps(issue: IssueRef, ref: ArticleRef): ResolvedJump[] {
  return parseJumps(ref.entry.data.continuation).map((jump) => {
    const target = issue.pages.find((p) => p.page.number === jump.page);
    const back = jump.direction === 'to' ? 'from' : 'to';
    // the piece on the other page whose own jump points back here
    const article = target?.articles.find(
      (other) => other !== ref && parseJumps(other.entry.data.continuation).some((j) => j.direction === back && j.page === ref.key.page),
    );
    return { ...jump, target, article };
  });
}

/** Longest made-up headline taken whole from a caption sentence. */
const CAPTION_HEADLINE = 40;

/**
 * What a caption says its picture shows, best first: the sentence starting 图为
 * (图为群众展示领到的春联。 -> 群众展示领到的春联), then the caption's first sentence; without
 * their closing full stop. Empty when the caption has no sentence.
 */
export function photoSubjects(paragraphs: string[]): string[] {
  const sentences = captionSentences(paragraphs);
  const shows = sentences.find((sentence) => sentence.startsWith('图为'));
  return [shows?.replace(/^图为[：:，,]?/u, ''), sentences[0]].filter((text) => text !== undefined).map((text) => text.replace(/[。！？]$/u, ''));
}

/**
 * A headline for a photo item printed without one: what the caption says the picture shows
 * (`photoSubjects`) when it is short enough, else the caption's first characters.
 */
export function photoHeadline(paragraphs: string[]): string {
  const text = photoSubjects(paragraphs).find((subject) => subject !== '' && [...subject].length <= CAPTION_HEADLINE);
  return text ?? (excerpt(paragraphs, 24) || '图片');
}

/** The text alternative of a photo item's picture: what its caption says it shows, else the headline. */
export function photoItemAlt(paragraphs: string[], headline: string): string {
  return excerpt([photoSubjects(paragraphs)[0] ?? headline.replace(/[。！？]$/u, '')], 60);
}

/** The headline of an item printed without one, made from its text. */
export function headlineFromText(kind: 'article' | 'photo', paragraphs: string[]): string {
  return kind === 'photo' ? photoHeadline(paragraphs) : excerpt(paragraphs, 20) || '（无标题）';
}

/** The sentences of a caption; a paragraph that stops without a full stop ends one too. */
export function captionSentences(paragraphs: string[]): string[] {
  return paragraphs.flatMap((paragraph) => paragraph.split(/(?<=[。！？])/u)).map((sentence) => sentence.trim()).filter((sentence) => sentence !== '');
}

/** The neighbours of an article in reading order within its paper, for previous/next links. */
export function neighbours(archive: Archive, ref: ArticleRef): { previous: ArticleRef | undefined; next: ArticleRef | undefined } {
  const index = indexOf(archive, ref);
  const previous = archive.articles[index - 1];
  const next = archive.articles[index + 1];
  return {
    previous: previous?.key.paper === ref.key.paper ? previous : undefined,
    next: next?.key.paper === ref.key.paper ? next : undefined,
  };
}

const positions = new WeakMap<Archive, Map<ArticleRef, number>>();
function indexOf(archive: Archive, ref: ArticleRef): number {
  let map = positions.get(archive);
  if (!map) {
    map = new Map(archive.articles.map((article, index) => [article, index]));
    positions.set(archive, map);
  }
  return map.get(ref) ?? -1;
}

/** What a byline is made from: an article's or photo item's people and dateline. */
export type BylineData = Pick<ArticleFrontmatter, 'kind' | 'dateline' | 'reporters' | 'correspondents' | 'photographers'>;

/**
 * The byline as a newspaper prints it: 本报讯（记者 张婷 通讯员 陈静）; without a dateline,
 * 记者 张婷. A photographer who is also the reporter is credited 文/图.
 */
export function printedByline(data: BylineData): { dateline: string | null; people: string } {
  const parts: string[] = [];
  const photographersOnly = data.photographers.filter((name) => !data.reporters.includes(name));
  const bothWays = data.photographers.length > 0 && photographersOnly.length === 0;
  if (data.reporters.length > 0) parts.push(`${ROLE_LABELS.reporter} ${data.reporters.join(' ')}${bothWays ? ` ${ROLE_LABELS['writer-photographer']}` : ''}`);
  if (data.correspondents.length > 0) parts.push(`${ROLE_LABELS.correspondent} ${data.correspondents.join(' ')}`);
  if (photographersOnly.length > 0 && data.kind === 'article') parts.push(`${ROLE_LABELS.photographer} ${photographersOnly.join(' ')}`);
  const people = parts.join(' ');
  return { dateline: data.dateline, people: data.dateline && people ? `（${people}）` : people };
}

/** The printed byline in one line: 本报讯（记者 张婷）; empty when there is none. */
export function bylineText(data: BylineData): string {
  const byline = printedByline(data);
  return [byline.dateline, byline.people].filter(Boolean).join('');
}

/**
 * The people of an item in one line, for cards: 记者 张婷 通讯员 陈静 (the printed byline
 * without the dateline's brackets); for a photo item, 摄影 and the people cited as its authors.
 */
export function peopleLine(view: Pick<ArticleView, 'ref' | 'authors'>): string {
  const { data } = view.ref.entry;
  if (data.kind === 'photo') return view.authors.length > 0 ? `${ROLE_LABELS.photographer} ${view.authors.join(' ')}` : '';
  return printedByline(data).people.replace(/^（|）$/gu, '');
}
