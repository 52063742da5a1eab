// Runs the compiled CLI (a CommonJS script) with V8's code cache, as Node 22's module.enableCompileCache() would: the
// functions a run compiled are kept in `<bundle>.cache` and the next run takes them from there instead of parsing and
// compiling them again. A `neijuan build` spent 0.12 s less CPU and ended 0.05–0.1 s sooner (docs/BENCHMARKS.md).
//
// The cache is written once, by the first run that finds none (or one V8 turns away: another Node, other flags), when
// its command has done its work. It is made for one bundle: its name holds the bundle's size and time, and
// scripts/build-cli.mjs removes it. A cache that cannot be read or written (a read-only install) is only not used.
import { Buffer } from 'node:buffer';
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script, constants } from 'node:vm';

/**
 * Loads and runs `bundle`. `cache` says whether V8 took its functions from the cache; `written` settles when a new
 * cache is written (true) or could not be (false), once `exports.finished` settles.
 */
export function runWithCodeCache(bundle) {
  const source = readFileSync(bundle, 'utf8');
  const { size, mtimeMs } = statSync(bundle);
  // What V8 does not check itself: that the cache was made from this bundle (V8 compares the text's length only).
  const stamp = Buffer.from(`${size}:${mtimeMs}:${process.version}:${process.arch}\n`);
  const cacheFile = `${bundle}.cache`;
  let cachedData;
  try {
    const file = readFileSync(cacheFile);
    if (file.subarray(0, stamp.length).equals(stamp)) cachedData = file.subarray(stamp.length);
  } catch {
    // No cache yet.
  }
  // CommonJS's own wrapper, on the first line so that line numbers stay the bundle's.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n})`, {
    filename: bundle,
    cachedData,
    // import() in the bundle loads as it would in a module Node loaded itself.
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} };
  script
    .runInThisContext()
    .call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  const cache = cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'used';
  // After the command's work (so that the functions it ran are in the cache), written whole or not at all.
  const written =
    cache === 'used'
      ? Promise.resolve(false)
      : Promise.resolve(module.exports.finished)
          .catch(() => {})
          .then(() => {
            const tmp = `${cacheFile}.${process.pid}`;
            try {
              writeFileSync(tmp, Buffer.concat([stamp, script.createCachedData()]));
              renameSync(tmp, cacheFile);
              return true;
            } catch {
              rmSync(tmp, { force: true });
              return false;
            }
          });
  return { exports: module.exports, cache, written };
}
