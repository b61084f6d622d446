import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
          environment: 'node',
          setupFiles: ['test/unit/setup.ts'],
        },
        // Unit tests see the e2e build's hooks, so the diagnostics they feed are tested too.
        define: { __TABULARIUM_E2E__: 'true' },
        esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.ts'],
          environment: 'node',
          // One browser at a time: the machine has two cores and Chromium wants both.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // expect.poll waits for a condition; its 1 s default is a time, too short when other work
          // keeps both cores busy. Polls pass as soon as the condition holds.
          expect: { poll: { timeout: 15_000 } },
        },
      },
      {
        test: {
          // Debian's firefox-esr with the e2e Firefox build (npm run test:firefox builds it).
          name: 'e2e-firefox',
          include: ['test/e2e-firefox/**/*.e2e.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
