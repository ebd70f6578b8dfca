import type { Page } from 'playwright-core';

/**
 * Layout checks measured in the browser: what sticks out sideways, how text falls into lines,
 * and how far the layout has shifted. Used by the reading-room and search tests on phones and
 * desktops.
 */

/**
 * The page's cumulative layout shift so far: every `layout-shift` entry (buffered) not right
 * after input, read once the page has painted twice more.
 */
export async function layoutShift(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) if (!entry.hadRecentInput) total += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(total)));
      }),
  );
}

/**
 * Elements that reach past the viewport's left or right edge, as `tag.class (left–right)`, and
 * the document's own scroll width. Only a sideways scroller the page means to have (`pre`, or
 * an element marked `data-scroll-x`) may hold wider content; what an ancestor clips
 * (`overflow: hidden`, a clipping of a scan) counts only as far as it shows; the skip link and
 * visually hidden text sit off screen on purpose.
 */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; width: number; outside: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    /** The part of an element that shows: its box cut by every ancestor that clips it. */
    const shown = (el: Element): { left: number; right: number } => {
      const box = el.getBoundingClientRect();
      let { left, right } = box;
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        const overflow = getComputedStyle(up).overflowX;
        if (overflow === 'hidden' || overflow === 'clip') {
          const frame = up.getBoundingClientRect();
          left = Math.max(left, frame.left);
          right = Math.min(right, frame.right);
        }
      }
      return { left, right };
    };
    const outside = [...document.body.querySelectorAll<HTMLElement>('*')]
      .filter((el) => {
        if (el.closest('pre, [data-scroll-x], .skip-link, .visually-hidden')) return false;
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) return false;
        const { left, right } = shown(el);
        return right > left && (right > width + 0.5 || left < -0.5);
      })
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} (${Math.round(shown(el).left)}–${Math.round(shown(el).right)})`);
    return { scrollWidth: document.documentElement.scrollWidth, width, outside };
  });
}

/**
 * The lines each element's text is set in, top to bottom: the characters of each line box, in
 * document order, spaces kept inside a line and dropped at its ends. One list per element that
 * matches `selector` and is shown, measured in one pass in the page.
 */
export async function textLinesOf(page: Page, selector: string): Promise<string[][]> {
  return page.locator(selector).evaluateAll((elements) => {
    const range = document.createRange();
    const linesOf = (element: Element): string[] => {
      const lines: Array<{ top: number; bottom: number; text: string }> = [];
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        let offset = 0;
        for (const ch of text) {
          range.setStart(node, offset);
          range.setEnd(node, offset + ch.length);
          offset += ch.length;
          const box = [...range.getClientRects()].find((rect) => rect.width > 0);
          if (!box) continue; // collapsed white space
          const middle = (box.top + box.bottom) / 2;
          const line = lines.find((candidate) => middle > candidate.top && middle < candidate.bottom);
          if (line) line.text += ch;
          else lines.push({ top: box.top, bottom: box.bottom, text: ch });
        }
      }
      return lines.sort((a, b) => a.top - b.top).map((line) => line.text.trim()).filter((line) => line !== '');
    };
    return elements.filter((element) => (element as HTMLElement).offsetParent !== null).map(linesOf);
  });
}

/** Closing punctuation and middle dots, which no line may start with (行头禁则). */
export const NO_LINE_START = /^[，。、；：？！）》」』】〉〕”’…·・‧•,.;:?!)]/u;

/**
 * What is wrong with how a heading or card headline falls into lines: a last line of one
 * character, or a line starting with closing punctuation or a middle dot.
 */
export function lineProblems(lines: string[]): string[] {
  const problems: string[] = [];
  if (lines.length > 1 && [...lines.at(-1)!.replace(/\s/gu, '')].length === 1) problems.push(`one character on the last line: ${lines.join(' / ')}`);
  for (const line of lines.slice(1)) if (NO_LINE_START.test(line)) problems.push(`a line starts with ${line[0]}: ${lines.join(' / ')}`);
  return problems;
}
