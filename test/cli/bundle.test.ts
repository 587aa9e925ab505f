// bin/sferum-kpi.js compiles dist/main.cjs with the code cache written at
// build time; a cache V8 refuses (another Node) or a missing one must only
// cost time, never change what the tool does.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

const ROOT = resolve(import.meta.dirname, '../..');
const { compileBundle } = createRequire(import.meta.url)('../../bin/bundle.js');
const ARGS = [
  'compute',
  '--monitoring',
  join(ROOT, 'fixtures', 'monitoring-2026-01-11.csv'),
  '--headcounts',
  join(ROOT, 'fixtures', 'headcounts.csv'),
  '--format',
  'csv',
];

describe('the code cache', () => {
  it.each(['main.cjs', 'read-worker.cjs'])(
    'of %s is accepted by the Node that built it',
    (name) => {
      const file = join(ROOT, 'dist', name);
      const { script } = compileBundle(file, readFileSync(`${file}.cache`));
      expect(script.cachedDataRejected).toBe(false);
    },
  );

  it('missing or damaged, changes nothing but the time', () => {
    const expected = runCli(ARGS);
    expect(expected.status).toBe(0);
    expect(expected.stdout).toContain('Итого по региону');
    // A copy of the tool whose cache is garbage, and one without a cache.
    for (const cache of ['garbage', undefined]) {
      const dir = tempDir();
      mkdirSync(join(dir, 'bin'));
      mkdirSync(join(dir, 'dist'));
      for (const f of ['bin/sferum-kpi.js', 'bin/bundle.js', 'bin/package.json', 'dist/main.cjs'])
        copyFileSync(join(ROOT, f), join(dir, f));
      if (cache) writeFileSync(join(dir, 'dist', 'main.cjs.cache'), cache);
      const run = runCli(ARGS, { bin: join(dir, 'bin', 'sferum-kpi.js') });
      expect(run).toMatchObject({
        status: expected.status,
        stdout: expected.stdout,
        stderr: expected.stderr,
      });
    }
  });
});
