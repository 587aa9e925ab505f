// Bundles the CLI into dist/ with esbuild: one small entry that loads in a few
// milliseconds, with heavy modules split into chunks that load only when a
// command or format needs them.
import { build } from 'esbuild';

await build({
  entryPoints: { main: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  banner: {
    // cli-table3 and commander are CommonJS; give them a require().
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});
