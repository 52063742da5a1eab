/** Reads the MOE university list CSV, validating every row. */
import { basename } from 'node:path';
import { InputError } from '../../model/errors.ts';
import { readCsvRows } from '../csv-rows.ts';
import type { Connector, ReadResult } from '../source.ts';
import { mapMoeList } from './map.ts';
import { MOE_COLUMNS, type MoeRow, moeRowSchema } from './schema.ts';

export async function readMoeList(file: string): Promise<ReadResult<MoeRow>> {
  const { rows, sha256 } = await readCsvRows(file, MOE_COLUMNS, moeRowSchema);
  // One institution per code: a repeated code is an error in the list, named with both lines.
  const seen = new Map<string, number>();
  for (const row of rows) {
    const first = seen.get(row.moe_code);
    if (first !== undefined)
      throw new InputError(file, row.line, 'moe_code', `code ${row.moe_code} repeats line ${first}`);
    seen.set(row.moe_code, row.line);
  }
  return { dataset: `cn-universities:${basename(file)}`, input: file, sha256, records: rows, rowsRead: rows.length };
}

export const moeListConnector: Connector<MoeRow> = {
  name: 'cn-universities',
  read: readMoeList,
  map: (read, resolver) => mapMoeList(read.records, resolver),
};
