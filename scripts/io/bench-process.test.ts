import { describe, expect, it } from 'vitest';
import { runMeasured } from './bench-process.ts';

const MB = 1024 * 1024;

/** The bench's measurement of a command: its peak memory, and the peak while a phase of it ran. */
describe('runMeasured', () => {
  // holds 40 MB; 100 MB more between the phase's lines; after the phase, 300 MB more
  const script = `
    const hold = (mb) => Buffer.alloc(mb * ${MB}, 1);
    const wait = (ms) => new Promise((r) => setTimeout(r, ms));
    (async () => {
      const held = [hold(40)]; await wait(600);
      console.log('[step] start'); held.push(hold(100)); await wait(900); console.log('[step] done');
      await wait(1000); held.push(hold(300)); await wait(900);
      console.log(held.length);
    })();`;

  it('keeps the peak of the whole run and, apart, the peak while a phase ran', async () => {
    const run = await runMeasured(process.execPath, ['-e', script], {
      phases: { step: { start: /^\[step\] start$/, end: /^\[step\] done$/ }, never: { start: /^never$/, end: /^done$/ } },
    });
    expect(run.code).toBe(0);
    const step = run.phaseRss.step!;
    expect(step).toBeGreaterThan(140 * MB);
    expect(run.peakRss).toBeGreaterThan(440 * MB);
    // what came after the phase is not in its figure
    expect(step).toBeLessThan(run.peakRss - 200 * MB);
    // a phase whose lines never came is not measured
    expect(run.phaseRss.never).toBeNull();
  });
});
