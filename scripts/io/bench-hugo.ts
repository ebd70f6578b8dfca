import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { runMeasured, type Measured } from './bench-process.ts';

/**
 * Hugo side by side, for the benchmark only (never a dependency of the site): the same articles
 * as Markdown pages under a minimal template, built by Debian's `hugo`. It shows what a static
 * generator pays per page on this machine, so that our ms/page reads as a ratio.
 */
export function hugoVersion(): string | null {
  const result = spawnSync('hugo', ['version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return null;
  return result.stdout.trim().split(/\s+/).slice(0, 2).join(' ');
}

const CONFIG = `baseURL = "http://localhost/"
languageCode = "zh-CN"
title = "档案"
hasCJKLanguage = true
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.renderer]
unsafe = false
`;

const SINGLE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><article data-pagefind-body><h1>{{ .Title }}</h1><p>{{ .Params.byline }}</p>{{ .Content }}</article>
<nav>{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }} {{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav></body></html>
`;

const LIST = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>
`;

/** Write a Hugo site holding every article of a content folder; returns the number of pages. */
export function writeHugoSite(contentDir: string, siteDir: string): number {
  rmSync(siteDir, { recursive: true, force: true });
  mkdirSync(join(siteDir, 'layouts', '_default'), { recursive: true });
  writeFileSync(join(siteDir, 'hugo.toml'), CONFIG);
  writeFileSync(join(siteDir, 'layouts', '_default', 'single.html'), SINGLE);
  writeFileSync(join(siteDir, 'layouts', '_default', 'list.html'), LIST);
  let pages = 0;
  for (const entry of readdirSync(contentDir, { recursive: true, encoding: 'utf8' }) as string[]) {
    if (!entry.endsWith('.mdx')) continue;
    const text = readFileSync(join(contentDir, entry), 'utf8');
    const end = text.indexOf('\n---\n', 4);
    const data = parseYaml(text.slice(4, end)) as { title?: string | null; reporters?: string[] };
    const body = text.slice(end + 5);
    const front = { title: data.title ?? entry, byline: (data.reporters ?? []).join(' ') };
    const target = join(siteDir, 'content', entry.replace(/\.mdx$/, '.md'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, `---\n${JSON.stringify(front)}\n---\n${body}`);
    pages++;
  }
  return pages;
}

export async function buildHugo(siteDir: string, outDir: string): Promise<Measured> {
  rmSync(outDir, { recursive: true, force: true });
  return runMeasured('hugo', ['--quiet', '--source', siteDir, '--destination', outDir]);
}
