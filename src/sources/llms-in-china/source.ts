/** The list of Chinese large models from github.com/wgwang/awesome-LLMs-In-China (Apache-2.0), as CSV. */
import { basename } from 'node:path';
import { InputError } from '../../model/errors.ts';
import { parseCsv } from '../csv-reader.ts';
import { readTextFile } from '../read-file.ts';
import type { Connector, ReadResult } from '../source.ts';
import { mapLlmList } from './map.ts';
import { LLM_LIST_COLUMNS, type LlmListRow, llmListRowSchema } from './schema.ts';

export { LLM_LIST_SOURCE } from './schema.ts';

export async function readLlmList(file: string): Promise<ReadResult<LlmListRow>> {
  const { text, sha256 } = await readTextFile(file);
  const { header, records } = parseCsv(text, file);
  const missing = LLM_LIST_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) throw new InputError(file, 1, missing[0] ?? null, `missing column "${missing.join('", "')}"`);
  const rows = records.map((r) => {
    const cells = Object.fromEntries(header.map((h, i) => [h, r.cells[i] ?? '']));
    const parsed = llmListRowSchema.safeParse(cells);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = String(issue?.path[0] ?? '');
      throw new InputError(file, r.line, field, `${issue?.message ?? 'invalid'}: "${cells[field] ?? ''}"`);
    }
    return { ...parsed.data, line: r.line };
  });
  if (rows.length === 0) throw new InputError(file, null, null, 'no rows');
  return { dataset: `llms-in-china:${basename(file)}`, input: file, sha256, records: rows, rowsRead: rows.length };
}

export const llmListConnector: Connector<LlmListRow> = {
  name: 'llms-in-china',
  read: readLlmList,
  map: (read, resolver) => mapLlmList(read.records, resolver),
};
