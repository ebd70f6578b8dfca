import type { APIRoute } from 'astro';
import { absolute } from '../lib/open-data.ts';
import { paths } from '../lib/paths.ts';
import { fileResponse } from '../lib/route-params.ts';
import { siteOf } from '../lib/site.ts';

export const GET: APIRoute = ({ site }) => fileResponse(`User-agent: *\nAllow: /\n\nSitemap: ${absolute(siteOf(site), paths.sitemap())}\n`, 'text/plain; charset=utf-8');
