// Compiles the CLI into one CommonJS file, dist/neijuan.cjs, so `neijuan` starts without compiling TypeScript (tsx
// takes about a second to load it), and its worker thread into an ES module beside it. The packages they import are
// compiled in too, but DuckDB's native binding and those the code loads on first use through createRequire (read from
// node_modules at run time); each source file's import.meta.url becomes its path relative to the bundle, so
// migrations and data are found as from src/.
//
// CommonJS, not an ES module, for the CLI: bin/neijuan.js compiles it with V8's code cache (bin/code-cache.js), which
// Node 20 offers for scripts only. The worker is compiled once per build, while the main thread is busy anyway.
//
//   node scripts/build-cli.mjs        (npm run build:cli; npm start runs it)
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist', 'neijuan.cjs');

/**
 * `import.meta.url` of each source file, as its path relative to the bundle resolved against `base` (the bundle's
 * URL). `import.meta.resolve`, which a CommonJS script lacks, is only called where the code runs uncompiled
 * (worker-thread.ts): compiled, it throws if ever reached.
 */
const importMetaUrl = (base) => ({
  name: 'import-meta-url',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.')) return { contents: text, loader: 'ts' };
      const from = relative(dirname(outfile), args.path).split('\\').join('/');
      const unresolved =
        '((specifier: string): string => { throw new Error(`cannot resolve ${specifier} in the compiled CLI`); })';
      return {
        contents: text
          .replaceAll('import.meta.url', `new URL(${JSON.stringify(from)}, ${base}).href`)
          .replaceAll('import.meta.resolve', unresolved),
        loader: 'ts',
      };
    });
  },
});

const started = performance.now();
// Packages are bundled too, all but DuckDB's native binding (resolved from node_modules at run time, with the
// packages the code loads itself through createRequire): one file to read and compile instead of 320 modules of
// node_modules to resolve, which took about 0.13 s of every start (`neijuan --version`: 0.21–0.22 s against
// 0.29–0.34 s).
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  external: ['@duckdb/node-bindings', '@duckdb/node-bindings-*'],
  sourcemap: 'linked',
  logLevel: 'warning',
  define: { NEIJUAN_COMPILED: 'true' },
};
// The CLI, and the worker thread it starts for long computations (src/analytics/cpu-worker.ts), compiled beside it.
const entries = [
  {
    ...common,
    entryPoints: [join(root, 'src', 'cli', 'bin.ts')],
    outfile,
    format: 'cjs',
    banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename);" },
    plugins: [importMetaUrl('__bundleUrl')],
  },
  {
    ...common,
    entryPoints: [join(root, 'src', 'analytics', 'cpu-worker-entry.ts')],
    outfile: join(root, 'dist', 'neijuan-cpu-worker.mjs'),
    format: 'esm',
    banner: {
      js: "import { createRequire as __bundleRequire } from 'node:module';\nconst require = __bundleRequire(import.meta.url);",
    },
    plugins: [importMetaUrl('import.meta.url')],
  },
];
// The code cache of the CLI built before (bin/code-cache.js also checks that it was made from this very text).
rmSync(`${outfile}.cache`, { force: true });
await Promise.all(entries.map((entry) => build(entry)));
process.stdout.write(
  `built ${entries.map((e) => relative(root, e.outfile)).join(' and ')} in ${Math.round(performance.now() - started)} ms\n`,
);
