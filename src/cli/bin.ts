/** Entry point: runs the program and turns any error into one clear line and exit code 1. */
import { createProgram } from './program.ts';

try {
  await createProgram().parseAsync(process.argv);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  if (process.argv.includes('--json')) process.stderr.write(`${JSON.stringify({ error: message })}\n`);
  else process.stderr.write(`neijuan: ${message}\n`);
  process.exitCode = 1;
}
