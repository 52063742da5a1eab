/** `neijuan ingest csv --file F --mapping M.yaml`: any CSV, mapped by a YAML file, with the usual validation. */
import { basename } from 'node:path';
import { z } from 'zod';
import { InputError } from '../../model/errors.ts';
import { readCsvRows } from '../csv-rows.ts';
import { readTextFile } from '../read-file.ts';
import { parseYamlFile } from '../yaml-document.ts';
import type { Connector, ReadResult } from '../source.ts';
import { mapCsvRows } from './map.ts';
import { type CsvMapping, mappedColumns, mappingSchema } from './schema.ts';

export interface MappedCsv {
  mapping: CsvMapping;
  mappingFile: string;
  file: string;
  rows: (Record<string, string> & { line: number })[];
}

export async function readMapping(path: string): Promise<{ mapping: CsvMapping; sha256: string }> {
  const { text, sha256 } = await readTextFile(path);
  const { value: js } = parseYamlFile(path, text);
  const parsed = mappingSchema.safeParse(js ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(path, null, (issue?.path ?? []).map(String).join('.'), issue?.message ?? 'invalid mapping');
  }
  return { mapping: parsed.data, sha256 };
}

export function createCsvMappingConnector(mappingFile: string): Connector<MappedCsv> {
  return {
    name: 'csv',
    async read(file: string): Promise<ReadResult<MappedCsv>> {
      const { mapping, sha256: mappingSha } = await readMapping(mappingFile);
      // Every cell stays text here; the mapper checks numbers and dates where the mapping needs them.
      const { rows, sha256 } = await readCsvRows(file, mappedColumns(mapping), z.record(z.string(), z.string()));
      return {
        dataset: mapping.dataset ?? `csv:${basename(file)}`,
        input: file,
        sha256: `${sha256}:${mappingSha}`,
        records: [{ mapping, mappingFile, file, rows }],
        rowsRead: rows.length,
      };
    },
    map: (read, resolver) => mapCsvRows(read.records[0] as MappedCsv, resolver),
  };
}
