import { defineConfig } from 'vitest/config';

/** The browser journey: starts the built server and drives Chromium (run `npm run build` first). */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    fileParallelism: false,
  },
});
