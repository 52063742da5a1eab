/** Reads an Our World in Data grapher export (entity, code, year, value). */
import { basename } from 'node:path';
import { InputError } from '../../model/errors.ts';
import { parseCsv } from '../csv-reader.ts';
import { readTextFile } from '../read-file.ts';
import type { Connector, ReadResult } from '../source.ts';
import { mapOwidPublications } from './map.ts';
import { OWID_COLUMNS, type OwidRow, owidRowSchema } from './schema.ts';

export async function readOwid(file: string): Promise<ReadResult<OwidRow>> {
  const { text, sha256 } = await readTextFile(file);
  const { header, records } = parseCsv(text, file);
  const missing = OWID_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) throw new InputError(file, 1, missing[0] ?? null, `missing column "${missing.join('", "')}"`);
  const rows = records.map((r) => {
    const cells = Object.fromEntries(header.map((h, i) => [h, r.cells[i] ?? '']));
    const parsed = owidRowSchema.safeParse(cells);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = String(issue?.path[0] ?? '');
      throw new InputError(file, r.line, field, `${issue?.message ?? 'invalid'}: "${cells[field] ?? ''}"`);
    }
    return { ...parsed.data, line: r.line };
  });
  if (rows.length === 0) throw new InputError(file, null, null, 'no rows');
  return { dataset: `owid:${basename(file)}`, input: file, sha256, records: rows, rowsRead: rows.length };
}

export const owidConnector: Connector<OwidRow> = {
  name: 'owid',
  read: readOwid,
  map: (read, resolver) => mapOwidPublications(read.records, resolver, read.input),
};
