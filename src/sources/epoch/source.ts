/** Epoch AI model databases (CSV): reads any of the known vintages, validating every row. */
import { basename } from 'node:path';
import { InputError } from '../../model/errors.ts';
import type { Source } from '../../model/types.ts';
import { parseCsv } from '../csv-reader.ts';
import { readTextFile } from '../read-file.ts';
import type { Connector, ReadResult } from '../source.ts';
import { EPOCH_TABLES } from './tables.ts';
import { mapEpoch } from './map.ts';
import { EPOCH_COLUMNS, type EpochField, type EpochRow, REQUIRED_FIELDS, epochRowSchema } from './schema.ts';

export interface EpochInput {
  source: Source;
  rows: EpochRow[];
  /** True for the notable-models file: every row in it is notable, whatever its criteria cell says. */
  allNotable: boolean;
}

const LICENCE = 'CC BY 4.0 — Data: Epoch AI (epoch.ai)';

/** The vintages we know, with where each copy came from. Other files get a source built from their name. */
const KNOWN: Record<string, Omit<Source, 'licence'>> = {
  'notable_ai_models_2026-01.csv': {
    id: 'src:epoch-notable-2026-01',
    title: 'Epoch AI, Notable AI Models (CSV, accessed 2026-01-26)',
    url: 'https://epoch.ai/data/notable_ai_models.csv',
    publisher: 'Epoch AI',
    published: '2026-01',
    retrieved: '2026-01-26',
  },
  'all_ai_models_2025-03.csv': {
    id: 'src:epoch-all-2025-03',
    title: 'Epoch AI, All AI Models (CSV, last modified 2025-03-11)',
    url: 'https://epoch.ai/data/all_ai_models.csv',
    publisher: 'Epoch AI',
    published: '2025-03-11',
    retrieved: '2025-03-11',
  },
  'large_scale_ai_models_2025-04.csv': {
    id: 'src:epoch-large-scale-2025-04',
    title: 'Epoch AI, Large-Scale AI Models (CSV, models to 2025-04-29)',
    url: 'https://epoch.ai/data/large_scale_ai_models.csv',
    publisher: 'Epoch AI',
    published: '2025-04-29',
    retrieved: '2025-04-29',
  },
};

function sourceFor(file: string, sha256: string): Source {
  const name = basename(file);
  const known = KNOWN[name];
  if (known) return { ...known, licence: LICENCE };
  const stem = name.replace(/\.csv$/i, '');
  return {
    id: `src:epoch-${stem.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
    title: `Epoch AI model database (${name}, sha256 ${sha256.slice(0, 12)})`,
    url: 'https://epoch.ai/data',
    publisher: 'Epoch AI',
    published: null,
    retrieved: 'unknown',
    licence: LICENCE,
  };
}

export async function readEpochFile(file: string): Promise<ReadResult<EpochInput>> {
  const { text, sha256 } = await readTextFile(file);
  const { header, records } = parseCsv(text, file);
  const index = {} as Record<EpochField, number>;
  for (const [field, names] of Object.entries(EPOCH_COLUMNS) as [EpochField, readonly string[]][]) {
    index[field] = header.findIndex((h) => names.includes(h));
  }
  const missing = REQUIRED_FIELDS.filter((f) => index[f] < 0);
  if (missing.length > 0) {
    const wanted = missing.map((f) => EPOCH_COLUMNS[f].join('" or "')).join('; ');
    throw new InputError(file, 1, missing[0] ?? null, `missing column "${wanted}"`);
  }
  const rows: EpochRow[] = records.map((record) => {
    const cells: Record<string, string> = {};
    for (const [field, i] of Object.entries(index)) if (i >= 0) cells[field] = record.cells[i] ?? '';
    const parsed = epochRowSchema.safeParse(cells);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = String(issue?.path[0] ?? '');
      const column = field in EPOCH_COLUMNS ? header[index[field as EpochField]] : field;
      throw new InputError(
        file,
        record.line,
        column ?? field,
        `${issue?.message ?? 'invalid'}: "${cells[field] ?? ''}"`,
      );
    }
    return { ...parsed.data, line: record.line };
  });
  const name = basename(file).replace(/\.csv$/i, '');
  return {
    dataset: `epoch:${name}`,
    input: file,
    sha256,
    records: [{ source: sourceFor(file, sha256), rows, allNotable: /notable/i.test(basename(file)) }],
    rowsRead: rows.length,
  };
}

export const epochConnector: Connector<EpochInput> = {
  name: 'epoch',
  tables: EPOCH_TABLES,
  read: readEpochFile,
  map: (read, resolver) => mapEpoch(read.records[0] as EpochInput, resolver),
};
