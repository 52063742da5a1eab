/** Parsing a JSON payload (a recorded file or a live response body) with an error that says where it broke. */
import { InputError } from '../../model/errors.ts';

/**
 * JSON.parse, but a syntax error becomes an InputError naming `where` (file or URL) and the line: the line of the
 * offending character, or the last line when the text simply stops (a truncated download).
 */
export function parseJsonBody(text: string, where: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new InputError(where, null, null, 'empty body: expected JSON');
  try {
    return JSON.parse(body);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const lineAt = (offset: number) => body.slice(0, offset).split('\n').length;
    const end = body.trimEnd().length;
    const at = position ? Number(position[1]) : end;
    // "Unexpected end of JSON input", or an error at the very last character: the text stops mid-value.
    const truncated = at >= end || /end of (JSON|data)/i.test(message);
    const line = lineAt(Math.min(at, end));
    throw new InputError(
      where,
      line,
      null,
      truncated ? `JSON ends too early (truncated?): ${message}` : `not valid JSON: ${message}`,
    );
  }
}

/** A zod issue path as one dotted field name: ["entities", "Q1", "claims", "P571", 0] → "entities.Q1.claims.P571[0]". */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}
