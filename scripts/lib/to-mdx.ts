import { createHash } from 'node:crypto';
import type { Paragraph as MdParagraph, Root } from 'mdast';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { stringify as stringifyYaml } from 'yaml';
import type { ArticleFrontmatter } from '../../src/schemas/article.ts';

/**
 * MDX out of text, safely. OCR text can hold `<`, `{`, `1. `, `# `, `import ` or `3~5天`; it is
 * put into text nodes of an mdast tree and serialised by remark-stringify with the same syntax
 * extensions the site parses with (MDX, GFM, CJK-friendly emphasis), so every character comes
 * back as the same text, never as markup or code.
 */

/**
 * Lines that start with `import` or `export` are ESM in MDX even inside a paragraph's first
 * line; escaping their first letter as a character reference keeps them text.
 */
const esmUnsafe = [
  { character: 'i', atBreak: true, after: 'mport\\b' },
  { character: 'e', atBreak: true, after: 'xport\\b' },
  { character: 'I', atBreak: true, after: 'MPORT\\b' },
  { character: 'E', atBreak: true, after: 'XPORT\\b' },
];

const serializer = unified()
  .use(remarkMdx)
  .use(remarkGfm)
  .use(remarkCjkFriendly)
  .use(remarkStringify, {
    bullet: '-',
    emphasis: '_',
    fences: true,
    rule: '-',
    // mdast-util-to-markdown escapes characters matched by these patterns
    unsafe: esmUnsafe,
  } as Record<string, unknown>);

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkCjkFriendly);

/** Serialise paragraphs of plain text as an MDX body. */
export function paragraphsToMdx(paragraphs: string[]): string {
  const tree: Root = {
    type: 'root',
    children: paragraphs
      .filter((text) => text !== '')
      .map((text): MdParagraph => ({ type: 'paragraph', children: [{ type: 'text', value: text }] })),
  };
  return serializer.stringify(tree);
}

/**
 * Read the text back from an MDX body: the paragraphs as plain strings. Used to check the
 * round trip and to extract clean text for search, citations and open data.
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

/** The full MDX file: YAML front matter, then the body. */
export function articleToMdx(frontmatter: ArticleFrontmatter, paragraphs: string[]): string {
  const withoutHash = { ...frontmatter };
  delete withoutHash.importHash;
  const unsigned = renderFile(withoutHash, paragraphs);
  return renderFile({ ...withoutHash, importHash: importHashOf(unsigned) }, paragraphs);
}

function renderFile(frontmatter: Partial<ArticleFrontmatter>, paragraphs: string[]): string {
  const yaml = stringifyYaml(frontmatter, { lineWidth: 0, defaultStringType: 'PLAIN', nullStr: 'null' });
  const body = paragraphsToMdx(paragraphs);
  return `---\n${yaml}---\n\n${body}`;
}

/**
 * The checksum of an article file as the import wrote it, computed without its own
 * `importHash` line. A file whose checksum no longer matches was edited by hand.
 */
export function importHashOf(fileText: string): string {
  const canonical = fileText.replace(/^importHash: .*\n/mu, '');
  return `sha256-${createHash('sha256').update(canonical).digest('hex')}`;
}

/** Was this article file changed since the import wrote it? (No hash at all counts as changed.) */
export function isHandEdited(fileText: string): boolean {
  const recorded = /^importHash: (sha256-[0-9a-f]{64})$/mu.exec(fileText)?.[1];
  return recorded === undefined || recorded !== importHashOf(fileText);
}
