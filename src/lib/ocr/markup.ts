import type { Problem, ProblemCode } from '../../schemas/problem.ts';

/**
 * A small, safe reader of XML (ALTO) and XHTML/HTML (hOCR) into an element tree with the
 * source line of every element.
 *
 * Why our own and not an npm XML parser: hOCR comes as XHTML from Tesseract but as loose HTML
 * from other engines (`<meta charset=utf-8>`, unquoted attributes, unclosed `<p>`), which XML
 * parsers refuse; both formats only need elements, attributes and text. What it refuses, so
 * that a file cannot make it expand anything: an internal DTD subset or an `<!ENTITY>`
 * declaration (billion laughs), any DOCTYPE in XML mode, named entities beyond the five of XML
 * (and, in HTML mode, a short table of HTML's). Nothing is fetched; an external DTD is ignored.
 * It never recurses, so deep nesting cannot overflow the stack; depth is capped anyway.
 */

export interface MarkupElement {
  /** The local name, without a namespace prefix; lowercased in HTML mode (`String`, `span`). */
  name: string;
  /** The namespace prefix as written (`alto` in `alto:String`), or null. */
  prefix: string | null;
  /** Attributes by their name as written (with any prefix), values decoded. */
  attrs: Record<string, string>;
  children: MarkupNode[];
  /** 1-based line of the element's start tag. */
  line: number;
  parent: MarkupElement | null;
}

export type MarkupNode = MarkupElement | string;

export interface MarkupOptions {
  /** HTML rules: void elements, implied end tags, case-insensitive names, HTML entities. */
  html: boolean;
}

export interface MarkupResult {
  /** A synthetic root holding the document's top-level elements; null when the input was refused. */
  root: MarkupElement | null;
  problems: Problem[];
}

/** Deeper than any OCR file nests (ALTO: Page > PrintSpace > ComposedBlock* > TextBlock > TextLine > String). */
export const MAX_DEPTH = 256;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const RAW_TEXT = new Set(['script', 'style']);
/** HTML elements whose start tag closes an open `<p>` (the common case of loose hOCR). */
const CLOSES_P = new Set(['div', 'p', 'table', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'blockquote', 'section', 'header', 'footer']);

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** HTML named entities seen in OCR output; anything else is reported, not guessed. */
const HTML_ENTITIES: Record<string, string> = {
  ...XML_ENTITIES,
  nbsp: '\u00a0',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  shy: '\u00ad',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  middot: '·',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  bull: '•',
  copy: '©',
  reg: '®',
  deg: '°',
  times: '×',
  divide: '÷',
  plusmn: '±',
  para: '¶',
  sect: '§',
  yen: '¥',
};

/** Reads markup into a tree. Bad input gives problems; a refused input gives `root: null`. */
export function parseMarkup(text: string, options: MarkupOptions): MarkupResult {
  const problems: Problem[] = [];
  const root: MarkupElement = { name: '#root', prefix: null, attrs: {}, children: [], line: 1, parent: null };
  let current = root;
  let depth = 0;
  let pos = 0;
  let line = 1;
  /** Advance to `to`, counting line breaks on the way. */
  const advance = (to: number) => {
    for (let i = text.indexOf('\n', pos); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) line++;
    pos = to;
  };
  const refuse = (code: ProblemCode, message: string): MarkupResult => {
    problems.push({ code, line, message });
    return { root: null, problems };
  };
  const addText = (raw: string, atLine: number) => {
    if (raw === '') return;
    const decoded = decodeEntities(raw, atLine, options.html, problems);
    const last = current.children[current.children.length - 1];
    if (typeof last === 'string') current.children[current.children.length - 1] = last + decoded;
    else current.children.push(decoded);
  };

  while (pos < text.length) {
    const lt = text.indexOf('<', pos);
    if (lt === -1) {
      addText(text.slice(pos), line);
      advance(text.length);
      break;
    }
    if (lt > pos) {
      addText(text.slice(pos, lt), line);
      advance(lt);
    }
    if (text.startsWith('<!--', pos)) {
      const end = text.indexOf('-->', pos + 4);
      advance(end === -1 ? text.length : end + 3);
      continue;
    }
    if (text.startsWith('<![CDATA[', pos)) {
      const end = text.indexOf(']]>', pos + 9);
      const body = text.slice(pos + 9, end === -1 ? text.length : end);
      const last = current.children[current.children.length - 1];
      if (typeof last === 'string') current.children[current.children.length - 1] = last + body;
      else if (body !== '') current.children.push(body);
      advance(end === -1 ? text.length : end + 3);
      continue;
    }
    if (text.startsWith('<?', pos)) {
      const end = text.indexOf('?>', pos + 2);
      advance(end === -1 ? text.length : end + 2);
      continue;
    }
    if (text.startsWith('<!', pos)) {
      const declaration = /^<!\s*([A-Za-z]+)/u.exec(text.slice(pos, pos + 40));
      const keyword = declaration?.[1]?.toUpperCase() ?? '';
      if (keyword === 'ENTITY') {
        return refuse('markup-entity-declaration', 'the file declares an entity (<!ENTITY ...>); entity declarations are refused so that a file cannot expand itself (billion laughs). Remove the declaration and write the characters out.');
      }
      if (keyword !== 'DOCTYPE') {
        return refuse('markup-declaration', `the file contains a <!${keyword} ...> declaration, which OCR files never need; remove it.`);
      }
      const end = text.indexOf('>', pos);
      const body = text.slice(pos, end === -1 ? text.length : end);
      if (body.includes('[')) {
        return refuse('markup-doctype-subset', 'the DOCTYPE has an internal subset ([ ... ]), which can declare entities that expand without limit; it is refused. Remove the DOCTYPE or its [ ... ] part.');
      }
      if (!options.html) {
        return refuse('markup-doctype', 'an XML OCR file (ALTO) has no DOCTYPE; this one does, and it is refused so that nothing can be declared or fetched. Remove the <!DOCTYPE ...> line.');
      }
      advance(end === -1 ? text.length : end + 1);
      continue;
    }
    if (text.startsWith('</', pos)) {
      const match = /^<\/\s*([^\s>/]+)\s*>/u.exec(text.slice(pos, pos + 300));
      if (!match) {
        problems.push({ code: 'markup-bad-tag', line, message: 'an end tag is not closed with ">"; the rest of the line is read as text.' });
        addText('<', line);
        advance(pos + 1);
        continue;
      }
      const { local } = splitName(match[1]!, options.html);
      let target: MarkupElement | null = current;
      while (target && target !== root && target.name !== local) target = target.parent;
      if (!target || target === root) {
        if (!options.html) problems.push({ code: 'markup-unmatched-end-tag', line, message: `</${match[1]}> closes an element that is not open; it is ignored.` });
      } else {
        if (!options.html && target !== current) {
          problems.push({ code: 'markup-unclosed-element', line: current.line, message: `<${current.name}> is not closed before </${match[1]}>; it is closed there.` });
        }
        for (let e: MarkupElement | null = current; e && e !== target; e = e.parent) depth--;
        current = target.parent!;
        depth--;
      }
      advance(pos + match[0].length);
      continue;
    }
    const tag = readStartTag(text, pos);
    if (!tag) {
      // a lone '<' in text (HTML is lenient about it)
      if (!options.html) problems.push({ code: 'markup-bad-tag', line, message: 'a "<" does not start a well-formed tag; it is kept as text. Write it as &lt;.' });
      addText('<', line);
      advance(pos + 1);
      continue;
    }
    const startLine = line;
    const { local, prefix } = splitName(tag.name, options.html);
    const attrs: Record<string, string> = {};
    for (const [name, value] of tag.attrs) {
      const key = options.html ? name.toLowerCase() : name;
      if (key in attrs && !options.html) problems.push({ code: 'markup-duplicate-attribute', line: startLine, message: `<${tag.name}> has the attribute ${name} twice; the first is kept.` });
      if (!(key in attrs)) attrs[key] = decodeEntities(value, startLine, options.html, problems);
    }
    advance(tag.end);
    if (options.html && CLOSES_P.has(local) && current.name === 'p') {
      // a block inside an open <p> closes it (loose HTML hOCR leaves <p> open)
      current = current.parent!;
      depth--;
    }
    const element: MarkupElement = { name: local, prefix, attrs, children: [], line: startLine, parent: current };
    current.children.push(element);
    const selfClosing = tag.selfClosing || (options.html && VOID.has(local));
    if (selfClosing) continue;
    if (options.html && RAW_TEXT.has(local)) {
      const close = text.toLowerCase().indexOf(`</${local}`, pos);
      const end = close === -1 ? text.length : text.indexOf('>', close) + 1 || text.length;
      advance(end);
      continue;
    }
    depth++;
    if (depth > MAX_DEPTH) {
      return refuse('markup-too-deep', `elements nest more than ${MAX_DEPTH} deep here; no OCR file does, so the file is refused.`);
    }
    current = element;
  }
  if (current !== root && !options.html) {
    problems.push({ code: 'markup-unclosed-element', line: current.line, message: `<${current.name}> is never closed; the file ends inside it (is it cut off?).` });
  }
  return { root, problems };
}

interface StartTag {
  name: string;
  attrs: [string, string][];
  selfClosing: boolean;
  /** Position just after the tag's `>`. */
  end: number;
}

const NAME = /[A-Za-z_:][-\w.:]*/y;
const SPACE = /\s*/y;
const ATTR_NAME = /[^\s"'<>/=]+/y;
const UNQUOTED = /[^\s"'<>=`]+/y;

/** Reads `<name attr="v" ...>` at `pos`, or null when it is not a well-formed start tag. */
function readStartTag(text: string, pos: number): StartTag | null {
  let at = pos + 1;
  const take = (pattern: RegExp): string | null => {
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (!match) return null;
    at = pattern.lastIndex;
    return match[0];
  };
  const name = take(NAME);
  if (!name) return null;
  const attrs: [string, string][] = [];
  for (;;) {
    take(SPACE);
    const ch = text[at];
    if (ch === undefined) return null;
    if (ch === '>') return { name, attrs, selfClosing: false, end: at + 1 };
    if (ch === '/' && text[at + 1] === '>') return { name, attrs, selfClosing: true, end: at + 2 };
    const attr = take(ATTR_NAME);
    if (!attr) return null;
    take(SPACE);
    if (text[at] !== '=') {
      attrs.push([attr, '']);
      continue;
    }
    at++;
    take(SPACE);
    const quote = text[at];
    if (quote === '"' || quote === "'") {
      const close = text.indexOf(quote, at + 1);
      if (close === -1) return null;
      attrs.push([attr, text.slice(at + 1, close)]);
      at = close + 1;
    } else {
      const value = take(UNQUOTED);
      if (value === null) return null;
      attrs.push([attr, value]);
    }
  }
}

function splitName(name: string, html: boolean): { local: string; prefix: string | null } {
  const colon = name.indexOf(':');
  const local = colon === -1 ? name : name.slice(colon + 1);
  const prefix = colon === -1 ? null : name.slice(0, colon);
  return { local: html ? local.toLowerCase() : local, prefix };
}

/** Decode character references; unknown or invalid ones become problems, never guesses. */
export function decodeEntities(raw: string, line: number, html: boolean, problems: Problem[]): string {
  if (!raw.includes('&')) return raw;
  const table = html ? HTML_ENTITIES : XML_ENTITIES;
  const lineAt = (offset: number) => {
    let n = line;
    for (let i = raw.indexOf('\n'); i !== -1 && i < offset; i = raw.indexOf('\n', i + 1)) n++;
    return n;
  };
  return raw.replace(/&(#[xX][0-9a-fA-F]+|#\d+|[A-Za-z][A-Za-z0-9]*);?/gu, (whole: string, body: string, offset: number) => {
    const line = lineAt(offset);
    if (body.startsWith('#')) {
      const hex = body[1] === 'x' || body[1] === 'X';
      const digits = body.slice(hex ? 2 : 1);
      const code = digits.length > 8 ? Number.POSITIVE_INFINITY : Number.parseInt(digits, hex ? 16 : 10);
      if (!Number.isFinite(code) || code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
        problems.push({ code: 'markup-bad-character-reference', line, message: `${whole} names no Unicode character; it is read as U+FFFD.`, excerpt: whole });
        return '\ufffd';
      }
      return String.fromCodePoint(code);
    }
    const value = table[body];
    if (value !== undefined && whole.endsWith(';')) return value;
    if (value !== undefined && html) return value;
    problems.push({
      code: 'markup-unknown-entity',
      line,
      message: `${whole} is not a character reference this reader knows; it is kept as written. Write the character itself or a numeric reference (&#...;).`,
      excerpt: whole,
    });
    return whole;
  });
}

/** The text of an element and its descendants, in document order. */
export function textOf(element: MarkupElement): string {
  let out = '';
  const stack: MarkupNode[] = [element];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (typeof node === 'string') out += node;
    else for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return out;
}

/** All elements under `element` (not itself), in document order. */
export function* descendants(element: MarkupElement): Generator<MarkupElement> {
  const stack: MarkupElement[] = [];
  for (let i = element.children.length - 1; i >= 0; i--) {
    const child = element.children[i]!;
    if (typeof child !== 'string') stack.push(child);
  }
  while (stack.length > 0) {
    const node = stack.pop()!;
    yield node;
    for (let i = node.children.length - 1; i >= 0; i--) {
      const child = node.children[i]!;
      if (typeof child !== 'string') stack.push(child);
    }
  }
}

/** The child elements of `element`. */
export function childElements(element: MarkupElement): MarkupElement[] {
  return element.children.filter((child): child is MarkupElement => typeof child !== 'string');
}
