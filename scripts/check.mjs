// `npm test`'s first step: the type check, ESLint, Prettier and the web build, side by side (each is one process
// that uses one core; run one after another they took about 30 s on a 2-core machine). Each one's output is printed
// when it ends; the step fails when any of them fails, after all have ended.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const bin = (name) => `node_modules/.bin/${name}`;
const checks = [
  ['typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']],
  ['eslint', bin('eslint'), ['.']],
  ['prettier', bin('prettier'), ['--check', '.']],
  ['web build', bin('vite'), ['build', 'web']],
];

const started = performance.now();
const results = await Promise.all(
  checks.map(
    ([name, command, args]) =>
      new Promise((resolve) => {
        const t = performance.now();
        const child = spawn(command, args, { env: process.env });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (out += d));
        child.on('error', (error) => (out += `${error.message}\n`));
        child.on('close', (code) => {
          const ok = code === 0;
          process.stdout.write(
            `${out}${ok ? 'ok' : 'FAILED'} ${name} in ${((performance.now() - t) / 1000).toFixed(1)} s\n`,
          );
          resolve(ok);
        });
      }),
  ),
);
console.log(`# checks: ${((performance.now() - started) / 1000).toFixed(1)} s`);
if (results.includes(false)) process.exit(1);
