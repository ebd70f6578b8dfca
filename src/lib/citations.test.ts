import { describe, expect, it } from 'vitest';
import { bibtex, citationKey, cslJson, gbt7714, ris, type CitationSource } from './citations.ts';

const sample: CitationSource = {
  id: 'zunyi-daily/2023-01-17/03/01',
  kind: 'article',
  title: '志愿服务聚合力 文明实践谱新篇',
  subtitle: '新蒲新区推进新时代文明实践工作走深走实',
  authors: ['张婷'],
  paper: { name: '遵义日报', place: '贵州省遵义市', publisher: '遵义日报社', cn: 'CN 52-0015' },
  date: '2023-01-17',
  page: 3,
  pageName: null,
  url: 'https://archive.example/zunyi-daily/2023-01-17/03/01/',
  archive: '地方报纸档案',
};

describe('GB/T 7714-2015 newspaper citations', () => {
  it('prints the form given in the standard for a newspaper article', () => {
    expect(gbt7714(sample)).toBe('张婷. 志愿服务聚合力 文明实践谱新篇[N]. 遵义日报, 2023-01-17(3).');
  });

  it('adds the date of citing and the URL in the online form', () => {
    expect(gbt7714(sample, { accessed: '2024-05-01' })).toBe(
      '张婷. 志愿服务聚合力 文明实践谱新篇[N/OL]. 遵义日报, 2023-01-17(3)[2024-05-01]. https://archive.example/zunyi-daily/2023-01-17/03/01/.',
    );
  });

  it('lists three authors, then 等', () => {
    expect(gbt7714({ ...sample, authors: ['甲', '乙'] })).toMatch(/^甲, 乙\. /u);
    expect(gbt7714({ ...sample, authors: ['甲', '乙', '丙', '丁'] })).toMatch(/^甲, 乙, 丙, 等\. 志愿/u);
  });

  it('starts with the title when no author is known', () => {
    expect(gbt7714({ ...sample, authors: [] })).toBe('志愿服务聚合力 文明实践谱新篇[N]. 遵义日报, 2023-01-17(3).');
  });
});

describe('BibTeX', () => {
  it('is a newspaper @article with both BibTeX and biblatex fields', () => {
    const text = bibtex(sample);
    expect(text.startsWith('@article{zunyi-daily-2023-01-17-03-01,\n')).toBe(true);
    expect(text).toContain('author       = {张婷},');
    expect(text).toContain('journal      = {遵义日报},');
    expect(text).toContain('journaltitle = {遵义日报},');
    expect(text).toContain('entrysubtype = {newspaper},');
    expect(text).toContain('date         = {2023-01-17},');
    expect(text).toContain('pages        = {3},');
    expect(text.trimEnd().endsWith('}')).toBe(true);
    // balanced braces: nothing in the text can open or close a group
    const hostile = bibtex({ ...sample, title: '50%的人{不}知道 a_b & c#d ~e ^f \\g', authors: ['甲', '乙'] });
    expect(hostile).toContain('title        = {50\\%的人\\{不\\}知道 a\\_b \\& c\\#d \\textasciitilde{}e \\textasciicircum{}f \\textbackslash{}g},');
    expect(hostile).toContain('author       = {甲 and 乙},');
    let depth = 0;
    for (const [index, ch] of [...hostile].entries()) {
      if ([...hostile][index - 1] === '\\') continue;
      if (ch === '{') depth++;
      if (ch === '}') depth--;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
  });

  it('makes ASCII keys from ids', () => {
    expect(citationKey(sample)).toMatch(/^[A-Za-z0-9-]+$/u);
  });
});

describe('RIS', () => {
  it('is a NEWS record with CRLF line ends', () => {
    const text = ris(sample, '2024-05-01');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('TY  - NEWS');
    expect(lines).toContain('AU  - 张婷');
    expect(lines).toContain('TI  - 志愿服务聚合力 文明实践谱新篇');
    expect(lines).toContain('T2  - 遵义日报');
    expect(lines).toContain('DA  - 2023/01/17/');
    expect(lines).toContain('SP  - 3');
    expect(lines).toContain('Y2  - 2024/05/01');
    expect(lines.at(-2)).toBe('ER  - ');
    expect(text.replaceAll('\r\n', '')).not.toContain('\n');
  });
});

describe('CSL-JSON', () => {
  it('is an article-newspaper item with literal Chinese names', () => {
    const item = cslJson(sample);
    expect(item).toMatchObject({
      id: 'zunyi-daily/2023-01-17/03/01',
      type: 'article-newspaper',
      'container-title': '遵义日报',
      author: [{ literal: '张婷' }],
      issued: { 'date-parts': [[2023, 1, 17]] },
      page: '3',
      URL: sample.url,
    });
    expect(item.accessed).toBeUndefined();
    expect(cslJson({ ...sample, authors: [] }).author).toBeUndefined();
  });
});

describe('an issue whose date or 版次 an editor estimated', () => {
  const note = '出版日期和版次系编者推定，原件未印出或未能识别。';
  const both = { ...sample, estimated: { date: true, pages: true, note } };

  it('puts what was estimated in square brackets, in both GB/T 7714 forms', () => {
    expect(gbt7714(both)).toBe('张婷. 志愿服务聚合力 文明实践谱新篇[N]. 遵义日报, [2023-01-17]([3]).');
    expect(gbt7714(both, { accessed: '2024-05-01' })).toBe(
      '张婷. 志愿服务聚合力 文明实践谱新篇[N/OL]. 遵义日报, [2023-01-17]([3])[2024-05-01]. https://archive.example/zunyi-daily/2023-01-17/03/01/.',
    );
    expect(gbt7714({ ...sample, estimated: { date: true, pages: false, note } })).toMatch(/遵义日报, \[2023-01-17\]\(3\)\.$/u);
    expect(gbt7714({ ...sample, estimated: { date: false, pages: true, note } })).toMatch(/遵义日报, 2023-01-17\(\[3\]\)\.$/u);
  });

  it('says so in the note fields of BibTeX, RIS and CSL-JSON, and marks the CSL date circa', () => {
    expect(bibtex(both)).toContain(`note         = {${note}},`);
    expect(bibtex({ ...both, kind: 'photo' })).toContain(`note         = {新闻图片；${note}},`);
    expect(ris(both).split('\r\n')).toContain(`N1  - ${note}`);
    const item = cslJson(both);
    expect(item.note).toBe(note);
    expect(item.issued).toEqual({ 'date-parts': [[2023, 1, 17]], circa: true });
    // nothing of it when the issue is dated from the page itself
    expect(bibtex(sample)).not.toContain('note');
    expect(ris(sample)).not.toContain('N1  -');
    expect(cslJson(sample)).not.toHaveProperty('note');
    expect(cslJson(sample).issued).not.toHaveProperty('circa');
  });
});
