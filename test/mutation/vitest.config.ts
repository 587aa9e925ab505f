// The tests StrykerJS runs against each mutant: every in-process test. Tests
// that run the built binary are left out: the bundle in dist/ is built from
// the unmutated source, so they could never kill a mutant and only cost time.
// Properties run from a fixed seed (setup.ts) and at most FC_MAX_RUNS cases
// (fast-check-capped.ts): some ask for thousands, and would run for each of
// hundreds of mutants. Ours run FC_RUNS cases. clean-rows.test.ts is left
// out: it counts the clean rows of its 3000 cases, which a cap would break;
// test/mutation/schema.test.ts covers the clean-row reading instead.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: [
      {
        find: /^fast-check$/,
        replacement: fileURLToPath(new URL('./fast-check-capped.ts', import.meta.url)),
      },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: [
      'test/cli/**',
      '**/*.cli.test.ts',
      'test/input/clean-rows.test.ts',
      '**/node_modules/**',
    ],
    env: { FC_RUNS: '12', FC_MAX_RUNS: '100' },
    setupFiles: ['test/mutation/setup.ts'],
    testTimeout: 30000,
  },
});
