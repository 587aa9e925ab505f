#!/usr/bin/env node
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { compileBundle } = require('./bundle.js');

const file = join(__dirname, '..', 'dist', 'main.cjs');
let cache;
try {
  cache = readFileSync(`${file}.cache`);
} catch {
  // No cache (a build without one): V8 compiles the bundle as it runs.
}
const cli = compileBundle(file, cache).run();
cli.main(process.argv).then(() => {
  // With everything written, the process ends now: a natural exit first
  // waits for V8's compiling on other threads (on a national week about
  // 40 ms, after the last line is out).
  if (cli.allWritten()) process.exit();
});
