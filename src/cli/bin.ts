/** Entry point: runs the program and turns any error into one clear line and exit code 1. */
import { createProgram } from './program.ts';

// `neijuan … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

/**
 * Settles when the command has done its work (a server: when it listens). No await at the top level: the compiled CLI
 * is a CommonJS script (scripts/build-cli.mjs).
 */
export const finished: Promise<void> = createProgram()
  .parseAsync(process.argv)
  .then(
    () => {},
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (process.argv.includes('--json')) process.stderr.write(`${JSON.stringify({ error: message })}\n`);
      else process.stderr.write(`neijuan: ${message}\n`);
      process.exitCode = 1;
    },
  );
