import { rehypeHeadingIds, type MarkdownHeading } from '@astrojs/markdown-remark';
import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { toAstroHtml } from './astro-html.ts';

/**
 * Render an MDX body that uses no MDX features (no import/export, no JSX, no {expressions}) to
 * the HTML that @astrojs/mdx would produce for it, without compiling it to a JavaScript module.
 *
 * The pipeline is the one @mdx-js/mdx runs before it writes JavaScript: remark-parse with
 * remark-mdx (so `\<`, `\{` and character references mean what they mean in MDX), the site's
 * remark plugins (GFM, remark-cjk-friendly), remark-rehype, and Astro's heading ids. The tree is
 * printed the way Astro's JSX renderer prints it (astro-html.ts). A body that needs more
 * (components, expressions, images, code blocks, tables, footnotes, raw HTML) gets `null`, and
 * the loader hands the file to @astrojs/mdx as before.
 */
export interface PlainMdxOptions {
  /** The remark plugins of `markdown.processor: unified({ remarkPlugins })`. */
  remarkPlugins: PluggableList;
  /** GFM on (Astro's default). */
  gfm: boolean;
  /** SmartyPants changes the text; with it on, every file goes to @astrojs/mdx. */
  smartypants: boolean;
}

export interface PlainMdxResult {
  html: string;
  headings: MarkdownHeading[];
}

/** mdast nodes that plain Markdown text produces and that print the same without MDX. */
const PLAIN_NODES = new Set([
  'root', 'paragraph', 'text', 'emphasis', 'strong', 'delete', 'inlineCode', 'break', 'heading',
  'thematicBreak', 'blockquote', 'list', 'listItem', 'link', 'linkReference', 'definition',
]);

export function createPlainMdxRenderer(options: PlainMdxOptions): (body: string, filePath: string) => Promise<PlainMdxResult | null> {
  const parser = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(options.gfm ? [remarkGfm] : [])
    .use(options.remarkPlugins);
  const toHast = unified()
    // the options @mdx-js/mdx passes; nothing MDX-specific survives `isPlain`
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeHeadingIds);

  return async (body, filePath) => {
    if (options.smartypants) return null;
    const file = { path: filePath, value: body, data: {} as Record<string, unknown> };
    let mdast: MdastRoot;
    try {
      mdast = (await parser.run(parser.parse(file), file)) as MdastRoot;
    } catch {
      // not valid MDX: @astrojs/mdx reports it, with its position, as it always did
      return null;
    }
    if (!isPlain(mdast)) return null;
    const hast = (await toHast.run(mdast as never, file)) as unknown as HastRoot;
    const html = toAstroHtml(hast);
    if (html === null) return null;
    const astro = file.data.astro as { headings?: MarkdownHeading[] } | undefined;
    return { html, headings: astro?.headings ?? [] };
  };
}

function isPlain(node: MdastRoot | RootContent): boolean {
  if (!PLAIN_NODES.has(node.type)) return false;
  // task-list items render a checkbox input
  if (node.type === 'listItem' && node.checked !== null && node.checked !== undefined) return false;
  return !('children' in node) || (node.children as RootContent[]).every(isPlain);
}
