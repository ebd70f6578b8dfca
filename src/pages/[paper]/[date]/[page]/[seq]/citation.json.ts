import type { APIRoute } from 'astro';
import { articleFilePaths, articleFileResponse } from '../../../../../lib/route-params.ts';

/** The article as CSL-JSON (a list of one item). Served in `astro dev`; a build writes it from its issue's bundle (src/integrations/article-files.ts). */
export const getStaticPaths = articleFilePaths;

export const GET: APIRoute = ({ props, site }) => articleFileResponse('csl', props, site);
