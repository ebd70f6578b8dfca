import { createHash } from 'node:crypto';
import type { Paragraph as MdParagraph, Root } from 'mdast';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { stringify as stringifyYaml } from 'yaml';
import { MDX_SYNTAX } from '../../src/lib/mdx-text.ts';
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
  .use([...MDX_SYNTAX])
  .use(remarkStringify, {
    bullet: '-',
    emphasis: '_',
    fences: true,
    rule: '-',
    // mdast-util-to-markdown escapes characters matched by these patterns
    unsafe: esmUnsafe,
  } as Record<string, unknown>);

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
