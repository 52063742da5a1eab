// Compiles the CLI into one ES module, dist/neijuan.mjs, so `neijuan` starts without compiling TypeScript (tsx takes
// about a second to load it). The packages it imports are compiled in too, but DuckDB's native binding and those the
// code loads on first use through createRequire (read from node_modules at run time); each source file's
// import.meta.url becomes its path relative to the bundle, so migrations and data are found as from src/.
//
//   node scripts/build-cli.mjs        (npm run build:cli; npm start runs it)
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist', 'neijuan.mjs');

const importMetaUrl = {
  name: 'import-meta-url',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return { contents: text, loader: 'ts' };
      const from = relative(dirname(outfile), args.path).split('\\').join('/');
      return {
        contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(from)}, import.meta.url).href`),
        loader: 'ts',
      };
    });
  },
};

const started = performance.now();
// The CLI, and the worker thread it starts for long computations (src/analytics/cpu-worker.ts), compiled beside it.
const entries = [
  { in: join(root, 'src', 'cli', 'bin.ts'), out: outfile },
  { in: join(root, 'src', 'analytics', 'cpu-worker-entry.ts'), out: join(root, 'dist', 'neijuan-cpu-worker.mjs') },
];
await Promise.all(
  entries.map((entry) =>
    build({
      entryPoints: [entry.in],
      outfile: entry.out,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // Packages are bundled too, all but DuckDB's native binding (resolved from node_modules at run time, with the
      // packages the code loads itself through createRequire): one file to read and compile instead of 320 modules
      // of node_modules to resolve, which took about 0.13 s of every start (`neijuan --version`: 0.21–0.22 s
      // against 0.29–0.34 s).
      external: ['@duckdb/node-bindings', '@duckdb/node-bindings-*'],
      banner: {
        js: "import { createRequire as __bundleRequire } from 'node:module';\nconst require = __bundleRequire(import.meta.url);",
      },
      sourcemap: 'linked',
      logLevel: 'warning',
      define: { NEIJUAN_COMPILED: 'true' },
      plugins: [importMetaUrl],
    }),
  ),
);
process.stdout.write(
  `built ${entries.map((e) => relative(root, e.out)).join(' and ')} in ${Math.round(performance.now() - started)} ms\n`,
);
