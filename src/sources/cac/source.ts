/** CAC filing totals: a CSV of dated cumulative counts, each row citing the CAC announcement it comes from. */
import { basename } from 'node:path';
import { InputError } from '../../model/errors.ts';
import { parseCsv } from '../csv-reader.ts';
import { readTextFile } from '../read-file.ts';
import type { Connector, ReadResult } from '../source.ts';
import { mapCacTotals } from './map.ts';
import { CAC_COLUMNS, type CacRow, cacRowSchema } from './schema.ts';

export async function readCacTotals(file: string): Promise<ReadResult<CacRow>> {
  const { text, sha256 } = await readTextFile(file);
  const { header, records } = parseCsv(text, file);
  const missing = CAC_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) throw new InputError(file, 1, missing[0] ?? null, `missing column "${missing.join('", "')}"`);
  const rows = records.map((r) => {
    const cells = Object.fromEntries(header.map((h, i) => [h, r.cells[i] ?? '']));
    const parsed = cacRowSchema.safeParse(cells);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = String(issue?.path[0] ?? '');
      throw new InputError(file, r.line, field, `${issue?.message ?? 'invalid'}: "${cells[field] ?? ''}"`);
    }
    return { ...parsed.data, line: r.line };
  });
  if (rows.length === 0) throw new InputError(file, null, null, 'no rows');
  return { dataset: `cac:${basename(file)}`, input: file, sha256, records: rows, rowsRead: rows.length };
}

export const cacConnector: Connector<CacRow> = {
  name: 'cac',
  read: readCacTotals,
  map: (read) => mapCacTotals(read.records, read.input),
};
