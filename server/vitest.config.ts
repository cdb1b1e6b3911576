import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // LibreOffice checks run separately (npm run test:documents), where LibreOffice is installed.
    exclude: ['test/documents/**', '**/node_modules/**'],
    // Limits against a hung test, not speed checks (those are benchmarks): generous, because a test
    // file that seeds the whole demo in its setup takes ~15 s alone and several times that on a
    // machine busy with other work.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Each test file gets its own database (PGlite in memory, or a fresh PostgreSQL database).
    fileParallelism: true,
    maxWorkers: 2,
  },
});
