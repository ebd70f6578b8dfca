import { DEFAULT_SITE_URL } from './site.ts';

/**
 * Where `npm start` and `npm run preview` serve a build. Permalinks, citations, feeds and the
 * sitemap carry the address the site was built for (ARCHIVE_SITE_URL), so a local build is
 * served on exactly its own port: when that port is taken the server does not move to the next
 * one (its absolute URLs would all point at the other server), it stops and says so.
 */
export interface PreviewPlan {
  /** The port to serve on. */
  port: number;
  /** The address the build's absolute URLs carry. */
  site: string;
  /** Said before serving when the build was made for another address than the one served. */
  note: string | null;
}

const LOCAL = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The plan for a build made for `site` (the build's own address, or ARCHIVE_SITE_URL). */
export function previewPlan(site: string = DEFAULT_SITE_URL, fallbackPort = Number(new URL(DEFAULT_SITE_URL).port)): PreviewPlan {
  const url = new URL(site);
  if (LOCAL.has(url.hostname) && url.protocol === 'http:') return { port: Number(url.port || 80), site: url.href, note: null };
  return {
    port: fallbackPort,
    site: url.href,
    note: `this build was made for ${url.href}: its permalinks, citations, feeds and sitemap point there; links between its pages work here. For a local build: ARCHIVE_SITE_URL=${DEFAULT_SITE_URL} npm start`,
  };
}

/** What to say when the port is taken, with the way out. */
export function portBusyMessage(port: number): string {
  const other = port + 1;
  return [
    `port ${port} is in use, perhaps by another \`npm start\` or \`npm run preview\`.`,
    `The build's permalinks, citations and feeds name http://localhost:${port}/, so the site is served there or not at all.`,
    `Stop the other server, or build and serve on another port: ARCHIVE_SITE_URL=http://localhost:${other} npm start`,
  ].join('\n');
}
