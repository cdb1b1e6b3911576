import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // LibreOffice checks run separately (npm run test:documents), where LibreOffice is installed.
    exclude: ['test/documents/**', '**/node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each test file gets its own database (PGlite in memory, or a fresh PostgreSQL database).
    fileParallelism: true,
    maxWorkers: 2,
  },
});
