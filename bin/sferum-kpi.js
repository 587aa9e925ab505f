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
compileBundle(file, cache).run().main(process.argv);
