import type { Root } from 'mdast';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/**
 * The syntax an article's MDX body is written and read with: MDX, GFM and CJK-friendly emphasis,
 * as the site renders it. The importer's serialiser (scripts/lib/to-mdx.ts) uses the same list,
 * so that what it escapes is exactly what this parser would otherwise read as markup.
 */
export const MDX_SYNTAX = [remarkMdx, remarkGfm, remarkCjkFriendly] as const;

const parser = unified().use(remarkParse).use([...MDX_SYNTAX]);

/**
 * Read the text back from an MDX body: the paragraphs as plain strings. The site's excerpts,
 * citations, search and open data read it; the importer checks its round trip with it.
 */
export function mdxToParagraphs(body: string): string[] {
  const tree = parser.parse(body) as Root;
  return tree.children.map((node) => plainText(node)).filter((text) => text !== '');
}

function plainText(node: unknown): string {
  const n = node as { type: string; value?: string; children?: unknown[] };
  if (n.type === 'text' || n.type === 'inlineCode') return n.value ?? '';
  if (n.type === 'break') return '\n';
  if (n.type === 'mdxjsEsm' || n.type === 'mdxFlowExpression' || n.type === 'mdxTextExpression') return '';
  return (n.children ?? []).map(plainText).join('');
}
