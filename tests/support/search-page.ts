import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { SEARCHING_OLDER } from '../../src/lib/search/controller.ts';

/** The search page of a served site, opened at `query` (`?q=…`), failing the test on a page error. */
export async function openSearch(browser: Browser, base: string, query = ''): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(`${base}/search/${query}`);
  return page;
}

/** Wait until the status line reports an outcome (older tiers perhaps still searched), then read it. */
export async function shown(page: Page): Promise<string> {
  await expect.poll(() => page.locator('#search-status').innerText(), { timeout: 20_000 }).toMatch(/找到|没有|无法加载/u);
  // the first results come before the rest of the page's (the list is busy until all are shown)
  await expect.poll(() => page.locator('#search-results').getAttribute('aria-busy'), { timeout: 20_000 }).toBeNull();
  return page.locator('#search-status').innerText();
}

/** Wait until the status line reports a complete outcome (every tier searched: docs/0015), then read it. */
export async function settled(page: Page): Promise<string> {
  await shown(page);
  await expect.poll(() => page.locator('#search-status').innerText(), { timeout: 20_000 }).not.toContain(SEARCHING_OLDER);
  return page.locator('#search-status').innerText();
}

/** Type a query into the box and press Enter, as a reader does; the status line once it is known. */
export async function typeQuery(page: Page, query: string): Promise<string> {
  await page.getByRole('searchbox').fill(query);
  await page.getByRole('searchbox').press('Enter');
  return settled(page);
}

/** The paths of the results shown. */
export function resultPaths(page: Page, list = '#search-results'): Promise<string[]> {
  return page.locator(`${list} h2 a`).evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}
