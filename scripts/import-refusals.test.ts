import { createHash } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { articleSchema } from '../src/schemas/article.ts';
import { articleToMdx } from './lib/to-mdx.ts';

/**
 * The importer attacked, through the real CLI: path traversal, links out of the folder, special
 * files, oversized and damaged input, names the site refuses, YAML bombs and foreign encodings.
 * Each case runs in a world of its own (an archive, an issue folder, a folder "outside" with a
 * secret) and must be answered with exit 1 and a message that names the file and the fix, or be
 * imported correctly; nothing may be written outside --content, nothing at all on a refusal, and
 * the secret outside is never echoed.
 */
const ROOT = resolve(import.meta.dirname, '..');
const SAMPLE = resolve(ROOT, 'tests/fixtures/sample/zunyi-2023-01-page.txt');
const SECRET = '外部机密 OUTSIDE-SECRET-7731';
const pageArgs = ['--paper', 'zunyi-daily', '--date', '2023-01-17', '--page', '3'];

let scratch: string;
let jpeg: Buffer;

/** One case's world: `archive/content` (the --content folder), `issue/` and `outside/`. */
interface World {
  dir: string;
  content: string;
  issue: string;
  outside: string;
}

function world(name: string): World {
  const dir = join(scratch, name);
  const w = { dir, content: join(dir, 'archive/content'), issue: join(dir, 'issue'), outside: join(dir, 'outside') };
  mkdirSync(join(w.content, 'papers'), { recursive: true });
  cpSync(resolve(ROOT, 'content/papers/zunyi-daily.yml'), join(w.content, 'papers/zunyi-daily.yml'));
  mkdirSync(join(w.outside, 'photos'), { recursive: true });
  writeFileSync(join(w.outside, 'secret.txt'), `${SECRET}\n\n本报讯 这段文字在议题文件夹之外，不得被读取。\n`);
  writeFileSync(join(w.outside, 'photos/1.jpg'), jpeg);
  writeFileSync(join(w.outside, 'issue.yml'), `paper: zunyi-daily\ndate: 2023-01-17\npages:\n  - number: 3\n    name: ${SECRET}\n`);
  mkdirSync(w.issue, { recursive: true });
  return w;
}

/** An issue folder: issue.yml (text or bytes) and files. */
function issueFolder(w: World, manifest: string | Buffer, files: Record<string, string | Buffer> = {}): void {
  writeFileSync(join(w.issue, 'issue.yml'), manifest);
  for (const [name, data] of Object.entries(files)) {
    mkdirSync(join(w.issue, name, '..'), { recursive: true });
    writeFileSync(join(w.issue, name), data);
  }
}

const MANIFEST = 'paper: zunyi-daily\ndate: 2023-01-17\npages:\n  - number: 3\n';

function mkfifo(path: string): void {
  mkdirSync(join(path, '..'), { recursive: true });
  const made = spawnSync('mkfifo', [path]);
  if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`);
}

/** Every entry under a folder, links and special files by what they are (never opened). */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      const stats = lstatSync(path);
      const key = relative(dir, path);
      if (stats.isDirectory()) {
        out[`${key}/`] = 'dir';
        walk(path);
      } else if (stats.isSymbolicLink()) out[key] = `link -> ${readlinkSync(path)}`;
      else if (stats.isFile()) out[key] = stats.size > 4_000_000 ? `size ${stats.size}` : readFileSync(path).toString('base64');
      else out[key] = 'special';
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

function without(all: Record<string, string>, prefix: string): Record<string, string> {
  return Object.fromEntries(Object.entries(all).filter(([key]) => !key.startsWith(prefix)));
}

/** The CLI as a maintainer runs it, from the world's folder. */
function run(w: World, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    // a FIFO that is opened blocks for ever: the case fails instead of hanging the suite
    const child = spawn(process.execPath, [resolve(ROOT, 'scripts/import.ts'), ...args, '--content', w.content], { cwd: w.dir, timeout: 50_000, killSignal: 'SIGKILL' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

interface Case {
  name: string;
  /** Make the input in the world; return the arguments (without --content). */
  setup: (w: World) => string[] | Promise<string[]>;
  code: 0 | 1;
  /** What stderr must say: the file named, the problem, and (for refusals) a hint. */
  says?: RegExp[];
  /** Checks of the content written by an accepted import. */
  after?: (w: World, stderr: string) => void;
}

const issueYml = (w: World) => readFileSync(join(w.content, 'zunyi-daily/2023-01-17/issue.yml'), 'utf8');

const CASES: Case[] = [
  // --paper in single-page mode: the slug becomes a folder under --content
  { name: '--paper with ../', setup: () => [SAMPLE, '--paper', '../papers/zunyi-daily', '--date', '2023-01-17', '--page', '3'], code: 1, says: [/--paper: "\.\.\/papers\/zunyi-daily" cannot be a paper slug: use lowercase ASCII letters/] },
  { name: '--paper with capitals', setup: () => [SAMPLE, '--paper', 'Zunyi', '--date', '2023-01-17', '--page', '3'], code: 1, says: [/--paper: "Zunyi" cannot be a paper slug/] },
  { name: '--paper search (a path of the site)', setup: () => [SAMPLE, '--paper', 'search', '--date', '2023-01-17', '--page', '3'], code: 1, says: [/--paper: "search" cannot be a paper slug: the site uses this path itself/] },
  { name: '--paper papers (the folder of paper files)', setup: () => [SAMPLE, '--paper', 'papers', '--date', '2023-01-17', '--page', '3'], code: 1, says: [/"papers" cannot be a paper slug/] },
  { name: '--paper as an absolute path', setup: (w) => [SAMPLE, '--paper', join(w.dir, 'x'), '--date', '2023-01-17', '--page', '3'], code: 1, says: [/cannot be a paper slug/] },
  { name: '--paper with .. inside', setup: () => [SAMPLE, '--paper', 'zunyi-daily/../zunyi-daily', '--date', '2023-01-17', '--page', '3'], code: 1, says: [/cannot be a paper slug/] },
  { name: '--page 1000', setup: () => [SAMPLE, '--paper', 'zunyi-daily', '--date', '2023-01-17', '--page', '1000'], code: 1, says: [/^error: --page: --page 1000 is not a page number$/m] },

  // the page text
  {
    name: 'a FIFO as the page file',
    setup: (w) => {
      mkfifo(join(w.dir, '03.txt'));
      return ['03.txt', ...pageArgs];
    },
    code: 1,
    says: [/^error: 03\.txt: this is a named pipe \(FIFO\), not a regular file; it was not opened$/m],
  },
  {
    name: 'a page file over 1 MB',
    setup: (w) => {
      writeFileSync(join(w.dir, 'big.txt'), '本报讯 今天全市各地天气晴好，群众出行方便。\n\n'.repeat(30_000));
      return ['big.txt', ...pageArgs];
    },
    code: 1,
    says: [/^error: big\.txt: the file is 1\.9 MB; the importer reads at most 1\.0 MB for a page$/m, /hint: one file per page/],
  },
  {
    name: 'a NUL byte after the first 8 KB',
    setup: (w) => {
      const text = Buffer.from('本报讯 今天全市各地天气晴好，群众出行方便。\n\n'.repeat(300));
      writeFileSync(join(w.dir, 'nul.txt'), Buffer.concat([text, Buffer.from([0]), Buffer.from('后面还有文字。\n')]));
      return ['nul.txt', ...pageArgs];
    },
    code: 1,
    says: [/^error: nul\.txt:601: the file holds binary data, not text \(a NUL byte on line 601\)$/m],
  },
  {
    name: 'a page of white space only',
    setup: (w) => {
      writeFileSync(join(w.dir, 'blank.txt'), ' \n\n\t\u3000\n\u200b\n');
      return ['blank.txt', ...pageArgs];
    },
    code: 1,
    says: [/^error: blank\.txt: the page holds only white space: there is no text to import$/m],
  },
  {
    name: 'a page with no item, only the header and a label',
    setup: (w) => {
      writeFileSync(join(w.dir, 'header.txt'), '2023年1月17日 星期二 第3版\n\n绿色环保\n');
      return ['header.txt', ...pageArgs];
    },
    code: 1,
    says: [/^error: header\.txt: page 3: no article or photo item found \(only 1 line outside any article\); an empty page would be published$/m],
  },
  {
    name: 'a page of over 999 items',
    setup: (w) => {
      const items = Array.from({ length: 1100 }, (_, i) => `第${i + 1}条消息标题\n\n本报讯 今天全市各地天气晴好，群众出行方便，交通秩序井然。\n`);
      writeFileSync(join(w.dir, 'many.txt'), items.join('\n'));
      return ['many.txt', ...pageArgs];
    },
    code: 1,
    says: [/^error: many\.txt: page 3 holds 1100 items; the site numbers the items of a page 01-999$/m],
  },

  // --photos in single-page mode
  {
    name: '--photos naming a file',
    setup: (w) => [SAMPLE, ...pageArgs, '--photos', join(w.outside, 'secret.txt')],
    code: 1,
    says: [/--photos .*secret\.txt: this is not a folder/],
  },
  {
    name: 'a photo that links out of the --photos folder',
    setup: (w) => {
      mkdirSync(join(w.dir, 'photos'));
      symlinkSync(join(w.outside, 'photos/1.jpg'), join(w.dir, 'photos/1.jpg'));
      return [SAMPLE, ...pageArgs, '--photos', 'photos'];
    },
    code: 1,
    says: [/^error: photos\/1\.jpg: leads out of the photo folder \(a symbolic link to .*outside\/photos\/1\.jpg\)\n {2}hint: copy the file into the photo folder/m],
  },
  {
    name: 'a FIFO named 1.jpg among the photos',
    setup: (w) => {
      mkfifo(join(w.dir, 'photos/1.jpg'));
      return [SAMPLE, ...pageArgs, '--photos', 'photos'];
    },
    code: 1,
    says: [/photos\/1\.jpg: this is a named pipe \(FIFO\), not a regular file; it was not opened/],
  },
  {
    name: 'a photo over 50 MB',
    setup: (w) => {
      mkdirSync(join(w.dir, 'photos'));
      writeFileSync(join(w.dir, 'photos/1.jpg'), jpeg);
      truncateSync(join(w.dir, 'photos/1.jpg'), 60 * 1024 * 1024); // sparse: no disk used
      return [SAMPLE, ...pageArgs, '--photos', 'photos'];
    },
    code: 1,
    says: [/^error: photos\/1\.jpg: the file is 60\.0 MB; the importer reads at most 50\.0 MB for a photo\n {2}hint: export the photo as a JPEG/m],
  },
  {
    name: 'photos.yml naming a file outside its folder',
    setup: (w) => {
      mkdirSync(join(w.dir, 'photos'));
      writeFileSync(join(w.dir, 'photos/1.jpg'), jpeg);
      writeFileSync(join(w.dir, 'photos/photos.yml'), '- file: 1.jpg\n  article: 2\n- file: ../outside/photos/1.jpg\n  article: 3\n');
      return [SAMPLE, ...pageArgs, '--photos', 'photos'];
    },
    code: 1,
    says: [/^error: photos\/photos\.yml:3: `1\.file`: names a path; write the name of a file in this folder/m],
  },
  {
    name: 'photos.yml as a YAML alias bomb',
    setup: (w) => {
      mkdirSync(join(w.dir, 'photos'));
      writeFileSync(join(w.dir, 'photos/1.jpg'), jpeg);
      writeFileSync(join(w.dir, 'photos/photos.yml'), aliasBomb());
      return [SAMPLE, ...pageArgs, '--photos', 'photos'];
    },
    code: 1,
    says: [/^error: photos\/photos\.yml:2: the aliases \(\*name\) expand to more than 100 copies/m],
  },
  {
    name: 'photos.yml listing a photo twice',
    setup: (w) => {
      mkdirSync(join(w.dir, 'photos'));
      writeFileSync(join(w.dir, 'photos/1.jpg'), jpeg);
      writeFileSync(join(w.dir, 'photos/photos.yml'), '- file: 1.jpg\n  article: 2\n- file: 1.jpg\n  article: 3\n');
      return [SAMPLE, ...pageArgs, '--photos', 'photos'];
    },
    code: 1,
    says: [/^error: photos\/photos\.yml:3: `1\.file`: 1\.jpg is listed twice/m],
  },

  // an issue folder: what issue.yml names must lie inside it
  {
    name: 'file: ../ out of the issue folder',
    setup: (w) => {
      issueFolder(w, `${MANIFEST}    file: ../outside/secret.txt\n`);
      return ['issue'];
    },
    code: 1,
    says: [/^error: issue\/issue\.yml:5: `pages\.0\.file`: goes up out of the issue folder/m],
  },
  {
    name: 'file: an absolute path',
    setup: (w) => {
      issueFolder(w, `${MANIFEST}    file: ${join(w.outside, 'secret.txt')}\n`);
      return ['issue'];
    },
    code: 1,
    says: [/^error: issue\/issue\.yml:5: `pages\.0\.file`: is an absolute path/m],
  },
  {
    name: 'file: with a NUL byte',
    setup: (w) => {
      issueFolder(w, `${MANIFEST}    file: "03.txt\\0../../outside/secret.txt"\n`, { '03.txt': readFileSync(SAMPLE) });
      return ['issue'];
    },
    code: 1,
    says: [/^error: issue\/issue\.yml:5: `pages\.0\.file`: holds a control character/m],
  },
  {
    name: 'photos: ../ out of the issue folder',
    setup: (w) => {
      issueFolder(w, `${MANIFEST}    photos: ../outside/photos\n`, { '03.txt': readFileSync(SAMPLE) });
      return ['issue'];
    },
    code: 1,
    says: [/^error: issue\/issue\.yml:5: `pages\.0\.photos`: goes up out of the issue folder/m],
  },
  {
    name: 'a page file that links out of the issue folder',
    setup: (w) => {
      issueFolder(w, MANIFEST);
      symlinkSync('../outside/secret.txt', join(w.issue, '03.txt'));
      return ['issue'];
    },
    code: 1,
    says: [/^error: issue\/03\.txt: leads out of the issue folder \(a symbolic link to .*outside\/secret\.txt\)$/m],
  },
  {
    name: 'a photo folder that links out of the issue folder',
    setup: (w) => {
      issueFolder(w, MANIFEST, { '03.txt': readFileSync(SAMPLE) });
      mkdirSync(join(w.issue, 'photos'));
      symlinkSync('../../outside/photos', join(w.issue, 'photos/03'));
      return ['issue'];
    },
    code: 1,
    says: [/^error: issue\/photos\/03: leads out of the issue folder/m],
  },
  {
    name: 'a photo that links out of the issue folder',
    setup: (w) => {
      issueFolder(w, MANIFEST, { '03.txt': readFileSync(SAMPLE) });
      mkdirSync(join(w.issue, 'photos/03'), { recursive: true });
      symlinkSync(join(w.outside, 'photos/1.jpg'), join(w.issue, 'photos/03/1.jpg'));
      return ['issue'];
    },
    code: 1,
    says: [/issue\/photos\/03\/1\.jpg: leads out of the issue folder/],
  },
  {
    name: 'issue.yml that links out of the issue folder',
    setup: (w) => {
      writeFileSync(join(w.issue, '03.txt'), readFileSync(SAMPLE));
      symlinkSync('../outside/issue.yml', join(w.issue, 'issue.yml'));
      return ['issue'];
    },
    code: 1,
    says: [/^error: issue\/issue\.yml: leads out of the issue folder/m],
  },
  {
    name: 'a link to nothing as the page file',
    setup: (w) => {
      issueFolder(w, MANIFEST);
      symlinkSync('gone.txt', join(w.issue, '03.txt'));
      return ['issue'];
    },
    code: 1,
    says: [/^error: issue\/03\.txt: a symbolic link to nothing$/m],
  },
  {
    name: 'a FIFO named 03.txt in the issue folder',
    setup: (w) => {
      issueFolder(w, MANIFEST);
      mkfifo(join(w.issue, '03.txt'));
      return ['issue'];
    },
    code: 1,
    says: [/^error: issue\/03\.txt: this is a named pipe \(FIFO\), not a regular file; it was not opened$/m],
  },
  {
    name: 'a NUL byte deep in the second page of an issue',
    setup: (w) => {
      const text = Buffer.from('本报讯 今天全市各地天气晴好，群众出行方便。\n\n'.repeat(400));
      issueFolder(w, `${MANIFEST}  - number: 4\n`, { '03.txt': readFileSync(SAMPLE), '04.txt': Buffer.concat([text, Buffer.from('\u0000')]) });
      return ['issue'];
    },
    code: 1,
    says: [/^error: issue\/04\.txt:801: the file holds binary data, not text/m],
  },

  // issue.yml itself
  {
    name: 'a page listed twice',
    setup: (w) => {
      issueFolder(w, `${MANIFEST}    name: 文明实践\n  - number: 4\n  - number: 3\n`, { '03.txt': readFileSync(SAMPLE), '04.txt': readFileSync(SAMPLE) });
      return ['issue'];
    },
    code: 1,
    says: [/^error: issue\/issue\.yml:7: `pages\.2\.number`: page 3 is listed twice \(entries 1 and 3 of `pages:`\)/m],
  },
  {
    name: 'two pages read from one file',
    setup: (w) => {
      issueFolder(w, `${MANIFEST}  - number: 4\n    file: 03.txt\n`, { '03.txt': readFileSync(SAMPLE) });
      return ['issue'];
    },
    code: 1,
    says: [/^error: issue\/issue\.yml:6: pages 3 and 4 both read 03\.txt$/m],
  },
  {
    name: 'issue.yml as a YAML alias bomb',
    setup: (w) => {
      issueFolder(w, `${MANIFEST}${aliasBomb('map')}`, { '03.txt': readFileSync(SAMPLE) });
      return ['issue'];
    },
    code: 1,
    says: [/^error: issue\/issue\.yml:\d+: the aliases \(\*name\) expand to more than 100 copies/m],
  },
  {
    name: 'issue.yml naming a reserved paper',
    setup: (w) => {
      issueFolder(w, MANIFEST.replace('zunyi-daily', 'search'), { '03.txt': readFileSync(SAMPLE) });
      return ['issue'];
    },
    code: 1,
    says: [/^error: issue\/issue\.yml:1: `paper`: the site uses this path itself/m],
  },
  {
    name: 'issue.yml naming a paper with ../',
    setup: (w) => {
      issueFolder(w, MANIFEST.replace('zunyi-daily', '../papers/zunyi-daily'), { '03.txt': readFileSync(SAMPLE) });
      return ['issue'];
    },
    code: 1,
    says: [/^error: issue\/issue\.yml:1: `paper`: use lowercase ASCII letters/m],
  },
  {
    name: 'issue.yml that is not YAML',
    setup: (w) => {
      issueFolder(w, 'paper: zunyi-daily\ndate: 2023-01-17\npages: [\n  - number: 3\n', { '03.txt': readFileSync(SAMPLE) });
      return ['issue'];
    },
    code: 1,
    says: [/^error: issue\/issue\.yml:\d+: not valid YAML: /m],
  },
  {
    name: 'issue.yml over 256 KB',
    setup: (w) => {
      issueFolder(w, `${MANIFEST}# ${'填充'.repeat(50_000)}\n`, { '03.txt': readFileSync(SAMPLE) });
      return ['issue'];
    },
    code: 1,
    says: [/^error: issue\/issue\.yml: the file is 293 KB; the importer reads at most 256 KB for a YAML file$/m],
  },

  // foreign encodings and links that stay inside are imported
  {
    name: 'issue.yml saved as GBK',
    setup: (w) => {
      const manifest = `${MANIFEST}    name: 文明实践\nestimated:\n  date: true\n  note: 日期由编辑根据报道内容推定\n`;
      issueFolder(w, encode(manifest, 'GBK'), { '03.txt': readFileSync(SAMPLE) });
      return ['issue'];
    },
    code: 0,
    after: (w) => {
      const issue = parseYaml(issueYml(w));
      expect(issue.pages[0].name).toBe('文明实践');
      expect(issue.estimated.note).toBe('日期由编辑根据报道内容推定');
    },
  },
  {
    name: 'issue.yml saved as UTF-16 with a BOM',
    setup: (w) => {
      const manifest = `${MANIFEST}    name: 文明实践\n`;
      issueFolder(w, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(manifest, 'utf16le')]), { '03.txt': readFileSync(SAMPLE) });
      return ['issue'];
    },
    code: 0,
    after: (w) => expect(parseYaml(issueYml(w)).pages[0].name).toBe('文明实践'),
  },
  {
    name: 'photos.yml saved as GB18030, mapping by caption',
    setup: (w) => {
      issueFolder(w, MANIFEST, { '03.txt': readFileSync(SAMPLE), 'photos/03/a.jpg': jpeg, 'photos/03/photos.yml': encode('- file: a.jpg\n  caption: 群众展示领到的春联\n', 'GB18030') });
      return ['issue'];
    },
    code: 0,
    after: (w) => expect(existsSync(join(w.content, 'zunyi-daily/2023-01-17/03/03-1.jpg'))).toBe(true),
  },
  {
    name: 'a page file that links to a file inside the issue folder',
    setup: (w) => {
      issueFolder(w, MANIFEST, { 'texts/p3.txt': readFileSync(SAMPLE) });
      symlinkSync('texts/p3.txt', join(w.issue, '03.txt'));
      return ['issue'];
    },
    code: 0,
    after: (w) => expect(readdirSync(join(w.content, 'zunyi-daily/2023-01-17/03'))).toHaveLength(5),
  },
  {
    name: 'a re-import over files an older import wrote beyond 999',
    setup: (w) => {
      const page = join(w.content, 'zunyi-daily/2023-01-17/03');
      mkdirSync(page, { recursive: true });
      // as an older import wrote them: with their checksum, so not edited by hand
      // (an import names its photo with the photo's checksum in the article's front matter)
      const photo = { file: '1000-1.jpg', width: 320, height: 200, sha256: createHash('sha256').update(jpeg).digest('hex') };
      writeFileSync(join(page, '1000.mdx'), articleToMdx(articleSchema.parse({ kind: 'article', title: '旧', photos: [photo] }), ['旧文。']));
      writeFileSync(join(page, '1000-1.jpg'), jpeg);
      writeFileSync(join(page, 'notes.txt'), 'a maintainer’s note: not the importer’s');
      return [SAMPLE, ...pageArgs];
    },
    code: 0,
    after: (w) => expect(readdirSync(join(w.content, 'zunyi-daily/2023-01-17/03')).sort()).toEqual(['01.mdx', '02.mdx', '03.mdx', '04.mdx', '05.mdx', 'notes.txt']),
  },
];

/** A "billion laughs" YAML list (or mapping): nine levels of nine aliases each. */
function aliasBomb(shape: 'list' | 'map' = 'list'): string {
  const names = 'abcdefghi';
  const lead = (name: string) => (shape === 'list' ? '- ' : `lol_${name}: `);
  const lines = [`${lead('a')}&a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]`];
  for (let i = 1; i < names.length; i++) lines.push(`${lead(names[i]!)}&${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(',')}]`);
  return `${lines.join('\n')}\n`;
}

/** Text in a legacy encoding; Node has no encoder for them, iconv is on every Debian/glibc system. */
function encode(text: string, encoding: string): Buffer {
  const result = spawnSync('iconv', ['-f', 'UTF-8', '-t', encoding], { input: text });
  if (result.status !== 0) throw new Error(`iconv failed: ${result.stderr}`);
  return result.stdout;
}

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'import-refusals-'));
  jpeg = await sharp({ create: { width: 320, height: 200, channels: 3, background: '#886644' } }).jpeg().toBuffer();
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the importer refuses what it must not read or write, naming the file and the fix', () => {
  CASES.forEach((c, index) => {
    it(`${c.code === 0 ? 'imports' : 'refuses'} ${c.name}`, async () => {
      const w = world(`case-${index}`);
      const args = await c.setup(w);
      const before = tree(w.dir);
      const result = await run(w, args);
      expect(result.code, result.stderr).toBe(c.code);
      // no stack trace, and nothing read outside is echoed
      expect(result.stderr).not.toMatch(/internal error|^\s+at /m);
      expect(result.stderr + result.stdout).not.toContain('OUTSIDE-SECRET');
      for (const pattern of c.says ?? []) expect(result.stderr).toMatch(pattern);
      const after = tree(w.dir);
      if (c.code === 0) {
        // written: only inside --content
        expect(without(after, 'archive/content/')).toEqual(without(before, 'archive/content/'));
        c.after?.(w, result.stderr);
      } else {
        expect(result.stderr).toMatch(/^ {2}hint: \S/m);
        expect(after).toEqual(before);
      }
    });
  });
});
