/** Reads an Our World in Data grapher export (entity, code, year, value). */
import { basename } from 'node:path';
import { readCsvRows } from '../csv-rows.ts';
import type { Connector, ReadResult } from '../source.ts';
import { mapOwidPublications } from './map.ts';
import { OWID_COLUMNS, type OwidRow, owidRowSchema } from './schema.ts';

export async function readOwid(file: string): Promise<ReadResult<OwidRow>> {
  const { rows, sha256 } = await readCsvRows(file, OWID_COLUMNS, owidRowSchema);
  return { dataset: `owid:${basename(file)}`, input: file, sha256, records: rows, rowsRead: rows.length };
}

export const owidConnector: Connector<OwidRow> = {
  name: 'owid',
  read: readOwid,
  map: (read, resolver) => mapOwidPublications(read.records, resolver, read.input),
};
