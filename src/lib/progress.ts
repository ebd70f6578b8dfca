/**
 * Progress of a long build step, said every few seconds so that a build of tens of thousands of
 * articles never sits silent for minutes: "rendering articles: 12,000 of 50,000 (24 %), 31 s".
 * Quiet for a step that ends before the first report is due.
 */
export interface ProgressOptions {
  /** What is being counted, e.g. `rendering articles`. */
  label: string;
  /** How many there are, when known. */
  total?: number | undefined;
  /** Where a report goes (an integration's `logger.info`). */
  say: (line: string) => void;
  /** Milliseconds between reports (default 5,000). */
  everyMs?: number;
  now?: () => number;
}

export interface Progress {
  /** Count `n` more done; reports when a report is due. */
  tick(n?: number): void;
  /** How many were counted. */
  readonly done: number;
}

const number = new Intl.NumberFormat('en-US');

/** A line of progress: `label: done of total (percent), seconds`. */
export function progressLine(label: string, done: number, total: number | undefined, ms: number): string {
  const of = total === undefined ? '' : ` of ${number.format(total)} (${total === 0 ? 100 : Math.floor((done / total) * 100)} %)`;
  return `${label}: ${number.format(done)}${of}, ${Math.round(ms / 1000)} s`;
}

export function progress({ label, total, say, everyMs = 5_000, now = () => performance.now() }: ProgressOptions): Progress {
  const started = now();
  let next = started + everyMs;
  let done = 0;
  return {
    tick(n = 1) {
      done += n;
      const time = now();
      if (time < next) return;
      next = time + everyMs;
      say(progressLine(label, done, total, time - started));
    },
    get done() {
      return done;
    },
  };
}
