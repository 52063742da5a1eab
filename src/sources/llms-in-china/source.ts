/** The list of Chinese large models from github.com/wgwang/awesome-LLMs-In-China (Apache-2.0), as CSV. */
import { basename } from 'node:path';
import { readCsvRows } from '../csv-rows.ts';
import type { Connector, ReadResult } from '../source.ts';
import { mapLlmList } from './map.ts';
import { LLM_LIST_COLUMNS, type LlmListRow, llmListRowSchema } from './schema.ts';

export { LLM_LIST_SOURCE } from './schema.ts';

export async function readLlmList(file: string): Promise<ReadResult<LlmListRow>> {
  const { rows, sha256 } = await readCsvRows(file, LLM_LIST_COLUMNS, llmListRowSchema);
  return { dataset: `llms-in-china:${basename(file)}`, input: file, sha256, records: rows, rowsRead: rows.length };
}

export const llmListConnector: Connector<LlmListRow> = {
  name: 'llms-in-china',
  read: readLlmList,
  map: (read, resolver) => mapLlmList(read.records, resolver),
};
