/** Reading an input file as strict UTF-8 text with its SHA-256, refusing what is not text. */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { InputError } from '../model/errors.ts';

/**
 * The largest whole-file input read into memory (CSV, YAML, JSON). Bigger inputs are streamed (the OpenAlex snapshot)
 * or refused here, before they are read: a mistaken path to a multi-gigabyte file must not exhaust memory.
 */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

export async function readTextFile(
  path: string,
  maxBytes = MAX_INPUT_BYTES,
): Promise<{ text: string; sha256: string }> {
  let bytes: Buffer;
  try {
    const size = (await stat(path)).size;
    if (size > maxBytes) {
      throw new InputError(
        path,
        null,
        null,
        `file is ${(size / 1048576).toFixed(1)} MiB; whole-file inputs are limited to ${maxBytes / 1048576} MiB`,
      );
    }
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(path, null, null, `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  if (bytes.length === 0) throw new InputError(path, null, null, 'file is empty');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Name the line of the first invalid byte sequence.
    const lossy = bytes.toString('utf8');
    const bad = lossy.indexOf('\ufffd');
    const line = bad < 0 ? null : lossy.slice(0, bad).split('\n').length;
    throw new InputError(path, line, null, 'not valid UTF-8');
  }
  return { text, sha256: createHash('sha256').update(bytes).digest('hex') };
}
