// Compiles the command line's bundle (dist/main.cjs) with V8's code cache
// written at build time (scripts/code-cache.mjs), when V8 accepts it; else
// compiles it as Node would. Either way the result is the same module.
// CommonJS (bin/package.json), like the bundle: an ES module entry point
// would start Node's ES module loader, which costs more than the cache saves.
const { readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname } = require('node:path');
const { Script } = require('node:vm');

/** How scripts/build.mjs begins and ends each bundle: CommonJS's wrapper, as one function. */
const WRAPPER_START = '(function (exports, require, module, __filename, __dirname) {';
const WRAPPER_END = '\n})';

/**
 * @param {string} file the bundle, a function in CommonJS's wrapper
 * @param {Buffer | undefined} cachedData V8's code cache of it, if any
 */
function compileBundle(file, cachedData) {
  const source = readFileSync(file, 'latin1');
  if (!source.startsWith(WRAPPER_START))
    throw new Error(`${file} is not a bundle of scripts/build.mjs: run npm run build`);
  const script = new Script(source, { filename: file, cachedData });
  return {
    script,
    run() {
      const module = { exports: {} };
      script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
      return module.exports;
    },
  };
}

module.exports = { compileBundle, WRAPPER_START, WRAPPER_END };
