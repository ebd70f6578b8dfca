import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { ParsedItem, ParsedPage } from '../../src/schemas/parsed-page.ts';
import { planImport, RECORD_FILE, type ContentSnapshot, type ImportPlan, type PageSource, type PreparedPhoto } from './import-plan.ts';

/**
 * What the planner protects, decided on an in-memory content folder: the record of what the
 * import wrote against what the files hold now, and the files' own checksums for archives
 * imported before records existed.
 */

const ISSUE = 'p/2023-01-17';

function item(seq: number, kind: 'article' | 'photo' = 'article', text = `第${seq}篇正文。`): ParsedItem {
  return {
    id: `p/2023-01-17/03/0${seq}`,
    kind,
    kicker: null,
    title: `标题${seq}`,
    subtitle: null,
    column: null,
    dateline: null,
    reporters: [],
    correspondents: [],
    photographers: [],
    paragraphs: kind === 'article' ? [text] : [],
    caption: kind === 'photo' ? `图为第${seq}张。` : null,
    credit: null,
    continuation: null,
    problems: [],
    lines: [seq, seq],
  };
}

function page(number: number, items: ParsedItem[], pageName: string | null = '要闻'): PageSource {
  const parsed: ParsedPage = { paper: 'p', date: '2023-01-17', page: number, pageName, credits: [], articles: items.map((i) => ({ ...i, id: i.id.replace('/03/', `/${String(number).padStart(2, '0')}/`) })), unassigned: [], problems: [] };
  return { parsed, sourceFile: `${String(number).padStart(2, '0')}.txt` };
}

function photo(itemId: string, colour: number): PreparedPhoto {
  const bytes = Uint8Array.from({ length: 64 }, (_, i) => (i * colour) % 256);
  return { itemId, bytes, ext: 'jpg', meta: { width: 8, height: 8, placeholder: 'data:image/webp;base64,AA==', sha256: createHash('sha256').update(bytes).digest('hex') } };
}

/** A content folder in memory; `apply` makes a plan's changes as a commit would. */
class Folder implements ContentSnapshot {
  files = new Map<string, string | Uint8Array>();
  read(path: string) {
    const data = this.files.get(path);
    return data === undefined ? null : typeof data === 'string' ? data : Buffer.from(data).toString('utf8');
  }
  hash(path: string) {
    const data = this.files.get(path);
    return data === undefined ? null : createHash('sha256').update(data).digest('hex');
  }
  list(dir: string) {
    return [...this.files.keys()].filter((path) => path.startsWith(`${dir}/`) && !path.slice(dir.length + 1).includes('/')).map((path) => path.slice(dir.length + 1));
  }
  apply(plan: ImportPlan) {
    expect(plan.errors).toEqual([]);
    for (const write of plan.writes) this.files.set(write.path, write.data);
    for (const path of plan.removals) this.files.delete(path);
    return this;
  }
}

const photoItem = item(2, 'photo');
const pages = () => [page(3, [item(1), photoItem, item(3)])];
const photos = () => [photo('p/2023-01-17/03/02', 3)];
const facts = { estimated: { date: true, pages: false, note: '日期为推定。' } };

function imported(): Folder {
  return new Folder().apply(planImport(pages(), photos(), new Folder(), facts));
}

describe('planImport', () => {
  it('records every file it writes and the issue.yml fields it sets; the same input again writes nothing', () => {
    const folder = imported();
    const record = JSON.parse(folder.read(`${ISSUE}/${RECORD_FILE}`)!);
    expect(Object.keys(record.files).sort()).toEqual(['03/01.mdx', '03/02-1.jpg', '03/02.mdx', '03/03.mdx', 'issue.yml']);
    expect(record.files['03/02-1.jpg']).toBe(folder.hash(`${ISSUE}/03/02-1.jpg`));
    expect(record.fields).toMatchObject({ 'estimated.note': '日期为推定。', 'pages.3.name': '要闻', 'pages.3.source': '03.txt' });
    const again = planImport(pages(), photos(), folder, facts);
    expect(again.writes).toEqual([]);
    expect(again.unchanged).toHaveLength(6);
  });

  it('refuses a photo replaced by hand and an edited article; --force replaces them and backs them up', () => {
    const folder = imported();
    folder.files.set(`${ISSUE}/03/02-1.jpg`, Uint8Array.from([1, 2, 3]));
    folder.files.set(`${ISSUE}/03/01.mdx`, `${folder.read(`${ISSUE}/03/01.mdx`)}\n改正。\n`);
    const plan = planImport(pages(), photos(), folder, facts);
    expect(plan.conflicts.sort()).toEqual([`${ISSUE}/03/01.mdx`, `${ISSUE}/03/02-1.jpg`]);
    expect(plan.backups).toEqual([]);
    const forced = planImport(pages(), photos(), folder, facts, { force: true });
    expect(forced.backups.sort()).toEqual([`${ISSUE}/03/01.mdx`, `${ISSUE}/03/02-1.jpg`]);
    expect(forced.writes.map((w) => w.path)).toEqual(expect.arrayContaining([`${ISSUE}/03/01.mdx`, `${ISSUE}/03/02-1.jpg`]));
  });

  it('leaves a file deleted by hand deleted, and remembers it; --force writes it again', () => {
    const folder = imported();
    folder.files.delete(`${ISSUE}/03/03.mdx`);
    const plan = planImport(pages(), photos(), folder, facts);
    expect(plan.keptDeleted).toEqual([`${ISSUE}/03/03.mdx`]);
    expect(plan.writes).toEqual([]);
    folder.apply(plan);
    expect(planImport(pages(), photos(), folder, facts).keptDeleted).toEqual([`${ISSUE}/03/03.mdx`]);
    const forced = planImport(pages(), photos(), folder, facts, { force: true });
    expect(forced.restored).toEqual([`${ISSUE}/03/03.mdx`]);
    expect(forced.writes.map((w) => w.path)).toEqual([`${ISSUE}/03/03.mdx`]);
  });

  it('a photo deleted by hand stays deleted and leaves its article\'s front matter, so the build still finds every photo it names; --force brings both back', () => {
    const folder = imported();
    folder.files.delete(`${ISSUE}/03/02-1.jpg`);
    const named = (f: Folder) => (parseYaml(/^---\n([\s\S]*?)\n---/u.exec(f.read(`${ISSUE}/03/02.mdx`)!)![1]!) as { photos: Array<{ file: string }> }).photos.map((p) => p.file);
    const plan = planImport(pages(), photos(), folder, facts);
    expect(plan.keptDeleted).toEqual([`${ISSUE}/03/02-1.jpg`]);
    expect(plan.conflicts).toEqual([]);
    folder.apply(plan);
    expect(named(folder)).toEqual([]);
    expect(planImport(pages(), photos(), folder, facts).writes).toEqual([]);
    folder.apply(planImport(pages(), photos(), folder, facts, { force: true }));
    expect(named(folder)).toEqual(['02-1.jpg']);
    expect(folder.hash(`${ISSUE}/03/02-1.jpg`)).toBe(photos()[0]!.meta.sha256);
  });

  it('a shorter page removes the files it no longer has, unless they were changed by hand', () => {
    const folder = imported();
    const shorter = () => [page(3, [item(1)])];
    expect(planImport(shorter(), [], folder, facts).removals.sort()).toEqual([`${ISSUE}/03/02-1.jpg`, `${ISSUE}/03/02.mdx`, `${ISSUE}/03/03.mdx`]);
    folder.files.set(`${ISSUE}/03/03.mdx`, '手写的稿子');
    expect(planImport(shorter(), [], folder, facts).conflicts).toEqual([`${ISSUE}/03/03.mdx`]);
  });

  it('keeps issue.yml fields corrected by hand and the rest of the file, sets the others, and backs the file up', () => {
    const folder = imported();
    const yml = `${ISSUE}/issue.yml`;
    folder.files.set(yml, `# 人工核对\n${folder.read(yml)!.replace('note: 日期为推定。', 'note: 日期据报头残字核定。 # 张三')}number: 21034\n`);
    // the next import brings a new page name for page 3 and a new page 5
    const next = () => [page(3, [item(1), photoItem, item(3)], '文明实践'), page(5, [item(1)], '副刊')];
    const plan = planImport(next(), photos(), folder, facts);
    expect(plan.keptFields).toEqual([{ path: yml, field: 'estimated.note', current: '日期据报头残字核定。', imported: '日期为推定。' }]);
    expect(plan.backups).toEqual([yml]);
    folder.apply(plan);
    const text = folder.read(yml)!;
    expect(text).toContain('# 人工核对');
    expect(text).toContain('# 张三');
    const issue = parseYaml(text);
    expect(issue.number).toBe(21034);
    expect(issue.estimated.note).toBe('日期据报头残字核定。');
    expect(issue.pages.map((p: { number: number; name: string }) => [p.number, p.name])).toEqual([
      [3, '文明实践'],
      [5, '副刊'],
    ]);
    // kept on the next import too; --force takes the imported value
    expect(planImport(next(), photos(), folder, facts).keptFields).toHaveLength(1);
    const forced = planImport(next(), photos(), folder, facts, { force: true });
    expect(forced.replacedFields.map((f) => f.field)).toEqual(['estimated.note']);
    expect(parseYaml(String(forced.writes.find((w) => w.path === yml)!.data)).estimated.note).toBe('日期为推定。');
  });

  it('keeps a page name set by hand (not the import) and protects an archive imported before records by the files’ own checksums', () => {
    const folder = imported();
    folder.files.delete(`${ISSUE}/${RECORD_FILE}`);
    const yml = `${ISSUE}/issue.yml`;
    folder.files.set(yml, folder.read(yml)!.replace('name: 要闻', 'name: 要闻·头版'));
    const plan = planImport(pages(), photos(), folder, facts);
    // without a record: the page name differs from what the import reads, so it is kept
    expect(plan.keptFields.map((f) => f.field)).toEqual(['pages.3.name']);
    // articles carry importHash, photos are named with their sha256 in the article: untouched, no conflict
    expect(plan.conflicts).toEqual([]);
    folder.files.set(`${ISSUE}/03/02-1.jpg`, Uint8Array.from([9]));
    folder.files.set(`${ISSUE}/03/01.mdx`, folder.read(`${ISSUE}/03/01.mdx`)!.replace('第1篇', '第一篇'));
    expect(planImport(pages(), photos(), folder, facts).conflicts.sort()).toEqual([`${ISSUE}/03/01.mdx`, `${ISSUE}/03/02-1.jpg`]);
  });

  it('stops on an issue.yml it cannot read, naming the line', () => {
    const folder = imported();
    folder.files.set(`${ISSUE}/issue.yml`, 'paper: p\npages: [\n');
    const plan = planImport(pages(), photos(), folder, facts);
    expect(plan.errors).toHaveLength(1);
    expect(plan.errors[0]).toMatchObject({ file: `${ISSUE}/issue.yml`, message: expect.stringMatching(/^not valid YAML/) });
    expect(plan.errors[0]!.line).toBeGreaterThan(0);
    expect(plan.errors[0]!.hint).toContain('fix the file');
  });
});
