import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    setupFiles: ['test/setup/state-dir.ts'],
    testTimeout: 30000,
    hookTimeout: 60000,
    // End-to-end tests spawn the real binary; two cores do not gain from more workers.
    maxWorkers: 2,
  },
});
