import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Three suites in one run: pure/Node unit tests, renderer components in jsdom, and end-to-end tests that
// drive the built renderer in Chromium, Chrome or Edge through the browser preview (test/e2e/global-setup.ts
// finds the browser first, or stops the run saying how to get one).
export default defineConfig({
  plugins: [react()],
  test: {
    globals: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          // Unit tests check results, not speed (bench/ measures that): a CPU-heavy one (a solver run, a real
          // child process) must not fail on a machine busy with other work.
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          include: ['test/component/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['test/component/setup.ts'],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
