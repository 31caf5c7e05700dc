import { defineConfig } from 'vitest/config';
import { knownHosts } from './scripts/vite-plugins';

export default defineConfig({
  // The content loader imports the knowledge base's host filter as a virtual module.
  plugins: [knownHosts()],
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
