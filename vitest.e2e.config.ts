import { defineConfig } from 'vitest/config';

// Real Chromium with the built extension: one file at a time, generous timeouts (first run
// installs the knowledge base into IndexedDB).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
