/**
 * A PDF as a scanner writes one: each page one JPEG image filling it (DCTDecode, the JPEG's
 * bytes as they are), the page's size in points from the image's pixels and its resolution.
 * Written by hand to the PDF 1.4 structure (catalog, pages, page, image, content stream, a
 * cross-reference table with exact offsets), so that tests need no PDF library.
 */
export function scannedPdf(jpeg: Uint8Array, image: { width: number; height: number; dpi: number; grey?: boolean; margin?: number }, pages = 1): Buffer {
  // the image's size on the page; `margin` (points) leaves paper around it, as a page laid out rather than scanned
  const iw = (image.width * 72) / image.dpi;
  const ih = (image.height * 72) / image.dpi;
  const m = image.margin ?? 0;
  const w = iw + 2 * m;
  const h = ih + 2 * m;
  const content = Buffer.from(`q ${iw.toFixed(3)} 0 0 ${ih.toFixed(3)} ${m} ${m} cm /Im0 Do Q\n`, 'latin1');
  const objects: Buffer[] = [];
  const add = (parts: Array<string | Uint8Array>) => objects.push(Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part)))));
  // 1 catalog, 2 pages, 3 image, 4 content, then one page object per page
  const pageIds = Array.from({ length: pages }, (_, i) => 5 + i);
  add(['<< /Type /Catalog /Pages 2 0 R >>']);
  add([`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages} >>`]);
  add([
    `<< /Type /XObject /Subtype /Image /Width ${image.width} /Height ${image.height} /ColorSpace /${image.grey ? 'DeviceGray' : 'DeviceRGB'} /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`,
    jpeg,
    '\nendstream',
  ]);
  add([`<< /Length ${content.length} >>\nstream\n`, content, 'endstream']);
  for (let i = 0; i < pages; i++) add([`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w.toFixed(3)} ${h.toFixed(3)}] /Resources << /XObject << /Im0 3 0 R >> >> /Contents 4 0 R >>`]);

  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = chunks[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(offset);
    const chunk = Buffer.concat([Buffer.from(`${index + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    chunks.push(chunk);
    offset += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  chunks.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(chunks);
}
