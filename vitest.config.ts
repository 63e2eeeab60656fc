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
    pool: 'forks',
    reporters: ['default', './test/plain-summary-reporter.ts'],
  },
});
