import { describe, expect, it } from 'vitest';
import { budgetedPause, messageTurn } from './pause.ts';

describe('budgetedPause', () => {
  it('gives a turn only once the budget has run out since the last turn', async () => {
    let clock = 0;
    let turns = 0;
    const pause = budgetedPause({ budgetMs: 8, now: () => clock, turn: async () => void turns++ });
    for (let step = 0; step < 40; step++) {
      clock += 1; // 1 ms of work between two calls
      await pause();
    }
    // 40 ms of work with an 8 ms budget: a turn at 8, 16, 24, 32 and 40 ms
    expect(turns).toBe(5);
  });

  it('restarts the budget after a turn, however long the turn took', async () => {
    let clock = 0;
    const at: number[] = [];
    const pause = budgetedPause({ budgetMs: 8, now: () => clock, turn: async () => { at.push(clock); clock += 50; } });
    for (let step = 0; step < 20; step++) {
      clock += 2;
      await pause();
    }
    // a turn after every four steps of work (8 ms), the 50 ms the turn took not counted as work
    expect(at).toEqual([8, 66, 124, 182, 240]);
  });
});

describe('messageTurn', () => {
  it('resolves after the tasks already queued, without a timer', async () => {
    const order: string[] = [];
    const queued = new Promise<void>((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        order.push('queued first');
        resolve();
      };
      channel.port2.postMessage(null);
    });
    await messageTurn();
    order.push('turn');
    await queued;
    expect(order).toEqual(['queued first', 'turn']);
  });
});
