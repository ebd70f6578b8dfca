import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'astro/zod';
import { importManifestSchema, type ImportManifest } from '../../src/schemas/import-manifest.ts';
import { paperSchema, type Paper } from '../../src/schemas/paper.ts';
import { decodeBytes } from '../lib/decode.ts';
import { photoMappingSchema, type PhotoMappingEntry } from '../../src/schemas/photo-mapping.ts';
import { pad } from '../../src/lib/ids.ts';

/** Input that cannot be used. The message names the file (and line) and says how to fix it. */
export class InputError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly hint: string;
  constructor(message: string, options: { file: string; line?: number; hint: string }) {
    super(message);
    this.name = 'InputError';
    this.file = options.file;
    this.line = options.line;
    this.hint = options.hint;
  }
}

/** Read an OCR text file in any encoding we support. */
export function readTextFile(path: string): string {
  if (!existsSync(path)) {
    throw new InputError('no such file', { file: path, hint: 'check the path; run `npm run import -- --help` for the usage' });
  }
  if (statSync(path).isDirectory()) {
    throw new InputError('this is a folder without issue.yml', {
      file: path,
      hint: 'an issue folder needs an issue.yml (see README, "Import an issue"); to import one page, pass its .txt file',
    });
  }
  const result = decodeBytes(readFileSync(path));
  if (!result.ok) throw new InputError(result.message, { file: path, hint: result.hint });
  return result.text;
}

/** A YAML file validated by a schema; errors point at the offending line. */
export function readYaml<S extends z.ZodType>(path: string, schema: S, hint: string): z.output<S> {
  const text = readFileSync(path, 'utf8');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    throw new InputError(`not valid YAML: ${error.message.split('\n')[0]}`, {
      file: path,
      line: lineCounter.linePos(error.pos[0]).line,
      hint,
    });
  }
  const result = schema.safeParse(doc.toJS());
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const node = doc.getIn(issue.path as Array<string | number>, true) as { range?: [number, number, number] } | undefined;
    const line = node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
    const where = issue.path.length > 0 ? `\`${issue.path.join('.')}\`: ` : '';
    throw new InputError(`${where}${issue.message}`, { file: path, ...(line !== undefined ? { line } : {}), hint });
  }
  return result.data;
}

/** The paper described in content/papers/<slug>.yml. */
export function readPaper(contentDir: string, slug: string): Paper {
  const path = join(contentDir, 'papers', `${slug}.yml`);
  if (!existsSync(path)) {
    const known = existsSync(join(contentDir, 'papers'))
      ? readdirSync(join(contentDir, 'papers'))
          .filter((f) => f.endsWith('.yml'))
          .map((f) => f.slice(0, -4))
      : [];
    throw new InputError(`unknown paper "${slug}"${known.length ? ` (known: ${known.join(', ')})` : ''}`, {
      file: path,
      hint: `describe the paper once: create ${relative(process.cwd(), path)} with at least\n    name: 遵义日报\n    place: 贵州省遵义市`,
    });
  }
  return readYaml(path, paperSchema, 'see src/schemas/paper.ts for the fields');
}

export interface IssueFolderPage {
  number: number;
  name: string | null;
  file: string;
  text: string;
  /** Folder of photos for this page, or null. */
  photosDir: string | null;
}

export interface IssueFolder {
  manifest: ImportManifest;
  pages: IssueFolderPage[];
}

/** An issue folder: issue.yml and one text file per page. */
export function readIssueFolder(dir: string): IssueFolder {
  const manifestPath = join(dir, 'issue.yml');
  if (!existsSync(manifestPath)) {
    throw new InputError('an issue folder needs an issue.yml', {
      file: dir,
      hint: 'write issue.yml with `paper:`, `date:` and `pages:` (see README, "Import an issue")',
    });
  }
  const manifest = readYaml(manifestPath, importManifestSchema, 'see README, "Import an issue", for the layout of issue.yml');
  const seen = new Set<number>();
  const pages = manifest.pages.map((page) => {
    if (seen.has(page.number)) {
      throw new InputError(`page ${page.number} is listed twice`, { file: manifestPath, hint: 'list each page once under `pages:`' });
    }
    seen.add(page.number);
    const file = page.file ?? `${pad(page.number)}.txt`;
    const path = join(dir, file);
    if (!existsSync(path)) {
      throw new InputError(`page ${page.number}: its text file ${file} is missing`, {
        file: manifestPath,
        hint: `add ${file} to the folder, or set \`file:\` for page ${page.number} in issue.yml`,
      });
    }
    const photos = page.photos ?? `photos/${pad(page.number)}`;
    const photosDir = existsSync(join(dir, photos)) ? join(dir, photos) : null;
    if (page.photos !== undefined && photosDir === null) {
      throw new InputError(`page ${page.number}: photo folder ${page.photos} does not exist`, {
        file: manifestPath,
        hint: 'fix the `photos:` path, or remove it',
      });
    }
    return { number: page.number, name: page.name, file, text: readTextFile(path), photosDir };
  });
  return { manifest, pages };
}

/** photos.yml in a photo folder, when there is one. */
export function readPhotoMapping(dir: string): PhotoMappingEntry[] | null {
  const path = join(dir, 'photos.yml');
  if (!existsSync(path)) return null;
  return readYaml(path, photoMappingSchema, 'each entry needs `file:` and either `article:` (a number) or `caption:` (text)');
}

export function listFiles(dir: string): string[] {
  return readdirSync(dir).filter((name) => statSync(join(dir, name)).isFile());
}
