/** The YAML edge every YAML input shares: parse strictly, name the file and line of a syntax error, bound aliases. */
import { type LineCounter, parseDocument } from 'yaml';
import { InputError } from '../model/errors.ts';

/**
 * Parses `text` (read from `file`) into a document and its plain value. Duplicate keys are errors; alias expansion
 * is bounded ("billion laughs"); every error names the file, and the line where the parser knows it.
 */
export function parseYamlFile(
  file: string,
  text: string,
  lineCounter?: LineCounter,
): { doc: ReturnType<typeof parseDocument>; value: unknown } {
  const doc = parseDocument(text, { uniqueKeys: true, ...(lineCounter ? { lineCounter } : {}) });
  const syntax = doc.errors[0];
  if (syntax)
    throw new InputError(file, syntax.linePos?.[0].line ?? null, null, syntax.message.split('\n')[0] ?? 'bad YAML');
  try {
    return { doc, value: doc.toJS({ maxAliasCount: 1000 }) };
  } catch (error) {
    throw new InputError(file, null, null, `YAML cannot be expanded: ${(error as Error).message}`);
  }
}
