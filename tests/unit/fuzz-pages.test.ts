import { compile } from '@mdx-js/mdx';
import fc from 'fast-check';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { articleSchema } from '../../src/schemas/article.ts';
import { parsedPageSchema } from '../../src/schemas/parsed-page.ts';
import { bodyOf, frontmatterOf } from '../../scripts/lib/import-plan.ts';
import { parsePage } from '../../scripts/lib/parse-page.ts';
import { mdxToParagraphs } from '../../src/lib/mdx-text.ts';
import { articleToMdx } from '../../scripts/lib/to-mdx.ts';

/**
 * Property test over whole pages: generated OCR pages full of characters that break Markdown
 * and MDX must always parse, and every item must come out as a valid MDX file whose front
 * matter and text are exactly what the parser reported.
 */
const hostile = fc.constantFrom(
  ...'<>{}[]()#*_~`|\\!&;:-+=.,/@$%^"\'0123456789 '.split(''),
  '<!--', '-->', '```', '---', '1. ', '# ', '> ', '- ', '* ', '+ ', 'import ', 'export ', '{记者}', '<新蒲>', '3~5天', '&amp;', '&#x69;', 'www.a.cn', 'a@b.cn', '**', '__',
  ...'新蒲区志愿者服务文明实践群众活动开展社区街道疫情防控工作本报讯记者通讯员摄图为近日该区据了解'.split(''),
  '，', '。', '、', '：', '；', '“', '”', '（', '）', '《', '》', '——', '……', '·',
);
const phrase = (min: number, max: number) => fc.string({ unit: hostile, minLength: min, maxLength: max }).map((s) => s.replace(/\n/g, ' '));
const block = fc.oneof(
  phrase(2, 16), // a headline-like line
  phrase(20, 160), // a paragraph
  fc.tuple(phrase(0, 6), fc.constantFrom('张婷', '一丁', '欧阳明')).map(([lead, name]) => `本报讯（记者 ${name}）${lead}`),
  fc.constantFrom('（记者 向婧 摄）', '(张浪 摄)', '（下转第3版）', '本报记者 吴涛', '广告'),
  fc.array(phrase(8, 14), { minLength: 2, maxLength: 6 }).map((lines) => lines.join('\n')), // column lines
);
const page = fc
  .array(fc.tuple(block, fc.constantFrom('\n\n', '\n\n\n\n', '\n', '\r\n\r\n')), { minLength: 1, maxLength: 12 })
  .map((blocks) => blocks.map(([text, gap]) => text + gap).join(''));

describe('generated pages with hostile characters', () => {
  it('always parse into the contract and into valid MDX that gives back the parsed text', async () => {
    const samples = fc.sample(page, { numRuns: 1500, seed: 20230117 });
    let items = 0;
    for (const text of samples) {
      const parsed = parsePage(text, { paper: 'fuzz', date: '2023-01-17', page: 1 });
      expect(() => parsedPageSchema.parse(parsed)).not.toThrow();
      for (const item of parsed.articles) {
        items++;
        const frontmatter = frontmatterOf(item, [], 'fuzz.txt');
        const file = articleToMdx(frontmatter, bodyOf(item));
        const [, yaml, body] = /^---\n([\s\S]*?)\n---\n\n?([\s\S]*)$/.exec(file) ?? [];
        expect(yaml, file).toBeDefined();
        const { importHash, ...data } = articleSchema.parse(parseYaml(yaml!));
        expect(importHash).toMatch(/^sha256-/);
        expect(data).toEqual(frontmatter);
        expect(mdxToParagraphs(body!)).toEqual(bodyOf(item));
        await compile(body!, { remarkPlugins: [remarkGfm, remarkCjkFriendly] });
      }
    }
    // the generator must actually produce items, or the test proves nothing
    expect(items).toBeGreaterThan(samples.length);
  });
});
