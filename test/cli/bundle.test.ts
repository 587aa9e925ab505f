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

/**
 * A copy of the tool's command line (bin/ and dist/main.cjs, no worker, no
 * cache, no row scanner), with `files` written into dist/; its bin script.
 */
function toolCopy(files: Record<string, string>): string {
  const dir = tempDir();
  for (const sub of ['bin', 'dist']) mkdirSync(join(dir, sub));
  for (const f of ['bin/sferum-kpi.js', 'bin/bundle.js', 'bin/package.json', 'dist/main.cjs'])
    copyFileSync(join(ROOT, f), join(dir, f));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'dist', name), text);
  return join(dir, 'bin', 'sferum-kpi.js');
}

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
    for (const files of [{ 'main.cjs.cache': 'garbage' }, {}] as Record<string, string>[]) {
      const run = runCli(ARGS, { bin: toolCopy(files) });
      expect(run).toMatchObject({
        status: expected.status,
        stdout: expected.stdout,
        stderr: expected.stderr,
      });
    }
  });
});

describe('the row scanner (dist/row-scan.wasm)', () => {
  it('missing or damaged, changes nothing but the time', () => {
    // Exports of 256 KB and more are read by it: the fixtures' rows eight times over.
    const dir = tempDir();
    const larger = (name: string) => {
      const [header, ...rows] = readFileSync(join(ROOT, 'fixtures', name), 'utf8')
        .trimEnd()
        .split('\n');
      const file = join(dir, name);
      writeFileSync(file, `${[header, ...Array(8).fill(rows).flat()].join('\n')}\n`);
      return file;
    };
    const args = [
      'compute',
      '--monitoring',
      larger('monitoring-2026-01-11.csv'),
      '--headcounts',
      larger('headcounts.csv'),
      '--format',
      'csv',
    ];
    const expected = runCli(args);
    expect(expected.status).toBe(0);
    expect(expected.stdout).toContain('Итого по региону');
    for (const files of [{ 'row-scan.wasm': 'this is not WebAssembly' }, {}] as Record<
      string,
      string
    >[]) {
      const run = runCli(args, { bin: toolCopy(files) });
      expect(run).toMatchObject({
        status: expected.status,
        stdout: expected.stdout,
        stderr: expected.stderr,
      });
    }
  });
});
