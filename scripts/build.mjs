// Bundles the CLI into dist/ with esbuild: one minified, tree-shaken script
// that loads in a few milliseconds (start-up is the time an analyst feels),
// with V8's code cache beside it, and the reading worker's own bundle.
// docs/performance.md has the measurements behind each choice.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import bundle from '../bin/bundle.js';

const { WRAPPER_START, WRAPPER_END } = bundle;

const BUILTIN = new RegExp(`^(node:.+|${builtinModules.join('|')})$`);

/**
 * Node's own modules through require() rather than ESM import: importing
 * `node:fs` as ESM builds a facade that touches every export, which loads
 * fs streams and fs/promises (about 13 ms) that the tool never uses.
 * `child_process` (used by commander only for executable subcommands, which
 * this tool has none of) is required on first use, not at start.
 */
const builtinsThroughRequire = {
  name: 'builtins-through-require',
  setup(build) {
    build.onResolve({ filter: BUILTIN }, (args) =>
      args.namespace === 'builtin' || args.namespace === 'builtin-esm'
        ? { path: args.path, external: true }
        : {
            path: args.path.replace(/^node:/, ''),
            namespace:
              args.kind === 'import-statement' && !/child_process/.test(args.path)
                ? 'builtin-esm'
                : 'builtin',
          },
    );
    build.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({
      contents:
        args.path === 'child_process'
          ? `let m; module.exports = new Proxy({}, { get: (_, key) => (m ??= require('node:child_process'))[key] });`
          : `module.exports = require('node:${args.path}');`,
      loader: 'js',
    }));
    // An ES module's import of a built-in: the bundle copies every export of a
    // CommonJS module into a new object at each import site (esbuild's
    // __toESM), about a hundred getters for fs. An object whose prototype is
    // the built-in has no exports of its own to copy, and finds them all.
    build.onLoad({ filter: /.*/, namespace: 'builtin-esm' }, (args) => ({
      contents: `module.exports = Object.create(require('node:${args.path}'));`,
      loader: 'js',
    }));
  },
};

/**
 * cli-table3 measures every cell with string-width several times over (its
 * draw() measures the whole cell for a debug message it never prints, then
 * the line to truncate, then the line to pad), and string-width builds a new
 * regular expression of every emoji on each call. The bundle gives cli-table3
 * a string-width that counts a text of one-column characters by its length
 * (src/report/one-column.ts, whose test measures each such character with
 * cli-table3) and remembers its answers for other texts; the function is
 * pure, so the output is the same.
 */
const ONE_COLUMN_MODULE = fileURLToPath(new URL('../src/report/one-column.ts', import.meta.url));

const rememberedStringWidth = {
  name: 'remembered-string-width',
  setup(build) {
    build.onResolve({ filter: /^string-width$/ }, (args) =>
      args.namespace === 'remembered' || !/[\\/]cli-table3[\\/]/.test(args.importer)
        ? undefined
        : { path: 'string-width', namespace: 'remembered', pluginData: args.resolveDir },
    );
    build.onLoad({ filter: /.*/, namespace: 'remembered' }, (args) => ({
      contents: `
const stringWidth = require('string-width');
const { oneColumnWidth } = require(${JSON.stringify(ONE_COLUMN_MODULE)});
const known = new Map();
module.exports = (text) => {
  if (typeof text !== 'string') return stringWidth(text);
  let width = oneColumnWidth(text);
  if (width !== undefined) return width;
  width = known.get(text);
  if (width === undefined) {
    width = stringWidth(text);
    if (known.size < 100000) known.set(text, width);
  }
  return width;
};`,
      resolveDir: args.pluginData,
      loader: 'js',
    }));
  },
};

/**
 * cli-table3 merges the table's options into each cell (Cell.mergeTableOptions):
 * for each of 18 option names, setOption turns the name into camel case by
 * splitting and joining strings, and firstDefined filters an array. On the
 * trend table of a national file that was 0.7 s of a 5.5 s run. The bundle
 * gets the same two functions with the camel-case names remembered and the
 * first defined value found by a loop, and a cell without border characters
 * of its own (every cell of the reports) shares the table's merged ones,
 * which cli-table3 only reads: the same results, without the work per cell.
 * Its first defined value takes the four values setOption gives it as
 * parameters (a rest parameter made an array per option per cell: 11 MB of
 * garbage on a national table). And a cell's draw() no longer truncates its
 * text for a debug message that is kept only when a table is made with
 * `debug`, which the tool never asks for.
 * The build fails if cli-table3's text is not what is replaced here.
 */
const CLI_TABLE3_CELL = [
  {
    from: `function firstDefined(...args) {
  return args.filter((v) => v !== undefined && v !== null).shift();
}

// HELPER FUNCTIONS
function setOption(objA, objB, nameB, targetObj) {
  let nameA = nameB.split('-');
  if (nameA.length > 1) {
    nameA[1] = nameA[1].charAt(0).toUpperCase() + nameA[1].substr(1);
    nameA = nameA.join('');
    targetObj[nameA] = firstDefined(objA[nameA], objA[nameB], objB[nameA], objB[nameB]);
  } else {
    targetObj[nameB] = firstDefined(objA[nameB], objB[nameB]);
  }
}`,
    to: `function firstDefined(a, b, c, d) {
  return a ?? b ?? c ?? d ?? undefined;
}

const camelNames = new Map();
function setOption(objA, objB, nameB, targetObj) {
  let nameA = camelNames.get(nameB);
  if (nameA === undefined) {
    nameA = nameB.split('-');
    if (nameA.length > 1) {
      nameA[1] = nameA[1].charAt(0).toUpperCase() + nameA[1].substr(1);
      nameA = nameA.join('');
    } else nameA = null;
    camelNames.set(nameB, nameA);
  }
  if (nameA !== null) {
    targetObj[nameA] = firstDefined(objA[nameA], objA[nameB], objB[nameA], objB[nameB]);
  } else {
    targetObj[nameB] = firstDefined(objA[nameB], objB[nameB]);
  }
}`,
  },
  {
    from: `    let chars = (this.chars = {});
    CHAR_NAMES.forEach(function (name) {
      setOption(optionsChars, tableChars, name, chars);
    });`,
    to: `    let chars = this.options.chars ? undefined : tableCharsMerged.get(tableChars);
    if (chars === undefined) {
      chars = {};
      CHAR_NAMES.forEach(function (name) {
        setOption(optionsChars, tableChars, name, chars);
      });
      if (!this.options.chars) tableCharsMerged.set(tableChars, chars);
    }
    this.chars = chars;`,
  },
  {
    from: `    let content = utils.truncate(this.content, 10, this.truncate);
    if (!lineNum) {
      info(\`\${this.y}-\${this.x}: \${this.rowSpan - lineNum}x\${this.colSpan} Cell \${content}\`);
    } else {`,
    to: `    if (!lineNum) {
    } else {`,
  },
  {
    from: `let CHAR_NAMES = [`,
    to: `const tableCharsMerged = new WeakMap();
let CHAR_NAMES = [`,
  },
];

/**
 * cli-table3's strlen (the widest line of a text, colour codes left out)
 * builds a regular expression, strips, splits and reduces each time; it is
 * asked about each cell three or four times (its wish, truncating, padding).
 * The bundle's strlen measures a text of one line without colour codes
 * directly: the strip and the split leave such a text as it is, so the
 * answer is the same. (Remembering the answers instead added 9 MB to L40's
 * peak.)
 */
const CLI_TABLE3_UTILS = [
  {
    from: `function strlen(str) {
  let code = codeRegex();`,
    to: `function strlen(str) {
  if (typeof str === 'string' && !str.includes('\\u001b') && !str.includes('\\n'))
    return stringWidth(str);
  let code = codeRegex();`,
  },
  {
    from: `function repeat(str, times) {
  return Array(times + 1).join(str);
}`,
    to: `function repeat(str, times) {
  return str.repeat(times);
}`,
  },
  {
    from: `function colorizeLines(input) {
  let state = {};
  let output = [];
  for (let i = 0; i < input.length; i++) {`,
    to: `function colorizeLines(input) {
  let state = {};
  let output = [];
  let plain = true;
  for (let i = 0; i < input.length; i++) {
    if (plain && !input[i].includes('\u001b')) {
      output.push(input[i]);
      continue;
    }
    plain = false;`,
  },
];

const cheaperCellOptions = {
  name: 'cli-table3-cell-options',
  setup(build) {
    build.onLoad({ filter: /[\\/]cli-table3[\\/]src[\\/](cell|utils)\.js$/ }, (args) => {
      let text = readFileSync(args.path, 'utf8').replaceAll('\r\n', '\n');
      const patches = /cell\.js$/.test(args.path) ? CLI_TABLE3_CELL : CLI_TABLE3_UTILS;
      for (const { from, to } of patches) {
        if (!text.includes(from))
          throw new Error(
            `${args.path}: no text scripts/build.mjs replaces: ${from.split('\n')[0]}`,
          );
        text = text.replace(from, to);
      }
      return { contents: text, loader: 'js' };
    });
  },
};

/**
 * chalk detects colour support when it loads (its vendored supports-color
 * reads the environment and loads `tty`), but every Chalk of the tool is made
 * with the level the tool decides (src/cli/options.ts). The bundle takes
 * chalk's own browser variant of that module, which detects nothing in Node
 * and loads no module.
 */
const chalkWithoutDetection = {
  name: 'chalk-without-detection',
  setup(build) {
    build.onResolve({ filter: /^#supports-color$/ }, (args) => {
      const path = join(args.resolveDir, 'vendor', 'supports-color', 'browser.js');
      if (!existsSync(path)) throw new Error(`${path}: chalk's browser supports-color is missing`);
      return { path };
    });
  },
};

/**
 * The bundle as ASCII text. esbuild escapes what is not ASCII in strings, but
 * not in regular expressions, and a few of ours hold Russian words: one such
 * character makes V8 keep the whole bundle as two bytes a character (900 KB
 * instead of 450 KB to read, decode and compile at every start). Our sources
 * are read with every character past ASCII written as \u escapes, which mean
 * the same in a string, a template, a regular expression or a comment; the
 * build fails if anything else leaves the bundle not ASCII.
 */
const asciiSources = {
  name: 'ascii-sources',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (/\\[\u0080-\uffff]/.test(text))
        throw new Error(`${args.path}: a backslash before a character past ASCII`);
      return {
        contents: text.replace(
          /[\u0080-\uffff]/g,
          (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
        ),
        loader: 'ts',
      };
    });
  },
};

function assertAscii(file) {
  const at = readFileSync(file).findIndex((byte) => byte > 0x7f);
  if (at >= 0) throw new Error(`${file}: a byte past ASCII at ${at}`);
}

/**
 * csv-parse (with Node's `stream`, which it extends) and csv-stringify are
 * loaded when first used, not at start: a run on one region's exports needs
 * neither (its lines are plain, its output a table), and their top level
 * took about 2.5 ms of the bundle's 15. Our imports of them get a CommonJS
 * module whose exports load the package's ES build on first access;
 * esbuild initialises an ES module that is required only when it is, and
 * the package's modules stay shared (its CommonJS build would be a second
 * copy of the parser).
 */
const LAZY_PACKAGES = {
  'csv-parse': ['Parser'],
  'csv-parse/sync': ['parse'],
  'csv-stringify/sync': ['stringify'],
};

const lazyPackages = {
  name: 'lazy-packages',
  setup(build) {
    const filter = new RegExp(`^(${Object.keys(LAZY_PACKAGES).join('|')})$`);
    build.onResolve({ filter }, (args) =>
      args.namespace === 'lazy'
        ? undefined
        : { path: args.path, namespace: 'lazy', pluginData: args.resolveDir },
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, async (args) => {
      const real = await build.resolve(args.path, {
        kind: 'import-statement',
        resolveDir: args.pluginData,
      });
      if (real.errors.length > 0) throw new Error(real.errors[0].text);
      const getters = LAZY_PACKAGES[args.path]
        .map((name) => `get ${name}() { return load().${name}; },`)
        .join('\n');
      return {
        contents: `let loaded;\nconst load = () => (loaded ??= require(${JSON.stringify(real.path)}));\nmodule.exports = {\n${getters}\n};`,
        resolveDir: args.pluginData,
        loader: 'js',
      };
    });
  },
};

rmSync('dist', { recursive: true, force: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  minify: process.env.SFERUM_KPI_BUILD_READABLE !== '1',
  // Not keepNames: it wraps every closure made per row in a defineProperty call.
  // The source map gives readable stacks (node --enable-source-maps).
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [
    builtinsThroughRequire,
    rememberedStringWidth,
    cheaperCellOptions,
    chalkWithoutDetection,
    asciiSources,
    lazyPackages,
  ],
};

/**
 * Each bundle is written as the function bin/bundle.js compiles it with
 * (CommonJS's wrapper), so that it is compiled as read, not joined to the
 * wrapper first (a copy of the whole text at every start).
 */
const wrapped = {
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  define: { 'import.meta.url': '__import_meta_url' },
  banner: {
    js: `${WRAPPER_START}const __import_meta_url = require('node:url').pathToFileURL(__filename).href;`,
  },
  footer: { js: WRAPPER_END },
};

// The command line: one CommonJS script, so that bin/sferum-kpi.js can compile
// it with V8's code cache (below). Its one use of import.meta is the URL that
// the reading worker is found by.
await build({
  ...common,
  ...wrapped,
  entryPoints: { main: 'src/cli/main.ts' },
  outdir: 'dist',
});

// The worker that reads input files on other threads (src/input/parallel.ts):
// CommonJS too, loaded with require(). As an ES module, a worker started
// Node's ES module loader first: about 20 ms more before it read a byte.
await build({
  ...common,
  ...wrapped,
  entryPoints: { 'read-worker': 'src/input/read-worker.ts' },
  outdir: 'dist',
});
// A readable build keeps comments, which may hold anything.
if (common.minify) for (const file of ['dist/main.cjs', 'dist/read-worker.cjs']) assertAscii(file);

// The row scanner (wasm/row-scan.ts, AssemblyScript) as WebAssembly, which
// src/input/row-scan.ts loads from dist/. Its tables take the memory below
// --memoryBase (the module checks that they fit); asc's own data lies above.
{
  const { default: asc } = await import('assemblyscript/asc');
  const { error, stderr } = await asc.main([
    'wasm/row-scan.ts',
    '--outFile',
    'dist/row-scan.wasm',
    '-O3',
    '--runtime',
    'stub',
    '--memoryBase',
    String(188 << 16),
    '--initialMemory',
    '192',
  ]);
  if (error) throw new Error(`wasm/row-scan.ts: ${error.message}\n${stderr.toString()}`);
  // The module's start traps when its tables do not fit below --memoryBase;
  // the tool would then read every file as cells, slower but silently.
  const module = new WebAssembly.Module(readFileSync('dist/row-scan.wasm'));
  const imports = {};
  for (const { module: from, name } of WebAssembly.Module.imports(module)) {
    imports[from] = { ...imports[from], [name]: () => 0 };
  }
  try {
    new WebAssembly.Instance(module, imports);
  } catch (cause) {
    throw new Error(`dist/row-scan.wasm does not start (do its tables fit?): ${cause.message}`);
  }
}

// V8's code cache of the command line, written after a run on the bundled
// fixtures so that it holds the functions a run compiles, not only the top
// level: bin/sferum-kpi.js then compiles nothing it finds there.
execFileSync(process.execPath, [fileURLToPath(new URL('./code-cache.mjs', import.meta.url))], {
  stdio: 'inherit',
});
