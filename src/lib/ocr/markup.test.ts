import { describe, expect, it } from 'vitest';
import { childElements, descendants, MAX_DEPTH, parseMarkup, textOf } from './markup.ts';

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<alto><Layout>&lol3;</Layout></alto>`;

describe('parseMarkup', () => {
  it('reads elements, attributes, text and the line of every element', () => {
    const { root, problems } = parseMarkup('<a x="1">\n  <b y=\'2\'>one &amp; two</b>\n  <c/>\n</a>\n', { html: false });
    expect(problems).toEqual([]);
    const [a] = childElements(root!);
    expect(a!.name).toBe('a');
    expect(a!.attrs).toEqual({ x: '1' });
    const [b, c] = childElements(a!);
    expect(b!.line).toBe(2);
    expect(textOf(b!)).toBe('one & two');
    expect(c!.line).toBe(3);
  });

  it('refuses the billion laughs and names the line of the DOCTYPE', () => {
    const result = parseMarkup(BILLION_LAUGHS, { html: false });
    expect(result.root).toBeNull();
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ code: 'markup-doctype-subset', line: 2 });
    // HTML mode refuses it as well: an internal subset can declare entities in either
    expect(parseMarkup(BILLION_LAUGHS, { html: true }).root).toBeNull();
  });

  it('refuses an entity declaration outside a DOCTYPE and any DOCTYPE in XML', () => {
    expect(parseMarkup('<a>\n<!ENTITY x "y">\n</a>', { html: false }).problems[0]).toMatchObject({ code: 'markup-entity-declaration', line: 2 });
    const doctype = parseMarkup('<?xml version="1.0"?>\n<!DOCTYPE alto SYSTEM "http://example.org/alto.dtd">\n<alto/>', { html: false });
    expect(doctype.root).toBeNull();
    expect(doctype.problems[0]).toMatchObject({ code: 'markup-doctype', line: 2 });
  });

  it('accepts the plain XHTML DOCTYPE that Tesseract writes into hOCR, without fetching it', () => {
    const text = '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"\n    "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n<html><body><p>x</p></body></html>';
    const { root, problems } = parseMarkup(text, { html: true });
    expect(problems).toEqual([]);
    expect([...descendants(root!)].map((e) => e.name)).toEqual(['html', 'body', 'p']);
  });

  it('keeps unknown entities as written and reports them; bad character references become U+FFFD', () => {
    const { root, problems } = parseMarkup('<a>\n&foo; &#x110000; &#99999999999; &#x4E2D;&#25991;</a>', { html: false });
    expect(textOf(childElements(root!)[0]!)).toBe('\n&foo; \ufffd \ufffd 中文');
    expect(problems.map((p) => [p.code, p.line])).toEqual([
      ['markup-unknown-entity', 2],
      ['markup-bad-character-reference', 2],
      ['markup-bad-character-reference', 2],
    ]);
  });

  it('knows the HTML entities that OCR engines write, in HTML mode only', () => {
    const html = parseMarkup('<p>a&nbsp;b&mdash;c&hellip;</p>', { html: true });
    expect(textOf(childElements(html.root!)[0]!)).toBe('a\u00a0b—c…');
    expect(html.problems).toEqual([]);
    expect(parseMarkup('<p>a&nbsp;b</p>', { html: false }).problems[0]!.code).toBe('markup-unknown-entity');
  });

  it('refuses nesting deeper than any OCR file has', () => {
    const deep = '<a>'.repeat(MAX_DEPTH + 1) + '</a>'.repeat(MAX_DEPTH + 1);
    const result = parseMarkup(deep, { html: false });
    expect(result.root).toBeNull();
    expect(result.problems[0]!.code).toBe('markup-too-deep');
    expect(parseMarkup('<a>'.repeat(MAX_DEPTH) + '</a>'.repeat(MAX_DEPTH), { html: false }).root).not.toBeNull();
  });

  it('reads loose HTML: void elements, unquoted attributes, a <p> left open', () => {
    const { root, problems } = parseMarkup('<html><head><meta charset=utf-8><title>t</title></head>\n<body><p class=a>one<div class="b">two</div></body></html>', { html: true });
    expect(problems).toEqual([]);
    const names = [...descendants(root!)].map((e) => `${e.name}${e.attrs.class ? '.' + e.attrs.class : ''}`);
    expect(names).toEqual(['html', 'head', 'meta', 'title', 'body', 'p.a', 'div.b']);
    const div = [...descendants(root!)].find((e) => e.name === 'div')!;
    expect(div.parent!.name).toBe('body');
  });

  it('reports well-formedness errors in XML but still reads what it can', () => {
    const { root, problems } = parseMarkup('<a>\n<b>\n</a>', { html: false });
    expect(root).not.toBeNull();
    expect(problems[0]).toMatchObject({ code: 'markup-unclosed-element', line: 2 });
  });

  it('takes CDATA as text and skips comments and processing instructions', () => {
    const { root } = parseMarkup('<?xml version="1.0"?><!-- a <b> comment --><a><![CDATA[x < y & z]]></a>', { html: false });
    expect(textOf(childElements(root!)[0]!)).toBe('x < y & z');
  });

  it('reads a namespace prefix off the element name', () => {
    const { root } = parseMarkup('<alto:alto xmlns:alto="http://www.loc.gov/standards/alto/ns-v4#"><alto:Layout/></alto:alto>', { html: false });
    const alto = childElements(root!)[0]!;
    expect([alto.name, alto.prefix, childElements(alto)[0]!.name]).toEqual(['alto', 'alto', 'Layout']);
  });
});
