import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * `npm test` runs two projects: fast unit and contract tests next to the code, and browser tests
 * against a real build served on localhost. A JSON report feeds the summary line of `.ci/run`.
 */
export default defineConfig({
  test: {
    // Vitest's default for a run is one worker fewer than the cores: one worker on the 2-core
    // machines here, so every file ran after the other (9.5 min). Unit files run at least two at
    // a time; the browser files stay one at a time (fileParallelism below). Measured in docs/0002.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['scripts/**/*.test.ts', 'src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
