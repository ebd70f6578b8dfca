import { defineConfig } from 'vitest/config';

/**
 * `npm test` runs two projects: fast unit and contract tests next to the code, and browser tests
 * against a real build served on localhost. A JSON report feeds the summary line of `.ci/run`.
 */
export default defineConfig({
  test: {
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
