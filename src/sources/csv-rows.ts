/**
 * The edge every CSV connector shares: read the file (strict UTF-8), parse it (RFC 4180), check the header has the
 * columns, and parse each row through the connector's zod schema — the first problem names file, line and field.
 */
import type { z } from 'zod';
import { InputError } from '../model/errors.ts';
import { parseCsv } from './csv-reader.ts';
import { readTextFile } from './read-file.ts';

export interface CsvRows<T> {
  rows: (T & { line: number })[];
  header: string[];
  sha256: string;
}

export async function readCsvRows<S extends z.ZodType>(
  file: string,
  columns: readonly string[],
  schema: S,
): Promise<CsvRows<z.infer<S>>> {
  const { text, sha256 } = await readTextFile(file);
  const { header, records } = parseCsv(text, file);
  const missing = columns.filter((c) => !header.includes(c));
  if (missing.length > 0) throw new InputError(file, 1, missing[0] ?? null, `missing column "${missing.join('", "')}"`);
  const rows = records.map((r) => {
    const cells = Object.fromEntries(header.map((h, i) => [h, r.cells[i] ?? '']));
    const parsed = schema.safeParse(cells);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = String(issue?.path[0] ?? '');
      throw new InputError(file, r.line, field, `${issue?.message ?? 'invalid'}: "${cells[field] ?? ''}"`);
    }
    return Object.assign({}, parsed.data as z.infer<S>, { line: r.line });
  });
  if (rows.length === 0) throw new InputError(file, null, null, 'no rows');
  return { rows, header, sha256 };
}
