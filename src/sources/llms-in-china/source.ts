/** The list of Chinese large models from github.com/wgwang/awesome-LLMs-In-China (Apache-2.0), as CSV. */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../../model/errors.ts';
import { readCsvRows } from '../csv-rows.ts';
import type { Connector, ReadResult } from '../source.ts';
import { mapLlmList } from './map.ts';
import {
  FIRST_LISTED_COLUMNS,
  firstListedRowSchema,
  LLM_LIST_COLUMNS,
  type LlmListRow,
  llmListRowSchema,
} from './schema.ts';

export { LLM_LIST_SOURCE } from './schema.ts';

/** The list, joined with first_listed.csv when that file sits beside it (both are then part of the input's hash). */
export async function readLlmList(file: string): Promise<ReadResult<LlmListRow>> {
  const { rows, sha256 } = await readCsvRows(file, LLM_LIST_COLUMNS, llmListRowSchema);
  const sideFile = join(dirname(file), 'first_listed.csv');
  const firstListed = new Map<string, LlmListRow['firstListed']>();
  let hash = sha256;
  if (existsSync(sideFile)) {
    const side = await readCsvRows(sideFile, FIRST_LISTED_COLUMNS, firstListedRowSchema);
    for (const r of side.rows) {
      const target = rows[r.row - 1];
      if (!target) throw new InputError(sideFile, r.line, 'row', `no row ${r.row} in ${basename(file)}`);
      // The number must agree too: a side file made from another version of the list is refused, not misapplied.
      if (target.seq !== r.seq)
        throw new InputError(
          sideFile,
          r.line,
          'seq',
          `row ${r.row} of ${basename(file)} is number ${target.seq}, not ${r.seq}`,
        );
      if (firstListed.has(String(r.row))) throw new InputError(sideFile, r.line, 'row', `row ${r.row} dated twice`);
      firstListed.set(String(r.row), { date: r.first_listed, commit: r.commit, matchedOn: r.matched_on });
    }
    hash = createHash('sha256').update(sha256).update(side.sha256).digest('hex');
  }
  const records = rows.map((r, i) => ({ ...r, firstListed: firstListed.get(String(i + 1)) ?? null }));
  return { dataset: `llms-in-china:${basename(file)}`, input: file, sha256: hash, records, rowsRead: rows.length };
}

export const llmListConnector: Connector<LlmListRow> = {
  name: 'llms-in-china',
  read: readLlmList,
  map: (read, resolver) => mapLlmList(read.records, resolver),
};
