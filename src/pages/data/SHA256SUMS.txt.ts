import type { APIRoute } from 'astro';
import { loadArchive } from '../../lib/archive.ts';
import { checksumList, manifest } from '../../lib/open-data.ts';
import { fileResponse, siteOf } from '../../lib/route-params.ts';

/** The checksums in the format `sha256sum -c` reads, paths relative to /data/. */
export const GET: APIRoute = async ({ site }) => fileResponse(checksumList(manifest(await loadArchive(), siteOf(site)).files), 'text/plain; charset=utf-8');
