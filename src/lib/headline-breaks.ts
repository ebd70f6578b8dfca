/**
 * Where a headline may break, as a newspaper sets it. A two-part headline printed with a space
 * between its parts (志愿服务聚合力 文明实践谱新篇) breaks at that space and, when a part is
 * longer than the line, inside it; no line holds a single character of a part's end
 * (…谱新 / 篇); no line starts with a middle dot or closing punctuation, and none ends with
 * opening punctuation. CSS does most of this (`line-break: strict`, `text-wrap: balance`); what
 * it cannot know is returned here as runs that must not break, for the page to wrap in
 * `white-space: nowrap` (src/components/Headline.astro). The text itself is never changed.
 */

/** Closing punctuation and middle dots: never at the start of a line (JIS X 4051 行頭禁則). */
const NO_LINE_START = new Set([...'，。、；：？！）》」』】〉〕］｝”’…‥·・‧•％℃,.;:?!)]}%']);
/** Opening punctuation: never at the end of a line (行末禁則). */
const NO_LINE_END = new Set([...'（《「『【〈〔［｛“‘([{']);

/** A stretch of a headline part: `keep` stretches must not break inside. */
export interface HeadlineRun {
  text: string;
  keep: boolean;
}

/** The parts of a headline (split at its printed spaces), each as runs. */
export function headlineParts(headline: string): HeadlineRun[][] {
  return headline
    .trim()
    .split(/[\s\u3000]+/u)
    .filter((part) => part !== '')
    .map((part) => partRuns(part, true));
}

/**
 * Running text (a card's lead, a subtitle) as runs: punctuation kept with its character, so
 * that no line starts with a middle dot (文明实践 / ·新蒲有约), which `line-break: strict` allows;
 * with `keepLast` (a subtitle), its last two characters together too.
 */
export function textRuns(text: string, { keepLast = false }: { keepLast?: boolean } = {}): HeadlineRun[] {
  return partRuns(text, keepLast);
}

/** Characters grouped where no break may fall; with `keepLast`, the last two always together. */
function partRuns(part: string, keepLast: boolean): HeadlineRun[] {
  const clusters: string[][] = [];
  let glueNext = false;
  for (const ch of part) {
    const previous = clusters.at(-1);
    if (previous && (glueNext || NO_LINE_START.has(ch))) previous.push(ch);
    else clusters.push([ch]);
    glueNext = NO_LINE_END.has(ch);
  }
  // no single character left alone on the part's last line
  if (keepLast && clusters.length >= 2) {
    const last = clusters.pop()!;
    clusters.at(-1)!.push(...last);
  }
  // single characters run together as plain text; glued clusters keep their own run
  const runs: HeadlineRun[] = [];
  for (const cluster of clusters) {
    const text = cluster.join('');
    const keep = cluster.length > 1;
    const previous = runs.at(-1);
    if (!keep && previous && !previous.keep) previous.text += text;
    else runs.push({ text, keep });
  }
  return runs;
}
