// The tests StrykerJS runs against each mutant: every in-process test. Tests
// that run the built binary are left out: the bundle in dist/ is built from
// the unmutated source, so they could never kill a mutant and only cost time.
// So is clean-rows.test.ts (3000 cases a property, 15 s): it would run for
// every mutant of the reading layer; the loader tests cover the same code.
// Our own properties run fewer cases here (FC_RUNS), from a fixed seed.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: [
      'test/cli/**',
      '**/*.cli.test.ts',
      'test/input/clean-rows.test.ts',
      '**/node_modules/**',
    ],
    env: { FC_RUNS: '12' },
    setupFiles: ['test/mutation/setup.ts'],
    testTimeout: 30000,
  },
});
