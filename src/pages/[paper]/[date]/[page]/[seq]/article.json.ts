import type { APIRoute } from 'astro';
import { articleFilePaths, articleFileResponse } from '../../../../../lib/route-params.ts';

/** Open data: one article with all its fields, clean text and problems. Served in `astro dev`; a build writes it from its issue's bundle (src/integrations/article-files.ts). */
export const getStaticPaths = articleFilePaths;

export const GET: APIRoute = ({ props, site }) => articleFileResponse('json', props, site);
