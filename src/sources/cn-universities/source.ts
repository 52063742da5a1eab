/** Reads the MOE university list CSV, validating every row. */
import { basename } from 'node:path';
import { InputError } from '../../model/errors.ts';
import { parseCsv } from '../csv-reader.ts';
import { readTextFile } from '../read-file.ts';
import type { Connector, ReadResult } from '../source.ts';
import { mapMoeList } from './map.ts';
import { MOE_COLUMNS, type MoeRow, moeRowSchema } from './schema.ts';

export async function readMoeList(file: string): Promise<ReadResult<MoeRow>> {
  const { text, sha256 } = await readTextFile(file);
  const { header, records } = parseCsv(text, file);
  const missing = MOE_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) throw new InputError(file, 1, missing[0] ?? null, `missing column "${missing.join('", "')}"`);
  const seen = new Map<string, number>();
  const rows = records.map((r) => {
    const cells = Object.fromEntries(header.map((h, i) => [h, r.cells[i] ?? '']));
    const parsed = moeRowSchema.safeParse(cells);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = String(issue?.path[0] ?? '');
      throw new InputError(file, r.line, field, `${issue?.message ?? 'invalid'}: "${cells[field] ?? ''}"`);
    }
    const first = seen.get(parsed.data.moe_code);
    if (first !== undefined)
      throw new InputError(file, r.line, 'moe_code', `code ${parsed.data.moe_code} repeats line ${first}`);
    seen.set(parsed.data.moe_code, r.line);
    return { ...parsed.data, line: r.line };
  });
  if (rows.length === 0) throw new InputError(file, null, null, 'no rows');
  return { dataset: `cn-universities:${basename(file)}`, input: file, sha256, records: rows, rowsRead: rows.length };
}

export const moeListConnector: Connector<MoeRow> = {
  name: 'cn-universities',
  read: readMoeList,
  map: (read, resolver) => mapMoeList(read.records, resolver),
};
