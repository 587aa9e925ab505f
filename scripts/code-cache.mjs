// Writes dist/main.cjs.cache: V8's compiled code of dist/main.cjs after it
// has run the jobs an analyst runs most (compute on the bundled fixtures, as
// a table and as CSV, and --help), so that bin/sferum-kpi.js finds compiled
// the functions a run needs; and dist/read-worker.cjs.cache, of the reading
// worker's bundle (src/input/parallel.ts loads it). Run by scripts/build.mjs.
// A cache that V8 does not accept (another Node version) is ignored.
import fs, { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import bundle from '../bin/bundle.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const { script, run } = bundle.compileBundle(join(root, 'dist', 'main.cjs'), undefined);
const out = mkdtempSync(join(tmpdir(), 'sferum-kpi-cache-'));
const { main } = run();
const inputs = [
  '--monitoring',
  join(root, 'fixtures', 'monitoring-2026-01-11.csv'),
  '--headcounts',
  join(root, 'fixtures', 'headcounts.csv'),
];
// Warnings and the reports go to files, not to the build's output. The
// tool writes to a stderr that is not a terminal with fs.writeSync
// (src/cli/std.ts), to a terminal through process.stderr.
const stderr = process.stderr.write.bind(process.stderr);
const { writeSync } = fs;
process.stderr.write = () => true;
fs.writeSync = (fd, bytes, offset = 0, length = bytes.length - offset, ...rest) =>
  fd === 2 ? length : writeSync(fd, bytes, offset, length, ...rest);
try {
  for (const args of [
    ['compute', ...inputs, '--out', join(out, 'table.txt')],
    ['compute', ...inputs, '--format', 'csv', '--out', join(out, 'table.csv')],
  ])
    await main(['node', 'sferum-kpi', ...args]);
} finally {
  process.stderr.write = stderr;
  fs.writeSync = writeSync;
  rmSync(out, { recursive: true, force: true });
}
process.exitCode = 0;
writeFileSync(join(root, 'dist', 'main.cjs.cache'), script.createCachedData());

// The reading worker's bundle, compiled but not run (it needs a worker's
// setup): the cache spares a worker parsing the whole bundle before it reads.
const worker = join(root, 'dist', 'read-worker.cjs');
writeFileSync(`${worker}.cache`, bundle.compileBundle(worker, undefined).script.createCachedData());
