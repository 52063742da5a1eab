// Builds the bundled database once for a test run (scripts/run-tests.mjs): `tsx test/support/build-bundled.ts <file>`.
import { buildBundledFile } from './bundled.ts';

const out = process.argv[2];
if (!out) throw new Error('usage: build-bundled.ts <file>');
await buildBundledFile(out);
