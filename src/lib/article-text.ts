import { mdxToParagraphs } from './mdx-text.ts';

/**
 * The clean text of an article from its MDX body, for excerpts, descriptions, citations and
 * open data. The body is the single source of truth; hand corrections show up here too.
 */
export function articleParagraphs(body: string | undefined): string[] {
  return body ? mdxToParagraphs(body) : [];
}

/** The first characters of the text, cut at a sentence end when one is near. */
export function excerpt(paragraphs: string[], length = 80): string {
  const text = paragraphs.join('');
  // the first `length` code points, without spreading the whole text (articles run to 3,000)
  let at = 0;
  for (let count = 0; count < length && at < text.length; count++) at += text.codePointAt(at)! > 0xffff ? 2 : 1;
  if (at >= text.length) return text;
  const cut = text.slice(0, at);
  const end = Math.max(cut.lastIndexOf('。'), cut.lastIndexOf('！'), cut.lastIndexOf('？'));
  return end >= length * 0.6 ? cut.slice(0, end + 1) : `${cut}……`;
}
