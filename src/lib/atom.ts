import { xml } from './xml.ts';

/**
 * Atom 1.0 (RFC 4287) feeds. One per paper, one entry per issue: a feed reader learns of a new
 * issue as soon as it is imported and the site rebuilt.
 */
export interface AtomEntry {
  /** A permanent, absolute URL: the issue page. */
  id: string;
  title: string;
  /** RFC 3339 date-time. */
  updated: string;
  link: string;
  /** Plain text; escaped here. */
  summary: string;
  /** HTML; escaped here, sent as type="html". */
  content?: string;
  authors?: string[];
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  /** The feed's own URL. */
  self: string;
  /** The HTML page the feed mirrors. */
  alternate: string;
  updated: string;
  author: string;
  entries: AtomEntry[];
}

export function atomFeed(feed: AtomFeed): string {
  const entries = feed.entries.map(
    (entry) => `  <entry>
    <id>${xml(entry.id)}</id>
    <title>${xml(entry.title)}</title>
    <updated>${entry.updated}</updated>
    <link rel="alternate" type="text/html" href="${xml(entry.link)}"/>
${(entry.authors ?? []).map((name) => `    <author><name>${xml(name)}</name></author>\n`).join('')}    <summary>${xml(entry.summary)}</summary>
${entry.content ? `    <content type="html">${xml(entry.content)}</content>\n` : ''}  </entry>
`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <id>${xml(feed.id)}</id>
  <title>${xml(feed.title)}</title>
${feed.subtitle ? `  <subtitle>${xml(feed.subtitle)}</subtitle>\n` : ''}  <link rel="self" type="application/atom+xml" href="${xml(feed.self)}"/>
  <link rel="alternate" type="text/html" href="${xml(feed.alternate)}"/>
  <updated>${feed.updated}</updated>
  <author><name>${xml(feed.author)}</name></author>
${entries.join('')}</feed>
`;
}

/** A calendar date as an Atom timestamp: midnight in China, where the papers appear. */
export function chinaMidnight(date: string): string {
  return `${date}T00:00:00+08:00`;
}
