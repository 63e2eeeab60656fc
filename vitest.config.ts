import { defineConfig } from 'vitest/config';

// Tests run on the TypeScript sources: the "@vigia/source" export condition maps each
// workspace package to its src/index.ts instead of the built dist/.
export default defineConfig({
  resolve: { conditions: ['@vigia/source', 'node'] },
  ssr: { resolve: { conditions: ['@vigia/source', 'node'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // expect.poll waits 1 s by default: on a loaded 2-core CI machine a browser test's page can take
    // longer to show a saved change (e2e/meetings.test.ts failed so once). Same expectations, more time.
    expect: { poll: { timeout: 15_000 } },
    pool: 'forks',
    reporters: ['default', './test/plain-summary-reporter.ts'],
  },
});
