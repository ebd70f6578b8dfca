import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderParagraphs } from '../../tests/support/mdx.ts';
import { mdxToParagraphs } from '../../src/lib/mdx-text.ts';
import { articleToMdx, importHashOf, isHandEdited, paragraphsToMdx } from './to-mdx.ts';

/** Strings that break MDX or change Markdown structure when pasted into a template. */
const HOSTILE = [
  'import x from "y"',
  'export const a = 1',
  'IMPORT 大写',
  '# 标题',
  '## 二级',
  '1. 第一',
  '2023. 年',
  '+ 加',
  '- 减',
  '* 星',
  '> 引用',
  '---',
  '===',
  '| a | b |',
  '<新蒲>',
  '‹新蒲>',
  'a<b',
  '<div>x</div>',
  '<!-- 注释 -->',
  '{记者}',
  'x { y',
  '}',
  '3~5天，6~8天',
  '~~删除~~',
  '**「重要」**通知',
  '**真，**她',
  '*星*',
  '_下_',
  'www.12306.cn',
  'http://x.cn/a_b_c',
  'a@b.cn',
  '\\反斜杠',
  '`代码`',
  '[链接](x)',
  '![图](x.png)',
  '[^1]',
  '- [ ] 任务',
  '&amp; &#x69;',
  '$100 $$x$$',
  '    四个空格开头',
  '　　全角空格缩进',
  '文字\t制表',
];

describe('MDX written from an mdast tree', () => {
  it('gives back every hostile string as the same text', () => {
    expect(mdxToParagraphs(paragraphsToMdx(HOSTILE))).toEqual(HOSTILE);
  });

  it('compiles with the plugins the site uses and renders the same text, paragraph by paragraph', async () => {
    expect(await renderParagraphs(paragraphsToMdx(HOSTILE))).toEqual(HOSTILE);
  });

  it('round-trips arbitrary text made of hostile characters (property)', () => {
    const alphabet = fc.constantFrom(...'<>{}[]()#*_~`|\\!&;:-+=.,0123456789 \t新蒲志愿者“”‘’《》，。、：；！？—…·importexport'.split(''));
    fc.assert(
      fc.property(fc.array(fc.string({ unit: alphabet, minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 5 }), (raw) => {
        const paragraphs = raw.map((p) => p.trim()).filter((p) => p !== '');
        expect(mdxToParagraphs(paragraphsToMdx(paragraphs))).toEqual(paragraphs);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('import checksums', () => {
  const frontmatter = {
    kind: 'article' as const,
    kicker: null,
    title: '标题',
    subtitle: null,
    column: null,
    dateline: '本报讯',
    reporters: ['张婷'],
    correspondents: [],
    photographers: [],
    credit: null,
    continuation: null,
    photos: [],
    problems: [],
  };

  it('marks a file as generated, and as hand-edited once any character changes', () => {
    const file = articleToMdx(frontmatter, ['第一段。', '第二段。']);
    expect(file).toMatch(/^importHash: sha256-[0-9a-f]{64}$/m);
    expect(isHandEdited(file)).toBe(false);
    expect(isHandEdited(file.replace('第二段', '第贰段'))).toBe(true);
    expect(isHandEdited(file.replace('title: 标题', 'title: 新标题'))).toBe(true);
    expect(isHandEdited(file.replace(/^importHash: .*\n/m, ''))).toBe(true);
  });

  it('does not count its own line', () => {
    const file = articleToMdx(frontmatter, ['正文。']);
    expect(importHashOf(file)).toBe(importHashOf(file.replace(/^importHash: .*$/m, 'importHash: sha256-' + '0'.repeat(64))));
  });
});
