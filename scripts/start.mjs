// npm start: the dashboard (Vite), the CLI bundle (esbuild) and the database are built side by side, and one process
// builds the database (when it is missing or was built from other data) and then serves it. The line "Neijuan is
// serving at …" is printed once the dashboard is built too, so what it announces is all there.
//
//   node scripts/start.mjs [serve options, e.g. --port 8081]      (npm start [-- --port 8081])
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Runs a Node script to its end; rejects, naming it, when it fails. */
function run(label, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${label} failed (${signal ?? `exit code ${code}`})`)),
    );
  });
}

const web = run('the dashboard build (vite build web)', [
  join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
  'build',
  'web',
]);
web.catch(() => {}); // reported below, after the server is stopped
await run('the CLI build (scripts/build-cli.mjs)', [join(root, 'scripts', 'build-cli.mjs')]);

const server = spawn(
  process.execPath,
  [join(root, 'bin', 'neijuan.js'), 'serve', '--build-if-stale', ...process.argv.slice(2)],
  { cwd: root, stdio: ['inherit', 'pipe', 'inherit'] },
);
// The server's output waits for the dashboard build; after it, it passes straight through.
let held = '';
let webBuilt = false;
server.stdout.on('data', (chunk) => {
  if (webBuilt) process.stdout.write(chunk);
  else held += chunk.toString();
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => {
  if (held) process.stdout.write(held);
  process.exit(code ?? (signal ? 1 : 0));
});
try {
  await web;
} catch (error) {
  server.kill('SIGTERM');
  process.stderr.write(`npm start: ${error.message}\n`);
  process.exitCode = 1;
}
webBuilt = true;
process.stdout.write(held);
held = '';
