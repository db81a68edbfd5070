import { defineConfig } from 'vitest/config';

// CI (`.ci/run` sets GONGKAI_TEST_RETRY=1) retries a failed database or browser test once: on a loaded 2-core
// machine a browser step or a forked worker can miss a timeout. `.ci/run` prints every test that still failed.
const retry = Number(process.env.GONGKAI_TEST_RETRY ?? 0);

// Four projects (STYLE.md §6): pure core tests; database-backed tests (PGlite by default, PostgreSQL when
// DATABASE_URL is set), sharing one database per worker; jsdom tests of web components; browser journeys.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/*.test.ts', 'src/core/**/*.test.ts', 'src/render/**/*.test.ts', 'src/shared/**/*.test.ts', 'src/security/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'db',
          include: ['src/db/**/*.test.ts', 'src/services/**/*.test.ts', 'src/server/**/*.test.ts', 'src/cli/**/*.test.ts'],
          environment: 'node',
          isolate: false,
          pool: 'forks',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          retry,
          globalSetup: ['test/global-setup.ts'],
        },
      },
      {
        test: {
          name: 'web',
          include: ['src/web/**/*.test.tsx', 'src/web/**/*.test.ts'],
          environment: 'jsdom',
          setupFiles: ['test/web-setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          retry,
        },
      },
    ],
  },
});
