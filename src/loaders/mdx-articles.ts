import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { z } from 'astro/zod';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { articleParagraphs } from '../lib/article-text.ts';
import type { NameProblem } from '../lib/content-names.ts';
import { progress } from '../lib/progress.ts';
import { locateIssues, yamlLines } from '../lib/yaml-data.ts';
import { contentError, type LoadProblem, type LoadReport } from './load-report.ts';
import { createPlainMdxRenderer, type PlainMdxOptions, type PlainMdxResult } from './plain-mdx.ts';
import { utf8 } from './yaml-files.ts';

/**
 * A content loader for the archive's MDX articles that keeps MDX as the authoring format but
 * builds at plain-Markdown speed.
 *
 * Astro's glob loader hands every `.mdx` file to Vite, which compiles and bundles it as one
 * JavaScript module: about 7-9 ms per page and gigabytes of memory at 20,000 files, while `.md`
 * is rendered once into the content store at about 2.5 ms per page. Imported articles use no
 * MDX feature (no components, imports or expressions), so this loader renders each one at sync
 * time with the same unified pipeline as @astrojs/mdx (plain-mdx.ts) and stores the HTML; the
 * data store keeps it between builds, keyed by a digest of the file. A file that does use MDX
 * (a hand-written component, an image, a code block …) is registered exactly as the glob loader
 * registers it, and @astrojs/mdx compiles that one file as before.
 *
 * The HTML is the same as @astrojs/mdx's, byte for byte: mdx-articles.test.ts builds a site
 * both ways and compares every page.
 */
export interface MdxArticlesOptions {
  /** Folder that holds the files. */
  base: string;
  /** Which files are entries, tested on their path relative to `base` with `/` separators. */
  pattern: RegExp;
  /** The entry id of a file, from its path relative to `base`. */
  generateId: (entry: string) => string;
  /** Load only the entries this accepts (a shard of the archive); others are skipped unread. */
  include?: (id: string) => boolean;
  /**
   * Render the bodies (default). The index build of a sharded site renders no article page and
   * needs the data of every article, and the text only of those without a printed headline.
   */
  render?: boolean;
  /**
   * The collection's schema (the same object as its `schema`): front matter is checked with it
   * first, so that every problem is reported with its line (load-report.ts).
   */
  schema?: z.ZodType;
  /** Why the site refuses a file that `pattern` matched (a name it does not accept), or null. */
  checkPath?: (entry: string) => NameProblem | null;
  /**
   * Files an entry names in its front matter, relative to its folder, with where it names them
   * (`['photos', 0, 'file']`): each must exist, or the page would show a broken image.
   */
  files?: (data: Record<string, unknown>) => Array<{ file: string; at: Array<string | number> }>;
  /** Collects the problems of every loader, so that one build reports them all. */
  report?: LoadReport;
}

/** Bumped when the renderer's output changes, so that stored HTML is made again. */
const RENDERER_VERSION = 'plain-mdx-1';

/**
 * What is stored is made again when the code that makes it changes: the source of this loader,
 * its renderer and the paragraph reader is part of every entry's digest.
 */
const CODE_VERSION = ['./mdx-articles.ts', './plain-mdx.ts', '../lib/article-text.ts', '../../scripts/lib/to-mdx.ts']
  .reduce((hash, file) => hash.update(readFileSync(new URL(file, import.meta.url))), createHash('sha256'))
  .digest('hex')
  .slice(0, 12);

/**
 * What the loader stores besides the HTML: the body as plain paragraphs (articleParagraphs), which
 * excerpts, citations, open data and the search index read, instead of the MDX body. Reading
 * them out of the MDX was the largest cost of a build that renders no article page (the index
 * build of a sharded site: 10 of its 58 s at 50,000 articles); now it is done once per changed
 * file, at sync time. Entries left to @astrojs/mdx keep their body and are read at build time.
 * With `render: false` (the index build) only untitled items keep their paragraphs: the text was
 * 166 of the store's 199 MB at 50,000 articles, and the store is bundled into the build.
 */
export interface StoredMetadata {
  paragraphs?: string[];
}

export function mdxArticles(options: MdxArticlesOptions): Loader {
  return {
    name: 'archive:mdx-articles',
    load: async (context) => {
      const { store, logger, config, watcher } = context;
      const base = resolve(options.base);
      const render = options.render === false ? async () => null : rendererFor(context);
      const version = `${options.render === false ? `${RENDERER_VERSION}-data-only` : RENDERER_VERSION}-${CODE_VERSION}`;
      const root = fileURLToPath(config.root);
      const untouched = new Set(store.keys());
      let rendered = 0;
      let compiled = 0;
      let reused = 0;
      let problems: LoadProblem[] = [];

      /** Named files that are not there, with the line that names them. */
      const missingFiles = (data: Record<string, unknown>, path: string, contents: () => string): LoadProblem[] => {
        const named = options.files?.(data) ?? [];
        const missing = named.filter(({ file }) => !isFile(join(dirname(path), file)));
        if (missing.length === 0) return [];
        const lineOf = frontmatterLines(contents());
        return missing.map(({ file, at }) => ({
          file: path,
          ...(lineOf(at) !== undefined ? { line: lineOf(at)! } : {}),
          message: `names ${file} (\`${at.join('.')}\`), which is not in ${relative(base, dirname(path)).split(sep).join('/')}/: the page would show a broken image`,
          hint: `put ${file} back (import the page again with its photos), or delete the entry from \`${at.slice(0, -1).join('.') || at.join('.')}\``,
        }));
      };

      const sync = async (entry: string) => {
        const path = join(base, entry);
        const wrongName = options.checkPath?.(entry);
        if (wrongName) {
          problems.push({ file: path, message: wrongName.message, hint: wrongName.hint });
          return;
        }
        const id = options.generateId(entry);
        if (options.include && !options.include(id)) return;
        untouched.delete(id);
        const contents = utf8(readFileSync(path));
        if (contents === null) {
          store.delete(id);
          problems.push({ file: path, message: 'not UTF-8 text', hint: 'save the file as UTF-8 (the importer writes UTF-8; an editor may have saved it as GBK)' });
          return;
        }
        const digest = context.generateDigest(`${version}\n${contents}`);
        const existing = store.get(id);
        if (existing && existing.digest === digest) {
          // the file is as before, but a photo it names may have gone since
          const gone = missingFiles(existing.data, path, () => contents);
          if (gone.length > 0) {
            store.delete(id);
            problems.push(...gone);
            return;
          }
          if (existing.deferredRender && existing.filePath) store.addModuleImport(existing.filePath);
          reused++;
          return;
        }
        store.delete(id);
        const checked = checkFrontmatter(contents, path, options.schema);
        if (!checked.ok) {
          problems.push(...checked.problems);
          return;
        }
        const { frontmatter, content } = checked;
        const gone = missingFiles(frontmatter, path, () => contents);
        if (gone.length > 0) {
          problems.push(...gone);
          return;
        }
        const body = content.trim();
        let data: Record<string, unknown>;
        try {
          data = await context.parseData({ id, data: frontmatter, filePath: path });
        } catch (error) {
          problems.push({ file: path, message: (error as Error).message.replace(/\*\*/gu, '').trim(), hint: 'correct the front matter (see src/schemas/article.ts)' });
          return;
        }
        const filePath = relative(root, path).split(sep).join('/');
        let result: PlainMdxResult | null = null;
        try {
          result = await render(body, path);
        } catch (error) {
          logger.warn(`${filePath}: ${(error as Error).message}; compiling it as MDX instead`);
        }
        if (result) {
          // the body itself is not kept: the store is bundled into the build as JavaScript, and
          // nothing reads the body once its HTML and paragraphs are made
          const metadata = { headings: result.headings, frontmatter, paragraphs: articleParagraphs(body) };
          store.set({ id, data, filePath, digest, rendered: { html: result.html, metadata } });
          rendered++;
        } else if (options.render === false) {
          // no HTML: the index build renders no article page and shows headlines only; an item
          // printed without one is named from its text (article-view.ts), so that text is kept
          const metadata: StoredMetadata & Record<string, unknown> = (data as { title?: string | null }).title === null ? { paragraphs: articleParagraphs(body) } : {};
          store.set({ id, data, filePath, digest, rendered: { html: '', metadata } });
        } else {
          // as the glob loader does for .mdx: @astrojs/mdx compiles this file when it is rendered
          store.set({ id, data, body, filePath, digest, deferredRender: true });
          compiled++;
        }
      };

      try {
        const entries = listEntries(base, options.pattern);
        const counter = progress({ label: options.render === false ? 'loading articles' : 'rendering articles', total: entries.length, say: (line) => logger.info(line) });
        for (const entry of entries) {
          await sync(entry);
          counter.tick();
        }
        for (const id of untouched) store.delete(id);
      } catch (error) {
        options.report?.abandon(context.collection);
        throw error;
      }
      if (options.report) await options.report.settle(context.collection, problems, { watching: Boolean(watcher) });
      else if (problems.length > 0) throw contentError(problems);
      logger.info(
        options.render === false
          ? `${store.keys().length} articles loaded without their bodies rendered (text kept for untitled items only)`
          : `${rendered} articles rendered, ${reused} unchanged, ${compiled} left to @astrojs/mdx (they use MDX features)`,
      );

      if (!watcher) return;
      // `astro dev`: follow edits, additions and deletions
      watcher.add(base);
      const relativeEntry = (path: string) => {
        const entry = relative(base, path).split(sep).join('/');
        return options.pattern.test(entry) ? entry : null;
      };
      const onChange = async (path: string) => {
        const entry = relativeEntry(path);
        if (!entry) return;
        problems = [];
        await sync(entry);
        // `astro dev` keeps running: say what is wrong and leave the entry out
        for (const problem of problems) logger.error(`${relative(root, problem.file)}${problem.line ? `:${problem.line}` : ''}: ${problem.message} (fix: ${problem.hint})`);
      };
      watcher.on('add', onChange);
      watcher.on('change', onChange);
      watcher.on('unlink', (path) => {
        const entry = relativeEntry(path);
        if (entry) store.delete(options.generateId(entry));
      });
    },
  };
}

type Checked = { ok: true; frontmatter: Record<string, unknown>; content: string } | { ok: false; problems: LoadProblem[] };

/**
 * The front matter of a file as Astro reads it (js-yaml, the same as the glob loader), checked
 * with the schema; a YAML error or a field of the wrong type becomes a problem at its line.
 */
export function checkFrontmatter(contents: string, path: string, schema: z.ZodType | undefined): Checked {
  let parsed: ReturnType<typeof parseFrontmatter>;
  try {
    parsed = parseFrontmatter(contents, { frontmatter: 'empty-with-spaces' });
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message.split('\n')[0];
    const offset = frontmatterOffset(contents);
    return {
      ok: false,
      problems: [
        {
          file: path,
          ...(mark?.line !== undefined ? { line: mark.line + 1 + offset } : {}),
          message: `the front matter is not valid YAML (here or just above): ${reason}`,
          hint: 'correct the YAML between the --- lines (a quote or bracket left open? a colon in a value needs quotes)',
        },
      ],
    };
  }
  if (schema) {
    const result = schema.safeParse(parsed.frontmatter);
    if (!result.success) {
      const offset = frontmatterOffset(contents);
      return {
        ok: false,
        problems: locateIssues(parsed.rawFrontmatter, result.error.issues).map((problem) => ({
          file: path,
          ...(problem.line !== undefined ? { line: problem.line + offset } : {}),
          message: `front matter ${problem.message}`,
          hint: 'correct the field (src/schemas/article.ts says what each field holds), or import the page again',
        })),
      };
    }
  }
  return { ok: true, frontmatter: parsed.frontmatter, content: parsed.content };
}

/** Lines in a file before the first line of its front matter's text (the line of the opening ---, less one). */
function frontmatterOffset(contents: string): number {
  const open = /^(?:\uFEFF?|\s*\n)---/u.exec(contents);
  return open ? open[0].split('\n').length - 1 : 0;
}

/** The line in the file of a path of the front matter. */
function frontmatterLines(contents: string): (path: Array<string | number>) => number | undefined {
  const raw = /^(?:\uFEFF?|\s*\n)---([\s\S]*?\n)---/u.exec(contents)?.[1] ?? '';
  const lineOf = yamlLines(raw);
  const offset = frontmatterOffset(contents);
  return (path) => {
    const line = lineOf(path);
    return line === undefined ? undefined : line + offset;
  };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The files under `base` whose relative path matches, in a stable order. */
export function listEntries(base: string, pattern: RegExp): string[] {
  if (!existsSync(base)) return [];
  return (readdirSync(base, { recursive: true, encoding: 'utf8' }) as string[])
    .map((entry) => entry.split(sep).join('/'))
    .filter((entry) => pattern.test(entry))
    .sort();
}

/** The site's unified processor options, as @astrojs/mdx resolves them for `.mdx`. */
function rendererFor(context: LoaderContext) {
  const processor = context.config.markdown.processor as { name?: string; options?: { remarkPlugins?: unknown[]; gfm?: boolean; smartypants?: unknown } };
  if (processor?.name !== 'unified' || !processor.options) {
    context.logger.warn('markdown.processor is not unified(): every article is compiled by @astrojs/mdx');
    return async () => null;
  }
  const options: PlainMdxOptions = {
    remarkPlugins: (processor.options.remarkPlugins ?? []) as PlainMdxOptions['remarkPlugins'],
    gfm: processor.options.gfm ?? true,
    smartypants: processor.options.smartypants !== false,
  };
  return createPlainMdxRenderer(options);
}
