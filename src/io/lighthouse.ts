import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM } from './browser.ts';

/**
 * Lighthouse (the npm package) on Debian's Chromium, started by chrome-launcher from
 * CHROME_PATH (default /usr/bin/chromium); nothing is downloaded.
 */
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface LighthouseRun {
  url: string;
  formFactor: 'mobile' | 'desktop';
  /** Scores 0-100 by category. */
  scores: Record<Category, number>;
  /** The audits that lost points, `id (score)`, for a failed run. */
  failing: string[];
  /** The whole report, as Lighthouse writes it. */
  json: string;
}

export interface LighthouseSession {
  run(url: string, formFactor: 'mobile' | 'desktop'): Promise<LighthouseRun>;
  close(): Promise<void>;
}

/** One Chromium for several runs, each in a fresh page. */
export async function startLighthouse(): Promise<LighthouseSession> {
  const chromePath = process.env.CHROME_PATH ?? CHROMIUM;
  const chrome = await launch({ chromePath, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'], logLevel: 'silent' });
  return {
    async run(url, formFactor) {
      const desktop = formFactor === 'desktop';
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
        formFactor,
        screenEmulation: desktop ? { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false } : undefined,
        ...(desktop ? { throttling: { rttMs: 40, throughputKbps: 10_240, cpuSlowdownMultiplier: 1, requestLatencyMs: 0, downloadThroughputKbps: 0, uploadThroughputKbps: 0 } } : {}),
      });
      if (!result) throw new Error(`[lighthouse] no result for ${url}`);
      const { lhr } = result;
      const scores = Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)])) as Record<Category, number>;
      const failing = Object.values(lhr.audits)
        .filter((audit) => audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== 'informative' && audit.scoreDisplayMode !== 'manual')
        .map((audit) => `${audit.id} (${audit.score})`);
      return { url, formFactor, scores, failing, json: Array.isArray(result.report) ? result.report[0]! : result.report };
    },
    async close() {
      chrome.kill();
    },
  };
}
