import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsedPageSchema } from '../src/schemas/parsed-page.ts';
import { articleSchema } from '../src/schemas/article.ts';
import { mdxToParagraphs } from '../src/lib/mdx-text.ts';
import { parse as parseYaml } from 'yaml';
import { contentTree } from './io/content-tree.ts';

/**
 * The import CLI's contract, exercised as a maintainer uses it: a real process, real files in a
 * scratch archive, exit codes and messages.
 */
const ROOT = resolve(import.meta.dirname, '..');
const SAMPLE = resolve(ROOT, 'tests/fixtures/sample/zunyi-2023-01-page.txt');
let scratch: string;

function run(args: string[], content = join(scratch, 'content')) {
  const result = spawnSync(process.execPath, [resolve(ROOT, 'scripts/import.ts'), ...args, '--content', content], {
    cwd: scratch,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}


function freshArchive(): string {
  const content = join(scratch, `content-${Math.random().toString(36).slice(2, 8)}`);
  mkdirSync(join(content, 'papers'), { recursive: true });
  cpSync(resolve(ROOT, 'content/papers/zunyi-daily.yml'), join(content, 'papers/zunyi-daily.yml'));
  return content;
}

const pageArgs = ['--paper', 'zunyi-daily', '--date', '2023-01-17', '--page', '3'];

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'import-cli-'));
  mkdirSync(join(scratch, 'content/papers'), { recursive: true });
  cpSync(resolve(ROOT, 'content/papers/zunyi-daily.yml'), join(scratch, 'content/papers/zunyi-daily.yml'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('--json --dry-run', () => {
  it('prints the parsed page as JSON on stdout and nothing else, the review on stderr, and writes nothing', () => {
    const before = contentTree(join(scratch, 'content'));
    const { code, stdout, stderr } = run([SAMPLE, ...pageArgs, '--json', '--dry-run']);
    expect(code).toBe(0);
    const page = JSON.parse(stdout);
    expect(() => parsedPageSchema.parse(page)).not.toThrow();
    expect(Object.keys(page)).toEqual(expect.arrayContaining(['paper', 'date', 'page', 'pageName', 'articles', 'unassigned', 'problems']));
    expect(page).toMatchObject({ paper: 'zunyi-daily', date: '2023-01-17', page: 3, pageName: null });
    const first = page.articles[0];
    expect(Object.keys(first)).toEqual(
      expect.arrayContaining(['id', 'kind', 'kicker', 'title', 'subtitle', 'column', 'dateline', 'reporters', 'correspondents', 'photographers', 'paragraphs', 'caption', 'credit', 'continuation', 'problems']),
    );
    expect(first.id).toBe('zunyi-daily/2023-01-17/03/01');
    expect(page.articles[1]).toMatchObject({ kind: 'photo', paragraphs: [], credit: '（记者 向婧 摄影报道）' });
    expect(page.articles[1].caption).toContain('图为1月15日');
    // problems are grouped by article, with file and line, on stderr
    expect(stderr).toMatch(/03\/04 扎实抓好疫情防控工作\n(?:.*\n)*?.*zunyi-2023-01-page\.txt:45 +ocr-suspect/);
    expect(stderr).toContain('nothing was written');
    expect(contentTree(join(scratch, 'content'))).toEqual(before);
  });

  it('prints { pages: [...] } for an issue folder', () => {
    const { code, stdout } = run([resolve(ROOT, 'examples/zunyi-daily-2023-01-17'), '--json', '--dry-run']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.pages).toHaveLength(1);
    expect(result.pages[0].articles).toHaveLength(5);
  });

  it('reads GB18030 and UTF-16 files to the same result as UTF-8', () => {
    const utf8 = run([SAMPLE, ...pageArgs, '--json', '--dry-run']).stdout;
    const text = readFileSync(SAMPLE, 'utf8');
    const gb = join(scratch, 'gb18030.txt');
    // Node has no GB18030 encoder; iconv is part of every Debian/glibc system
    const encoded = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: text });
    expect(encoded.status).toBe(0);
    writeFileSync(gb, encoded.stdout);
    const utf16 = join(scratch, 'utf16.txt');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    for (const file of [gb, utf16]) {
      const { code, stdout } = run([file, ...pageArgs, '--json', '--dry-run']);
      expect(code).toBe(0);
      expect(JSON.parse(stdout).articles).toEqual(JSON.parse(utf8).articles.map((a: { problems: unknown }) => a));
    }
  });
});

describe('unusable input exits non-zero with a message that names the file and the fix', () => {
  const cases: Array<[string, () => string[], number, RegExp]> = [
    ['a missing file', () => [join(scratch, 'nope.txt'), ...pageArgs], 1, /nope\.txt: no such file\n {2}hint: /],
    [
      'binary data',
      () => {
        const file = join(scratch, 'scan-saved-as.txt');
        writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
        return [file, ...pageArgs];
      },
      1,
      /scan-saved-as\.txt: the file holds binary data, not text\n {2}hint: pass the OCR text export/,
    ],
    [
      'a scan that is no image',
      () => {
        const file = join(scratch, 'broken.png');
        writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
        return [file, ...pageArgs];
      },
      1,
      /broken\.png: not an image sharp can read \(.*\)\n {2}hint: Import a JPEG, PNG, TIFF or WebP scan of the page/,
    ],
    [
      'a broken PDF page',
      () => {
        const file = join(scratch, 'page-03.pdf');
        writeFileSync(file, '%PDF-1.4\n%%EOF\n');
        return [file, ...pageArgs];
      },
      1,
      /page-03\.pdf: not a PDF that pdfinfo can read \(.*\)\n {2}hint: Check that the file is a complete PDF/,
    ],
    [
      'an unknown encoding',
      () => {
        const file = join(scratch, 'garbled.txt');
        writeFileSync(file, Buffer.from(Array.from({ length: 64 }, (_, i) => (i % 2 ? 0xff : 0x41))));
        return [file, ...pageArgs];
      },
      1,
      /garbled\.txt: the text is not UTF-8, UTF-16, GB18030 or Big5\n {2}hint: convert the file to UTF-8/,
    ],
    ['a bad date', () => [SAMPLE, '--paper', 'zunyi-daily', '--date', '2023-02-30', '--page', '3'], 1, /bad date "2023-02-30"\n {2}hint: write the date as YYYY-MM-DD/],
    ['an unknown paper', () => [SAMPLE, '--paper', 'guizhou-daily', '--date', '2023-01-17', '--page', '3'], 1, /guizhou-daily\.yml: unknown paper "guizhou-daily".*\n {2}hint: describe the paper once: create .*guizhou-daily\.yml/],
    ['a missing page number', () => [SAMPLE, '--paper', 'zunyi-daily', '--date', '2023-01-17'], 1, /page number missing.*\n {2}hint: pass --page <N>/],
    ['an unknown flag', () => [SAMPLE, ...pageArgs, '--colour'], 2, /Unknown option '--colour'[\s\S]*Usage:/],
  ];
  for (const [what, args, code, message] of cases) {
    it(`refuses ${what}`, () => {
      const before = contentTree(join(scratch, 'content'));
      const result = run(args());
      expect(result.code).toBe(code);
      expect(result.stderr).toMatch(message);
      expect(result.stdout).toBe('');
      expect(contentTree(join(scratch, 'content'))).toEqual(before);
    });
  }
});

describe('writing', () => {
  it('writes valid MDX articles and issue metadata; a second import changes nothing', () => {
    const content = freshArchive();
    expect(run([SAMPLE, ...pageArgs], content).code).toBe(0);
    const dir = join(content, 'zunyi-daily/2023-01-17/03');
    expect(readdirSync(dir).sort()).toEqual(['01.mdx', '02.mdx', '03.mdx', '04.mdx', '05.mdx']);
    const file = readFileSync(join(dir, '01.mdx'), 'utf8');
    const [, yaml, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(file)!;
    const data = articleSchema.parse(parseYaml(yaml!));
    expect(data).toMatchObject({ title: '志愿服务聚合力 文明实践谱新篇', reporters: ['张婷'], dateline: '本报讯' });
    expect(mdxToParagraphs(body!)).toHaveLength(6);
    expect(parseYaml(readFileSync(join(content, 'zunyi-daily/2023-01-17/issue.yml'), 'utf8'))).toMatchObject({ paper: 'zunyi-daily', pages: [{ number: 3 }] });

    const before = contentTree(content);
    const again = run([SAMPLE, ...pageArgs], content);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('0 files written');
    expect(contentTree(content)).toEqual(before);
  });

  it('refuses to overwrite an article edited by hand, names it and says how to force; --force keeps a backup', () => {
    const content = freshArchive();
    expect(run([SAMPLE, ...pageArgs], content).code).toBe(0);
    const edited = join(content, 'zunyi-daily/2023-01-17/03/04.mdx');
    const corrected = readFileSync(edited, 'utf8').replace('村医人户走访', '村医入户走访');
    writeFileSync(edited, corrected);
    const before = contentTree(content);

    const refused = run([SAMPLE, ...pageArgs], content);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('zunyi-daily/2023-01-17/03/04.mdx');
    expect(refused.stderr).toContain('--force');
    expect(contentTree(content)).toEqual(before);

    const forced = run([SAMPLE, ...pageArgs, '--force'], content);
    expect(forced.code).toBe(0);
    expect(readFileSync(edited, 'utf8')).toContain('村医人户走访');
    const backup = /kept in (.+)$/m.exec(forced.stderr)?.[1];
    expect(backup).toBeDefined();
    expect(readFileSync(join(scratch, backup!, 'zunyi-daily/2023-01-17/03/04.mdx'), 'utf8')).toBe(corrected);
  });

  it('leaves the content folder as it was when any page of an issue cannot be imported', () => {
    const content = freshArchive();
    const issue = join(scratch, 'issue-with-bad-photo');
    mkdirSync(join(issue, 'photos/03'), { recursive: true });
    cpSync(SAMPLE, join(issue, '03.txt'));
    writeFileSync(join(issue, 'issue.yml'), 'paper: zunyi-daily\ndate: 2023-01-17\npages:\n  - number: 3\n');
    writeFileSync(join(issue, 'photos/03/1.jpg'), 'this is not a JPEG');
    const before = contentTree(content);
    const result = run([issue], content);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/photos\/03\/1\.jpg: not a readable image/);
    expect(result.stderr).toContain('Nothing was written');
    expect(contentTree(content)).toEqual(before);
  });

  it('points at the line of a bad issue.yml', () => {
    const issue = join(scratch, 'bad-issue-yml');
    mkdirSync(issue, { recursive: true });
    cpSync(SAMPLE, join(issue, '03.txt'));
    writeFileSync(join(issue, 'issue.yml'), 'paper: zunyi-daily\ndate: 2023-01-17\npages:\n  - number: three\n');
    const result = run([issue]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/issue\.yml:4: `pages\.0\.number`: .*\n {2}hint: see README/);
  });
});

describe('photos', () => {
  it('attaches photos in reading order: upright, stripped of EXIF and GPS, capped, with size and placeholder', async () => {
    const content = freshArchive();
    const photos = join(scratch, 'photos-in-order');
    mkdirSync(photos, { recursive: true });
    // a tall phone photo stored sideways (EXIF orientation 6) with a GPS position
    const sideways = await sharp({ create: { width: 3600, height: 2400, channels: 3, background: '#886644' } })
      .withMetadata({ orientation: 6, exif: { IFD0: { Make: 'TestCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '27/1 40/1 0/1' } } })
      .jpeg()
      .toBuffer();
    expect((await sharp(sideways).metadata()).exif).toBeDefined();
    writeFileSync(join(photos, '1.jpg'), sideways);
    writeFileSync(join(photos, '2.jpg'), await sharp({ create: { width: 800, height: 600, channels: 3, background: '#224466' } }).jpeg().toBuffer());
    writeFileSync(join(photos, '10.jpg'), await sharp({ create: { width: 640, height: 480, channels: 3, background: '#446622' } }).jpeg().toBuffer());

    const result = run([SAMPLE, ...pageArgs, '--photos', photos], content);
    expect(result.code, result.stderr).toBe(0);
    const dir = join(content, 'zunyi-daily/2023-01-17/03');
    // photo items are 02, 03, 05; natural order puts 10.jpg last
    const stored = await sharp(readFileSync(join(dir, '02-1.jpg'))).metadata();
    expect([stored.width, stored.height]).toEqual([1600, 2400]);
    expect(stored.exif).toBeUndefined();
    expect(stored.orientation ?? 1).toBe(1);
    expect((await sharp(readFileSync(join(dir, '05-1.jpg'))).metadata()).width).toBe(640);
    const data = articleSchema.parse(parseYaml(/^---\n([\s\S]*?)\n---/.exec(readFileSync(join(dir, '02.mdx'), 'utf8'))![1]!));
    expect(data.photos[0]).toMatchObject({ file: '02-1.jpg', width: 1600, height: 2400 });
    expect(data.photos[0]!.placeholder).toMatch(/^data:image\/webp;base64,/);
  });

  it('follows photos.yml when the order is different, and refuses unmatched files', async () => {
    const content = freshArchive();
    const photos = join(scratch, 'photos-mapped');
    mkdirSync(photos, { recursive: true });
    const jpeg = (colour: string) => sharp({ create: { width: 300, height: 200, channels: 3, background: colour } }).jpeg().toBuffer();
    writeFileSync(join(photos, 'a.jpg'), await jpeg('#ff0000'));
    writeFileSync(join(photos, 'b.jpg'), await jpeg('#0000ff'));
    writeFileSync(join(photos, 'photos.yml'), '- file: a.jpg\n  caption: 仁怀市苍龙街道\n- file: b.jpg\n  article: 2\n');
    expect(run([SAMPLE, ...pageArgs, '--photos', photos], content).code).toBe(0);
    const dir = join(content, 'zunyi-daily/2023-01-17/03');
    const red = await sharp(readFileSync(join(dir, '05-1.jpg'))).stats();
    expect(red.channels[0]!.mean).toBeGreaterThan(200);
    expect(existsSync(join(dir, '02-1.jpg'))).toBe(true);
    expect(existsSync(join(dir, '03-1.jpg'))).toBe(false);

    writeFileSync(join(photos, 'c.jpg'), await jpeg('#00ff00'));
    const refused = run([SAMPLE, ...pageArgs, '--photos', photos], freshArchive());
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('c.jpg is not listed in photos.yml');
  });
});

describe('hostile OCR text', () => {
  it('comes out of the MDX file as the same text the JSON reports', () => {
    const content = freshArchive();
    const file = join(scratch, 'hostile.txt');
    writeFileSync(
      file,
      ['测试标题', '', '本报讯（记者 张婷）import 开头的一行{记者}与<新蒲>并存。', '', '# 不是标题，1. 也不是列表，3~5天，a<b。', '', 'export default 也是正文。'].join('\n'),
    );
    const json = run([file, ...pageArgs, '--json', '--dry-run'], content);
    expect(json.code).toBe(0);
    const paragraphs = JSON.parse(json.stdout).articles[0].paragraphs as string[];
    expect(paragraphs.join('')).toContain('{记者}');
    expect(run([file, ...pageArgs], content).code).toBe(0);
    const mdx = readFileSync(join(content, 'zunyi-daily/2023-01-17/03/01.mdx'), 'utf8');
    expect(mdxToParagraphs(mdx.replace(/^---\n[\s\S]*?\n---\n/, ''))).toEqual(paragraphs);
  });
});
