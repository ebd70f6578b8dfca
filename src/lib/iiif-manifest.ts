import type { Annotation, AnnotationPage, Canvas, ContentResource, Manifest } from '@iiif/presentation-3';
import type { Archive, IssueRef } from './archive.ts';
import { articleView } from './article-view.ts';
import { formatDate, pageLabel, weekday } from './dates.ts';
import { absolute } from './open-data.ts';
import { paths } from './paths.ts';
import { FIRST_VIEW_WIDTH, masterUrl, MEDIA_TYPES, scanBase, scanSizes, sizeUrl } from './scan-images.ts';
import { site } from './site.ts';

/**
 * A IIIF Presentation 3 manifest per issue (`/<paper>/<date>/manifest.json`), so that the pages
 * open in the viewers libraries use (Mirador, the Universal Viewer): one canvas per page with a
 * scan, painted with the scan's level-0 image service (src/lib/scan-images.ts), its items'
 * regions as commenting annotations that name and link each article, and the master as a
 * download (`rendering`) with its SHA-256 in the canvas's metadata.
 * https://iiif.io/api/presentation/3.0/
 */

const zh = (value: string) => ({ zh: [value] });

/**
 * A linked resource (homepage, rendering, seeAlso): the spec requires its label, which the
 * package's ContentResource type does not list, so it is built apart and passed as one.
 */
function linked(id: string, type: 'Text' | 'Image' | 'Dataset', label: string, format: string): ContentResource {
  const resource = { id, type, label: zh(label), format };
  return resource;
}

/** Does the issue have a page with a scan (and so a manifest)? */
export function hasScans(issue: IssueRef): boolean {
  return issue.pages.some((page) => page.page.scan);
}

/** A canvas's id: a URI of its own (IIIF does not require that it resolves). */
export function canvasId(siteUrl: URL | string, issue: Pick<IssueRef, 'paper' | 'date'>, page: number): string {
  return absolute(siteUrl, `${paths.issue(issue.paper, issue.date)}canvas/p${page}`);
}

export function issueManifest(archive: Archive, issue: IssueRef, siteUrl: URL | string): Manifest {
  const paper = archive.paper(issue.paper)!;
  const url = (path: string) => absolute(siteUrl, path);
  const id = url(paths.iiifManifest(issue.paper, issue.date));
  const title = `${paper.data.name} ${formatDate(issue.date)} ${weekday(issue.date)}`;
  const canvases: Canvas[] = issue.pages.flatMap((page) => {
    const scan = page.page.scan;
    if (!scan) return [];
    const canvas = canvasId(siteUrl, issue, page.page.number);
    const label = `${pageLabel(page.page.number)}${page.page.name ? ` ${page.page.name}` : ''}`;
    const first = scanSizes(scan).find((size) => size.width === FIRST_VIEW_WIDTH) ?? scanSizes(scan).at(-1);
    const service = [{ id: url(scanBase(scan.sha256)), type: 'ImageService3' as const, profile: 'level0' as const }];
    const painting: Annotation = {
      id: `${canvas}/page/painting`,
      type: 'Annotation',
      motivation: 'painting',
      // the body is a size made for the service; viewers that speak IIIF Image use the service
      body: first
        ? { id: url(sizeUrl(scan.sha256, first)), type: 'Image', format: 'image/jpeg', width: first.width, height: first.height, service }
        : { id: url(masterUrl(scan)), type: 'Image', format: MEDIA_TYPES[scan.format], width: scan.width, height: scan.height, service },
      target: canvas,
    };
    const regions: Annotation[] = page.articles.flatMap((ref) => {
      const boxes = ref.entry.data.regions ?? [];
      const headline = articleView(archive, ref).headline;
      return boxes.map((box, index) => ({
        id: `${canvas}/regions/${ref.key.seq}${boxes.length > 1 ? `-${index + 1}` : ''}`,
        type: 'Annotation' as const,
        motivation: 'commenting',
        body: { type: 'TextualBody', value: headline, language: 'zh', format: 'text/plain' },
        target: `${canvas}#xywh=${box.x},${box.y},${box.w},${box.h}`,
        homepage: [linked(url(ref.url), 'Text', headline, 'text/html')],
      }));
    });
    const annotationPages: AnnotationPage[] = regions.length > 0 ? [{ id: `${canvas}/regions`, type: 'AnnotationPage', items: regions }] : [];
    return [
      {
        id: canvas,
        type: 'Canvas',
        label: zh(label),
        width: scan.width,
        height: scan.height,
        items: [{ id: `${canvas}/page`, type: 'AnnotationPage', items: [painting] }],
        ...(annotationPages.length > 0 ? { annotations: annotationPages } : {}),
        homepage: [linked(url(page.url), 'Text', `${title} ${label}`, 'text/html')],
        rendering: [linked(url(masterUrl(scan)), 'Image', `原图（${scan.width}×${scan.height}，${(scan.bytes / 1024 / 1024).toFixed(1)} MB）`, MEDIA_TYPES[scan.format])],
        metadata: [
          { label: zh('原图 SHA-256'), value: { none: [scan.sha256] } },
          ...(scan.synthetic ? [{ label: zh('说明'), value: { en: [scan.synthetic] } }] : []),
        ],
      } satisfies Canvas,
    ];
  });
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id,
    type: 'Manifest',
    label: zh(title),
    summary: zh(`${title}的版面原图，共 ${canvases.length} 版。`),
    metadata: [
      { label: zh('报纸'), value: zh(paper.data.name) },
      { label: zh('出版日期'), value: { none: [issue.date] } },
      ...(issue.data.number !== undefined ? [{ label: zh('总期号'), value: { none: [String(issue.data.number)] } }] : []),
    ],
    requiredStatement: { label: zh('来源'), value: zh(`${site.title}：${paper.data.name}`) },
    viewingDirection: 'left-to-right',
    behavior: ['individuals'],
    homepage: [linked(url(issue.url), 'Text', title, 'text/html')],
    seeAlso: [linked(url(paths.issueJson(issue.paper, issue.date)), 'Dataset', '本期目录（JSON）', 'application/json')],
    items: canvases,
  };
}
