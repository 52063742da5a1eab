/** CAC filing totals: a CSV of dated cumulative counts, each row citing the CAC announcement it comes from. */
import { basename } from 'node:path';
import { readCsvRows } from '../csv-rows.ts';
import type { Connector, ReadResult } from '../source.ts';
import { mapCacTotals } from './map.ts';
import { CAC_COLUMNS, type CacRow, cacRowSchema } from './schema.ts';

export async function readCacTotals(file: string): Promise<ReadResult<CacRow>> {
  const { rows, sha256 } = await readCsvRows(file, CAC_COLUMNS, cacRowSchema);
  return { dataset: `cac:${basename(file)}`, input: file, sha256, records: rows, rowsRead: rows.length };
}

export const cacConnector: Connector<CacRow> = {
  name: 'cac',
  read: readCacTotals,
  map: (read) => mapCacTotals(read.records, read.input),
};
