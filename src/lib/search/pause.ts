/**
 * The pause the search engine takes between groups of a common word's positions (engine.ts
 * `pause`), so that reading tens of thousands of positions on the page's thread does not hold
 * it in one long task.
 *
 * It gives the browser a turn only when the work has run for `budgetMs` since the last turn,
 * and takes that turn through a message, not `setTimeout(0)`: Chromium stretches a timer set
 * from a timer to at least 4 ms once they nest five deep, and a first search over 50,000
 * articles paused about fifty times (measured: 疫情 600 → 480 ms, 工作人员 1,000 → 700 ms to the
 * first results with the message; docs/0015).
 */
export function budgetedPause(options: { budgetMs?: number; now?: () => number; turn?: () => Promise<void> } = {}): () => Promise<void> {
  const budget = options.budgetMs ?? 8;
  const now = options.now ?? (() => performance.now());
  const turn = options.turn ?? messageTurn;
  let last = now();
  return async () => {
    if (now() - last < budget) return;
    await turn();
    last = now();
  };
}

/** One turn of the event loop through a message (the browser paints and handles input between). */
export function messageTurn(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
