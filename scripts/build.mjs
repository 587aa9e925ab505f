// Bundles the CLI into dist/ with esbuild: one minified, tree-shaken entry
// that loads in a few milliseconds (start-up is the time an analyst feels),
// with modules loaded through import() split into chunks of their own.
// docs/performance.md has the measurements behind each choice.
import { builtinModules } from 'node:module';
import { build } from 'esbuild';

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
      args.namespace === 'builtin'
        ? { path: args.path, external: true }
        : { path: args.path.replace(/^node:/, ''), namespace: 'builtin' },
    );
    build.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({
      contents:
        args.path === 'child_process'
          ? `let m; module.exports = new Proxy({}, { get: (_, key) => (m ??= require('node:child_process'))[key] });`
          : `module.exports = require('node:${args.path}');`,
      loader: 'js',
    }));
  },
};

await build({
  // The worker that reads input files on other threads (src/input/parallel.ts) is an entry of its own.
  entryPoints: { main: 'src/cli/main.ts', 'read-worker': 'src/input/read-worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  // Not keepNames: it wraps every closure made per row in a defineProperty call.
  // The source map gives readable stacks (node --enable-source-maps).
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [builtinsThroughRequire],
  banner: {
    // Bundled CommonJS (cli-table3, commander) and Node's modules need a require().
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});
