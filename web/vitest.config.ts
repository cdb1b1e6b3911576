import { defineConfig } from 'vitest/config';

/** Unit tests: pure logic (no browser, no server). */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
