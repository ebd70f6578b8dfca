import type { Element, ElementContent, Root, RootContent } from 'hast';

/**
 * Print a hast tree as Astro prints the same tree when it comes from a compiled MDX module:
 * MDX turns each element into JSX and Astro's JSX renderer writes `<tag attr="…">children</tag>`,
 * void elements as `<br/>`, and escapes text with `escapeHTML` (& < > ' ") and attribute
 * values by & and ". Only the elements and properties that plain Markdown produces are known;
 * for anything else this returns null and the caller compiles the file as MDX instead.
 * `src/loaders/mdx-articles.test.ts` checks the output against real MDX builds.
 */
export function toAstroHtml(tree: Root): string | null {
  try {
    // MDX drops whitespace-only text at the start and end of the document (hast-util-to-estree)
    const children = trimWhitespace(tree.children);
    return children.map(print).join('');
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
}

class Unsupported extends Error {}

const VOID = new Set(['br', 'hr']);
/** Elements plain Markdown (with GFM) makes, without tables, footnotes, images or code blocks. */
const ELEMENTS = new Set(['p', 'em', 'strong', 'del', 'code', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'a']);
/** Properties those elements carry, and how Astro prints them. */
const PROPERTIES: Record<string, string> = { id: 'id', href: 'href', title: 'title', start: 'start' };

function trimWhitespace(children: RootContent[]): RootContent[] {
  let start = 0;
  let end = children.length;
  while (start < end && isWhitespace(children[start]!)) start++;
  while (end > start && isWhitespace(children[end - 1]!)) end--;
  return children.slice(start, end);
}

function isWhitespace(node: RootContent): boolean {
  return node.type === 'text' && /^[ \t\n\f\r]*$/.test(node.value);
}

function print(node: RootContent | ElementContent): string {
  if (node.type === 'text') return escapeHtml(node.value);
  if (node.type === 'element') return printElement(node);
  throw new Unsupported(node.type);
}

function printElement(node: Element): string {
  if (!ELEMENTS.has(node.tagName)) throw new Unsupported(node.tagName);
  let attributes = '';
  for (const [key, value] of Object.entries(node.properties)) {
    const name = PROPERTIES[key];
    if (name === undefined) throw new Unsupported(`${node.tagName}.${key}`);
    if (value === null || value === undefined) continue;
    if (typeof value !== 'string' && typeof value !== 'number') throw new Unsupported(`${node.tagName}.${key}`);
    const text = String(value);
    attributes += text === '' ? ` ${name}` : ` ${name}="${text.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;
  }
  const children = node.children.map(print).join('');
  if (children === '' && VOID.has(node.tagName)) return `<${node.tagName}${attributes}/>`;
  return `<${node.tagName}${attributes}>${children}</${node.tagName}>`;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };

/** Astro's `escapeHTML` (astro/runtime/server/escape.js). */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>'"]/g, (ch) => ESCAPES[ch]!);
}
