import { defineConfig } from 'vitest/config';

/** Opens what RedShield exports with LibreOffice (run by .ci/run, which installs LibreOffice). */
export default defineConfig({
  test: { include: ['test/documents/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 60_000, fileParallelism: false },
});
