import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { z } from 'astro/zod';
import { importManifestSchema, type ImportManifest } from '../../src/schemas/import-manifest.ts';
import { paperSchema, type Paper } from '../../src/schemas/paper.ts';
import { decodeBytes } from '../lib/decode.ts';
import { photoMappingSchema, type PhotoMappingEntry } from '../../src/schemas/photo-mapping.ts';
import { pad } from '../../src/lib/ids.ts';
import { paperSlugProblem } from '../../src/lib/content-names.ts';
import { parseYamlData, yamlLines, type DataProblem } from '../../src/lib/yaml-data.ts';

/**
 * Everything the importer reads, checked before it is used: files are regular files (a FIFO is
 * never opened), of a size a page or photo can have, inside the issue folder once symbolic links
 * are resolved, decoded from any encoding we read (YAML too), and YAML is checked by its schema.
 */

/** Input that cannot be used. The message names the file (and line) and says how to fix it. */
export class InputError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly hint: string;
  /** Further problems of the same file, each with its line. */
  readonly more: DataProblem[];
  constructor(message: string, options: { file: string; line?: number; hint: string; more?: DataProblem[] }) {
    super(message);
    this.name = 'InputError';
    this.file = options.file;
    this.line = options.line;
    this.hint = options.hint;
    this.more = options.more ?? [];
  }

  /** The lines the CLI prints: `error: file:line: message` for each problem, then the hint. */
  format(): string {
    const at = (line: number | undefined) => `${this.file}${line !== undefined ? `:${line}` : ''}`;
    const lines = [`error: ${at(this.line)}: ${this.message}`, ...this.more.map((problem) => `error: ${at(problem.line)}: ${problem.message}`)];
    return `${lines.join('\n')}\n  hint: ${this.hint}\n`;
  }
}

/**
 * The largest files the importer reads. The OCR text of a broadsheet page is 10-60 KB; 1 MB is
 * no page (a whole issue, a PDF or a scan saved as .txt), and parsing one takes minutes.
 */
export const LIMITS = {
  pageBytes: 1024 * 1024,
  yamlBytes: 256 * 1024,
  /** A press photo is 1-15 MB; a scan of a whole page as TIFF can be more. */
  photoBytes: 50 * 1024 * 1024,
  /** A broadsheet page scanned at 600 dpi in colour, as an uncompressed TIFF, is about 200 MB. */
  scanBytes: 300 * 1024 * 1024,
  /** Tesseract's hOCR of a full page is 1-3 MB; a vendor's ALTO with every glyph perhaps 20. */
  ocrBytes: 64 * 1024 * 1024,
} as const;

type FileKind = 'page' | 'yaml' | 'photo' | 'scan' | 'ocr';

const WHAT: Record<FileKind, { limit: number; tooLarge: string }> = {
  page: {
    limit: LIMITS.pageBytes,
    tooLarge: 'one file per page: the OCR text of a newspaper page is well under 1 MB; check that this is not a whole issue, a PDF or a scan, and split it into pages',
  },
  yaml: { limit: LIMITS.yamlBytes, tooLarge: 'this file only lists pages or photos; check that the right file has this name' },
  photo: { limit: LIMITS.photoBytes, tooLarge: 'export the photo as a JPEG (the importer caps it at 2400 px anyway)' },
  scan: { limit: LIMITS.scanBytes, tooLarge: 'one file per page: save the scan as a JPEG (quality 90 or more) or a compressed TIFF/PNG' },
  ocr: { limit: LIMITS.ocrBytes, tooLarge: 'one OCR file per page: check that this is the hOCR or ALTO of one page, not of a whole issue' },
};

const KIND_NAMES: Record<FileKind, string> = { page: 'page', yaml: 'YAML file', photo: 'photo', scan: 'scan', ocr: 'OCR file' };

/** Where a path may lead: inside `root` (a folder's real path), with the name used in messages. */
export interface Inside {
  root: string;
  /** What the folder is, for messages: "the issue folder", "the photo folder". */
  name: string;
}

/** The real path of an existing folder, for `Inside`. */
export function realFolder(path: string): string {
  return realpathSync(path);
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep));
}

/** lstat, or null when nothing is there. */
function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
    throw error;
  }
}

/** The real path of `path`, refused when it leads out of `inside`. */
function resolveInside(path: string, inside: Inside | undefined, shownAs: string): string {
  let real: string;
  try {
    real = realpathSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new InputError('a symbolic link to nothing', { file: shownAs, hint: 'replace the link with the file itself' });
    }
    throw error;
  }
  if (inside && !isInside(inside.root, real)) {
    throw new InputError(`leads out of ${inside.name} (a symbolic link to ${real})`, {
      file: shownAs,
      hint: `copy the file into ${inside.name} instead of linking to it; the importer reads nothing outside it`,
    });
  }
  return real;
}

function typeOf(stats: Stats): string {
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isDirectory()) return 'a folder';
  return 'not a regular file';
}

function megabytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * The bytes of an input file, after every check: it exists, leads nowhere outside `inside`, is a
 * regular file (checked by its path before it is opened, and again on the opened file, so that a
 * FIFO swapped in meanwhile cannot block the import) and is not larger than its kind allows.
 */
export function readInputFile(path: string, kind: FileKind, options: { inside?: Inside; shownAs?: string } = {}): Buffer {
  const shownAs = options.shownAs ?? path;
  const link = lstatOrNull(path);
  if (!link) throw new InputError('no such file', { file: shownAs, hint: 'check the path; run `npm run import -- --help` for the usage' });
  const real = resolveInside(path, options.inside, shownAs);
  const stats = statSync(real);
  if (stats.isDirectory()) {
    throw new InputError(kind === 'page' ? 'this is a folder without issue.yml' : 'this is a folder, not a file', {
      file: shownAs,
      hint:
        kind === 'page'
          ? 'an issue folder needs an issue.yml (see README, "Import an issue"); to import one page, pass its .txt file'
          : 'name a file here',
    });
  }
  if (!stats.isFile()) {
    throw new InputError(`this is ${typeOf(stats)}, not a regular file; it was not opened`, {
      file: shownAs,
      hint: 'save the data as an ordinary file and import that',
    });
  }
  const { limit, tooLarge } = WHAT[kind];
  const tooBig = (size: number) =>
    new InputError(`the file is ${megabytes(size)}; the importer reads at most ${megabytes(limit)} for a ${KIND_NAMES[kind]}`, {
      file: shownAs,
      hint: tooLarge,
    });
  if (stats.size > limit) throw tooBig(stats.size);
  // O_NONBLOCK: opening a FIFO swapped in after the check returns at once instead of waiting
  const fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile()) {
      throw new InputError(`this is ${typeOf(opened)}, not a regular file`, { file: shownAs, hint: 'save the data as an ordinary file and import that' });
    }
    // read at most one byte more than allowed: a file that grows meanwhile is refused, not read whole
    const buffer = Buffer.alloc(Math.min(opened.size, limit) + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > limit) throw tooBig(length);
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/** A folder named by the input, checked like a file: it exists, is a folder, and is inside `inside`. */
export function checkInputFolder(path: string, options: { inside?: Inside; shownAs?: string; hint: string }): string {
  const shownAs = options.shownAs ?? path;
  if (!lstatOrNull(path)) throw new InputError('no such folder', { file: shownAs, hint: options.hint });
  const real = resolveInside(path, options.inside, shownAs);
  if (!statSync(real).isDirectory()) throw new InputError('this is not a folder', { file: shownAs, hint: options.hint });
  return real;
}

/** Read an OCR text file in any encoding we support; refused when it holds no text at all. */
export function readTextFile(path: string, options: { inside?: Inside; shownAs?: string } = {}): string {
  const shownAs = options.shownAs ?? path;
  const result = decodeBytes(readInputFile(path, 'page', options));
  if (!result.ok) throw new InputError(result.message, { file: shownAs, ...(result.line !== undefined ? { line: result.line } : {}), hint: result.hint });
  if (/^[\s\u200b-\u200d\u2060\ufeff]*$/u.test(result.text)) {
    throw new InputError('the page holds only white space: there is no text to import', {
      file: shownAs,
      hint: 'export the OCR text of the page again; to leave the page out, remove it from issue.yml',
    });
  }
  return result.text;
}

/** An hOCR or ALTO file, decoded like the page texts (XML and HTML are UTF-8 or UTF-16 in practice). */
export function readOcrText(path: string, options: { inside?: Inside; shownAs?: string } = {}): string {
  const shownAs = options.shownAs ?? path;
  const result = decodeBytes(readInputFile(path, 'ocr', options));
  if (!result.ok) throw new InputError(result.message, { file: shownAs, ...(result.line !== undefined ? { line: result.line } : {}), hint: result.hint });
  return result.text;
}

/** File endings the importer takes as page scans. */
export const SCAN_EXTENSIONS = ['jpg', 'jpeg', 'png', 'tif', 'tiff', 'webp', 'pdf'] as const;
/** File endings the importer takes as positioned OCR (hOCR, ALTO). */
export const OCR_EXTENSIONS = ['hocr', 'xml'] as const;

/** Whether a file name ends like a scan (`page-03.png`) or an OCR file (`page-03.hocr`). */
export function kindByName(name: string): 'scan' | 'ocr' | 'text' {
  const ext = /\.([^./\\]+)$/u.exec(name)?.[1]?.toLowerCase() ?? '';
  if ((SCAN_EXTENSIONS as readonly string[]).includes(ext)) return 'scan';
  if ((OCR_EXTENSIONS as readonly string[]).includes(ext) || ext === 'html') return 'ocr';
  return 'text';
}

/** A YAML file, decoded like the page texts and validated by a schema; errors point at their lines. */
export function readYaml<S extends z.ZodType>(path: string, schema: S, hint: string, options: { inside?: Inside; shownAs?: string } = {}): z.output<S> {
  return readYamlWithLines(path, schema, hint, options).data;
}

function readYamlWithLines<S extends z.ZodType>(
  path: string,
  schema: S,
  hint: string,
  options: { inside?: Inside; shownAs?: string },
): { data: z.output<S>; lineOf: (path: Array<string | number>) => number | undefined } {
  const shownAs = options.shownAs ?? path;
  const decoded = decodeBytes(readInputFile(path, 'yaml', options));
  if (!decoded.ok) throw new InputError(decoded.message, { file: shownAs, ...(decoded.line !== undefined ? { line: decoded.line } : {}), hint: decoded.hint });
  const result = parseYamlData(decoded.text, schema);
  if (!result.ok) {
    const [first, ...more] = result.problems;
    throw new InputError(first!.message, { file: shownAs, ...(first!.line !== undefined ? { line: first!.line } : {}), hint, more });
  }
  return { data: result.data, lineOf: yamlLines(decoded.text) };
}

/** The paper described in content/papers/<slug>.yml; the slug is checked first, by the site's rule. */
export function readPaper(contentDir: string, slug: string, shownAs = '--paper'): Paper {
  const problem = paperSlugProblem(slug);
  if (problem) throw new InputError(problem.message, { file: shownAs, hint: problem.hint });
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
  /** The text file, relative to the folder, and its text; null when the page comes as a scan or OCR file only. */
  file: string | null;
  text: string | null;
  /** The scan's bytes and its path relative to the folder (recorded as the scan's `source`), or null. */
  scan: { bytes: Buffer; file: string; shown: string } | null;
  /** The positioned OCR (hOCR or ALTO) and its path relative to the folder, or null. */
  ocr: { text: string; file: string; shown: string } | null;
  /** issue.yml's `synthetic:` for this page's scan. */
  synthetic: string | null;
  /** Folder of photos for this page (its real path), or null. */
  photosDir: string | null;
}

export interface IssueFolder {
  manifest: ImportManifest;
  /** The folder's real path: every file read for it lies inside. */
  root: string;
  pages: IssueFolderPage[];
}

/**
 * The files of a folder whose names (case aside) are `<stem>.<ext>` for one of the endings, as
 * paths relative to the issue folder; none when the folder does not exist.
 */
function candidates(dir: string, sub: string, stem: string, extensions: readonly string[]): string[] {
  const folder = sub === '' ? dir : join(dir, sub);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const wanted = new Set(extensions.map((ext) => `${stem}.${ext}`));
  return names.filter((name) => wanted.has(name.toLowerCase())).sort().map((name) => (sub === '' ? name : `${sub}/${name}`));
}

/**
 * An issue folder: issue.yml and, per page, its text, its scan and its OCR file (any of them,
 * at least one), every file inside the folder.
 */
export function readIssueFolder(dir: string, shown = (path: string) => path): IssueFolder {
  const root = realFolder(dir);
  const inside: Inside = { root, name: 'the issue folder' };
  const manifestPath = join(dir, 'issue.yml');
  if (!lstatOrNull(manifestPath)) {
    throw new InputError('an issue folder needs an issue.yml', {
      file: shown(dir),
      hint: 'write issue.yml with `paper:`, `date:` and `pages:` (see README, "Import an issue")',
    });
  }
  const { data: manifest, lineOf } = readYamlWithLines(manifestPath, importManifestSchema, 'see README, "Import an issue", for the layout of issue.yml', {
    inside,
    shownAs: shown(manifestPath),
  });
  const at = (index: number, key: string) => {
    const line = lineOf(['pages', index, key]) ?? lineOf(['pages', index]);
    return { file: shown(manifestPath), ...(line !== undefined ? { line } : {}) };
  };
  const readBy = new Map<string, { number: number; what: string }>();
  /** Each file is read for one page and one purpose only. */
  const once = (path: string, file: string, number: number, what: string, index: number, key: string) => {
    const real = realpathSync(path);
    const other = readBy.get(real);
    if (other !== undefined) {
      const message = other.what === what ? `pages ${other.number} and ${number} both read ${file}` : `${file} is page ${other.number}'s ${other.what} and page ${number}'s ${what}`;
      throw new InputError(message, {
        ...at(index, key),
        hint: 'give each page its own files (`file:`, `scan:`, `ocr:`); one file holds one page',
      });
    }
    readBy.set(real, { number, what });
  };
  /** The file issue.yml names under `key`, or the one default that exists; null when none. */
  const locate = (index: number, key: 'file' | 'scan' | 'ocr', named: string | undefined, defaults: string[], what: string, number: number): string | null => {
    if (named !== undefined) {
      if (!lstatOrNull(join(dir, named))) {
        throw new InputError(`page ${number}: its ${what} ${named} is missing`, { ...at(index, key), hint: `add ${named} to the folder, or fix \`${key}:\` for page ${number} in issue.yml` });
      }
      return named;
    }
    if (defaults.length > 1) {
      throw new InputError(`page ${number}: ${defaults.length} files could be its ${what} (${defaults.join(', ')})`, {
        ...at(index, 'number'),
        hint: `name the one to import with \`${key}:\` under page ${number} in issue.yml, or remove the others`,
      });
    }
    return defaults[0] ?? null;
  };
  const pages = manifest.pages.map((page, index): IssueFolderPage => {
    const stem = pad(page.number);
    const file = locate(index, 'file', page.file, lstatOrNull(join(dir, `${stem}.txt`)) ? [`${stem}.txt`] : [], 'text file', page.number);
    const scanFile = locate(index, 'scan', page.scan, candidates(dir, 'scans', stem, SCAN_EXTENSIONS), 'scan', page.number);
    const ocrFile = locate(index, 'ocr', page.ocr, [...candidates(dir, '', stem, OCR_EXTENSIONS), ...candidates(dir, 'scans', stem, OCR_EXTENSIONS)], 'OCR file', page.number);
    if (file === null && scanFile === null && ocrFile === null) {
      throw new InputError(`page ${page.number}: no text file (${stem}.txt), scan (scans/${stem}.jpg, .png, .tif …) or OCR file (${stem}.hocr, ${stem}.xml) found`, {
        ...at(index, 'number'),
        hint: `add the page's text, scan or OCR file to the folder, or name it with \`file:\`, \`scan:\` or \`ocr:\` in issue.yml`,
      });
    }
    let text: string | null = null;
    if (file !== null) {
      const path = join(dir, file);
      text = readTextFile(path, { inside, shownAs: shown(path) });
      once(path, file, page.number, 'text', index, 'file');
    }
    let scan: IssueFolderPage['scan'] = null;
    if (scanFile !== null) {
      const path = join(dir, scanFile);
      scan = { bytes: readInputFile(path, 'scan', { inside, shownAs: shown(path) }), file: scanFile.split(sep).join('/'), shown: shown(path) };
      once(path, scanFile, page.number, 'scan', index, 'scan');
    }
    let ocr: IssueFolderPage['ocr'] = null;
    if (ocrFile !== null) {
      const path = join(dir, ocrFile);
      ocr = { text: readOcrText(path, { inside, shownAs: shown(path) }), file: ocrFile.split(sep).join('/'), shown: shown(path) };
      once(path, ocrFile, page.number, 'OCR file', index, 'ocr');
    }
    if (page.synthetic !== undefined && scan === null) {
      throw new InputError(`page ${page.number}: \`synthetic:\` describes a scan, but the page has none`, { ...at(index, 'synthetic'), hint: `add the scan (scans/${stem}.jpg or \`scan:\`), or remove \`synthetic:\`` });
    }
    const photos = page.photos ?? `photos/${stem}`;
    let photosDir: string | null = null;
    if (lstatOrNull(join(dir, photos))) {
      photosDir = checkInputFolder(join(dir, photos), { inside, shownAs: shown(join(dir, photos)), hint: 'fix the `photos:` path, or remove it' });
    } else if (page.photos !== undefined) {
      throw new InputError(`page ${page.number}: photo folder ${page.photos} does not exist`, { ...at(index, 'photos'), hint: 'fix the `photos:` path, or remove it' });
    }
    return { number: page.number, name: page.name, file, text, scan, ocr, synthetic: page.synthetic ?? null, photosDir };
  });
  return { manifest, root, pages };
}

/** photos.yml in a photo folder, when there is one. */
export function readPhotoMapping(dir: string, options: { inside?: Inside; shownAs?: string } = {}): PhotoMappingEntry[] | null {
  const path = join(dir, 'photos.yml');
  if (!lstatOrNull(path)) return null;
  return readYaml(path, photoMappingSchema, 'each entry needs `file:` (a name in this folder) and either `article:` (a number) or `caption:` (text)', {
    ...options,
    ...(options.shownAs ? { shownAs: join(options.shownAs, 'photos.yml') } : {}),
  });
}

/**
 * The names in a folder that are not folders or hidden: regular files, and links and special
 * files that readInputFile refuses with a message when one of them is used.
 */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name);
}
