// Five tiers. unit: pure tests beside the code (seconds, no database). pglite: the specs beside the code
// that migrate an embedded PGlite (`*.pglite.spec.ts`), with timeouts that hold on a busy two-core
// machine. integration: real PostgreSQL + Redis. e2e: the built portal in Chromium. faults:
// the processes separately, restarted and killed under load. `pnpm test` runs them all.
import { configDefaults, defineConfig } from 'vitest/config';

const besideTheCode = ['packages/*/src/**/*.spec.ts', 'apps/*/src/**/*.spec.ts'];
const pgliteSpecs = ['packages/*/src/**/*.pglite.spec.ts', 'apps/*/src/**/*.pglite.spec.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: besideTheCode,
          exclude: [...configDefaults.exclude, ...pgliteSpecs],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'pglite',
          include: pgliteSpecs,
          // Migrating PGlite is CPU-bound WebAssembly: one file at a time, and hooks that may take minutes
          // when other work shares the machine.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/integration/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          fileParallelism: false,
          // after unit and integration, whose load on a two-core machine would starve the browser
          sequence: { groupOrder: 1 },
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'faults',
          include: ['test/faults/**/*.test.ts'],
          fileParallelism: false,
          // last and alone: each file starts its own PostgreSQL, Redis, API and worker, and restarts them
          sequence: { groupOrder: 2 },
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
