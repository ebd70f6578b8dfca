import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsedPageSchema } from '../../src/schemas/parsed-page.ts';
import { loadLexicon } from '../../scripts/io/lexicon.ts';
import { decodeBytes } from '../../scripts/lib/decode.ts';
import { bodyOf, frontmatterOf } from '../../scripts/lib/import-plan.ts';
import { parsePage } from '../../scripts/lib/parse-page.ts';
import { articleToMdx } from '../../scripts/lib/to-mdx.ts';
import { renderParagraphs } from '../support/mdx.ts';
import { compareWithExpected, type ExpectedPage } from '../support/expectations.ts';
import { hanBalance } from '../support/invariants.ts';

/**
 * One folder per OCR situation under tests/fixtures/ocr/<case>/: `input.txt` (in the encoding
 * `case.json` names), `case.json` (paper, date, page) and `expected.json` (what an editor reads,
 * written by hand). Every case must also keep the invariants: the page matches the import
 * contract, every item's MDX compiles and renders the parsed text, and no Han character is lost
 * or invented except where a problem says so.
 */
const root = resolve(import.meta.dirname, '../fixtures/ocr');
const cases = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const lexicon = loadLexicon();

describe.each(cases)('%s', (name) => {
  const dir = join(root, name);
  const meta = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as { paper: string; date: string; page: number; encoding?: string };
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as ExpectedPage;
  const decoded = decodeBytes(readFileSync(join(dir, 'input.txt')));
  if (!decoded.ok) throw new Error(`${name}: ${decoded.message}`);
  const page = parsePage(decoded.text, meta, { lexicon });

  it(`decodes as ${meta.encoding ?? 'utf-8'}`, () => {
    expect(decoded.encoding).toBe(meta.encoding ?? 'utf-8');
  });

  it('reads what an editor reads', () => {
    expect(compareWithExpected(page, expected)).toEqual([]);
  });

  it('keeps the import contract', () => {
    expect(() => parsedPageSchema.parse(page)).not.toThrow();
  });

  it('loses and invents no Han character', () => {
    expect(hanBalance(decoded.text, page)).toEqual({ lost: '', invented: '' });
  });

  it('writes MDX that compiles and renders the parsed text', async () => {
    for (const item of page.articles) {
      const file = articleToMdx(frontmatterOf(item, [], 'input.txt'), bodyOf(item));
      const body = file.replace(/^---\n[\s\S]*?\n---\n/, '');
      expect(await renderParagraphs(body)).toEqual(bodyOf(item));
    }
  });
});
