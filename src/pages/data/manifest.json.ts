import type { APIRoute } from 'astro';
import { loadArchive } from '../../lib/archive.ts';
import { manifest } from '../../lib/open-data.ts';
import { fileResponse, siteOf } from '../../lib/route-params.ts';

/** What the corpus downloads hold, with their sizes and SHA-256 checksums. */
export const GET: APIRoute = async ({ site }) =>
  fileResponse(`${JSON.stringify(manifest(await loadArchive(), siteOf(site)), null, 2)}\n`, 'application/json; charset=utf-8');
