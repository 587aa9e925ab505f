// The tests StrykerJS runs against each mutant: every in-process test. Tests
// that run the built binary are left out: the bundle in dist/ is built from
// the unmutated source, so they could never kill a mutant and only cost time.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/cli/**', '**/*.cli.test.ts', '**/node_modules/**'],
    testTimeout: 30000,
  },
});
