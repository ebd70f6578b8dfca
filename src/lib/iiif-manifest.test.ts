import { normalize, serialize, serializeConfigPresentation3 } from '@iiif/parser/presentation-3';
import { describe, expect, it } from 'vitest';
import { archiveOf } from '../../tests/support/archive-fixture.ts';
import { issueManifest } from './iiif-manifest.ts';

/**
 * The issue manifest against the IIIF Presentation 3.0 spec (https://iiif.io/api/presentation/3.0/),
 * read two ways: by @iiif/parser, the library IIIF viewers are built on (it must find every
 * canvas, annotation and service), and by a checker of the spec's MUSTs written here from the
 * spec's text, not from the builder.
 */

type Json = Record<string, unknown>;

const isUri = (value: unknown) => typeof value === 'string' && /^https?:\/\/[^\s]+$/u.test(value);
/** A language map: { "zh": ["..."] }, every value a list of strings. */
const isLanguageMap = (value: unknown) =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).length > 0 && Object.values(value).every((list) => Array.isArray(list) && list.length > 0 && list.every((s) => typeof s === 'string'));

/** The spec's required properties, resource by resource; returns what is missing or wrong. */
function specProblems(manifest: Json): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  const context = manifest['@context'];
  need(context === 'http://iiif.io/api/presentation/3/context.json' || (Array.isArray(context) && context.at(-1) === 'http://iiif.io/api/presentation/3/context.json'), 'Manifest @context must end with the Presentation 3 context');
  need(isUri(manifest.id), 'Manifest id must be an HTTP(S) URI');
  need(manifest.type === 'Manifest', 'Manifest type');
  need(isLanguageMap(manifest.label), 'Manifest MUST have a label (language map)');
  for (const item of (manifest.metadata as Json[] | undefined) ?? []) need(isLanguageMap(item.label) && isLanguageMap(item.value), 'metadata entries MUST have label and value language maps');
  if (manifest.requiredStatement) need(isLanguageMap((manifest.requiredStatement as Json).label) && isLanguageMap((manifest.requiredStatement as Json).value), 'requiredStatement MUST have label and value');
  const linked = (list: unknown, name: string, mustLabel: boolean) => {
    for (const item of (list as Json[] | undefined) ?? []) {
      need(isUri(item.id) && typeof item.type === 'string', `${name} items MUST have id and type`);
      if (mustLabel) need(isLanguageMap(item.label), `${name} items MUST have a label`);
    }
  };
  linked(manifest.homepage, 'homepage', true);
  linked(manifest.seeAlso, 'seeAlso', false);
  const canvases = manifest.items as Json[];
  need(Array.isArray(canvases) && canvases.length > 0, 'Manifest MUST have items with at least one Canvas');
  const ids = new Set<string>();
  for (const canvas of canvases ?? []) {
    need(isUri(canvas.id) && !String(canvas.id).includes('#'), 'Canvas id MUST be a URI without a fragment');
    need(!ids.has(String(canvas.id)), 'Canvas ids are unique');
    ids.add(String(canvas.id));
    need(canvas.type === 'Canvas', 'Canvas type');
    need(Number.isInteger(canvas.width) && Number.isInteger(canvas.height) && (canvas.width as number) > 0 && (canvas.height as number) > 0, 'a Canvas with a spatial extent MUST have width and height (positive integers)');
    linked(canvas.homepage, 'homepage', true);
    linked(canvas.rendering, 'rendering', true);
    const pages = [...((canvas.items as Json[]) ?? []), ...((canvas.annotations as Json[]) ?? [])];
    need(Array.isArray(canvas.items) && (canvas.items as Json[]).length > 0, 'Canvas items: the painting AnnotationPage');
    for (const page of pages) {
      need(isUri(page.id) && page.type === 'AnnotationPage', 'AnnotationPage MUST have id and type');
      for (const annotation of (page.items as Json[]) ?? []) {
        need(isUri(annotation.id) && annotation.type === 'Annotation', 'Annotation MUST have id and type');
        need(typeof annotation.motivation === 'string', 'Annotation motivation');
        const target = String(annotation.target);
        need(target === canvas.id || target.startsWith(`${canvas.id}#xywh=`), 'Annotation target MUST be its Canvas or a part of it');
        const fragment = /#xywh=(\d+),(\d+),(\d+),(\d+)$/u.exec(target);
        if (fragment) {
          const [x, y, w, h] = fragment.slice(1).map(Number) as [number, number, number, number];
          need(x + w <= (canvas.width as number) && y + h <= (canvas.height as number), `region ${target} lies inside the canvas`);
        }
        const body = annotation.body as Json;
        need(typeof body === 'object' && body !== null && typeof body.type === 'string', 'Annotation MUST have a body with a type');
        if (annotation.motivation === 'painting') {
          need(isUri(body.id) && body.type === 'Image' && typeof body.format === 'string', 'the painted Image MUST have id, type and should have format');
          for (const service of (body.service as Json[]) ?? []) need(isUri(service.id) && service.type === 'ImageService3' && service.profile === 'level0', 'image service: id, type ImageService3 and profile');
        }
      }
    }
  }
  return problems;
}

const sha = 'ee4e6e1ca4086309f74391c7f618baca177e176d4aedda04570781ab1dc64d8b';
const archive = archiveOf({
  pages: { '2023-01-17': { 1: '要闻', 3: '文明实践' } },
  scans: { '2023-01-17': { 3: { sha256: sha, file: `ee/${sha}.jpg`, format: 'jpg', width: 2480, height: 3508, bytes: 957615, synthetic: 'rendered from text' } } },
  articles: [
    { id: 'zunyi-daily/2023-01-17/01/01', data: { kind: 'article', title: '头版头条' }, body: '正文。\n' },
    { id: 'zunyi-daily/2023-01-17/03/01', data: { kind: 'article', title: '志愿服务聚合力', regions: [{ x: 120, y: 288, w: 1784, h: 2212 }] }, body: '正文。\n' },
    {
      id: 'zunyi-daily/2023-01-17/03/02',
      data: { kind: 'photo', photographers: ['向婧'], regions: [{ x: 1963, y: 415, w: 397, h: 600 }, { x: 1963, y: 1015, w: 397, h: 500 }] },
      body: '图为1月15日，工作人员送去慰问品。\n',
    },
  ],
});
const issue = archive.issue('zunyi-daily', '2023-01-17')!;

describe('IIIF manifest of an issue', () => {
  const manifest = issueManifest(archive, issue, 'https://example.org/');

  it('has every property the Presentation 3 spec requires', () => {
    expect(specProblems(manifest as unknown as Json)).toEqual([]);
  });

  it('holds a canvas for each page with a scan, painted by its level-0 service, with the items as regions', () => {
    expect(manifest.items.map((canvas) => [canvas.id, canvas.width, canvas.height])).toEqual([['https://example.org/zunyi-daily/2023-01-17/canvas/p3', 2480, 3508]]);
    const canvas = manifest.items[0]!;
    const painting = canvas.items![0]!.items![0]!;
    expect(painting.body).toMatchObject({ id: `https://example.org/scans/${sha.slice(0, 16)}/full/800,1132/0/default.jpg`, service: [{ id: `https://example.org/scans/${sha.slice(0, 16)}`, type: 'ImageService3', profile: 'level0' }] });
    const regions = canvas.annotations![0]!.items!;
    expect(regions.map((annotation) => annotation.target)).toEqual([
      'https://example.org/zunyi-daily/2023-01-17/canvas/p3#xywh=120,288,1784,2212',
      'https://example.org/zunyi-daily/2023-01-17/canvas/p3#xywh=1963,415,397,600',
      'https://example.org/zunyi-daily/2023-01-17/canvas/p3#xywh=1963,1015,397,500',
    ]);
    expect(regions[1]!.body).toMatchObject({ type: 'TextualBody', value: '1月15日，工作人员送去慰问品', language: 'zh' });
    // the download and its checksum
    expect(canvas.rendering).toEqual([expect.objectContaining({ id: `https://example.org/scans/${sha.slice(0, 16)}/${sha}.jpg`, format: 'image/jpeg' })]);
    expect(canvas.metadata?.[0]?.value).toEqual({ none: [sha] });
  });

  it('is read back by @iiif/parser with every canvas, annotation and service', () => {
    const json = JSON.parse(JSON.stringify(manifest)) as unknown;
    const store = normalize(json);
    expect(store.resource).toEqual({ id: manifest.id, type: 'Manifest' });
    const entities = store.entities as unknown as Record<string, Record<string, Json>>;
    expect(Object.keys(entities.Canvas!)).toEqual([manifest.items[0]!.id]);
    expect(Object.keys(entities.Annotation!)).toHaveLength(4);
    expect(Object.keys(entities.Service!)).toEqual([`https://example.org/scans/${sha.slice(0, 16)}`]);
    expect(entities.Manifest![manifest.id]!.label).toEqual({ zh: ['遵义日报 2023年1月17日 星期二'] });
    // and written back out, it is the same manifest
    const again = serialize<Json>({ entities: store.entities, mapping: store.mapping, requests: {} } as never, store.resource as never, serializeConfigPresentation3);
    expect(specProblems(again)).toEqual([]);
    expect((again.items as Json[]).map((canvas) => canvas.id)).toEqual(manifest.items.map((canvas) => canvas.id));
  });

  it('finds what a broken manifest lacks (the checker can fail)', () => {
    const broken = JSON.parse(JSON.stringify(manifest)) as Json;
    delete broken.label;
    (broken.items as Json[])[0]!.width = 0;
    ((broken.items as Json[])[0]!.annotations as Json[])[0]!.items = [{ id: 'https://example.org/a', type: 'Annotation', motivation: 'commenting', body: { type: 'TextualBody' }, target: 'https://example.org/elsewhere' }];
    expect(specProblems(broken)).toEqual([
      'Manifest MUST have a label (language map)',
      'a Canvas with a spatial extent MUST have width and height (positive integers)',
      'Annotation target MUST be its Canvas or a part of it',
    ]);
  });
});
