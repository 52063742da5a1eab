/**
 * Hugging Face Hub models: a recorded listing (one JSON file, or a directory of saved pages) offline, or a live sync.
 * Every sync is its own dataset, `huggingface:<sync date>`, so syncs append dated download and like observations
 * while the repo entities they share stay one row each.
 */
import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { InputError } from '../../model/errors.ts';
import { readTextFile } from '../read-file.ts';
import type { Connector, ReadResult } from '../source.ts';
import { type HuggingFaceInput, type ListingPage, isSyncDate, parsePage, syncInput } from './listing.ts';
import { type LiveSyncOptions, readLive } from './live-sync.ts';
import { mapHuggingFace } from './map.ts';

/** The first date (YYYY-MM-DD, else YYYY-MM) in a file or directory name, e.g. huggingface-2026-11-29. */
function dateInName(name: string): string | null {
  for (const m of name.matchAll(/(?<!\d)(\d{4}-\d{2}(?:-\d{2})?)(?!\d)/g)) {
    if (m[1] && isSyncDate(m[1])) return m[1];
  }
  return null;
}

async function jsonFilesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    // Code-unit order, not the locale's: the same directory hashes the same on every machine.
    const entries = (await readdir(d, { withFileTypes: true })).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const path = join(d, e.name);
      if (e.isDirectory()) await walk(path);
      else if (e.name.endsWith('.json')) out.push(path);
    }
  };
  await walk(dir);
  return out;
}

/**
 * Reads a recorded listing: a file holding one JSON array of models as GET /api/models returns it, or a directory
 * of such pages (read in name order, subdirectories included, as a live sync saves them). The sync date is the date
 * in the file's or directory's name (…-2026-11-29.json, huggingface-2026-11-29/): without it the observations
 * would have no period, so a name without one is refused.
 */
export async function readHuggingFace(path: string): Promise<ReadResult<HuggingFaceInput>> {
  let isDir: boolean;
  try {
    isDir = (await stat(path)).isDirectory();
  } catch (error) {
    throw new InputError(path, null, null, `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const syncDate = dateInName(basename(path)) ?? (isDir ? null : dateInName(basename(dirname(path))));
  if (syncDate === null) {
    throw new InputError(
      path,
      null,
      null,
      'no sync date: name the file or its directory with the date the listing was fetched ' +
        '(YYYY-MM-DD or YYYY-MM), e.g. huggingface-2026-11-29/ or models-2026-11-29.json',
    );
  }
  const files = isDir ? await jsonFilesUnder(path) : [path];
  if (files.length === 0) throw new InputError(path, null, null, 'no .json pages in this directory');
  // A directory's hash covers each page's name and content, so a renamed or reordered page changes it too.
  const hash = createHash('sha256');
  let fileHash = '';
  const pages: ListingPage[] = [];
  for (const file of files) {
    const { text, sha256 } = await readTextFile(file);
    hash.update(`${relative(path, file)}\n${sha256}\n`);
    fileHash = sha256;
    pages.push({ where: file, models: parsePage(text, file) });
  }
  const input = syncInput(syncDate, pages);
  return {
    dataset: `huggingface:${syncDate}`,
    input: path,
    sha256: isDir ? hash.digest('hex') : fileHash,
    records: [input],
    rowsRead: input.models.length,
  };
}

const mapFirst = (read: ReadResult<HuggingFaceInput>, resolver: Parameters<typeof mapHuggingFace>[1]) =>
  mapHuggingFace(read.records[0] as HuggingFaceInput, resolver);

/** Offline: `neijuan ingest huggingface --file <listing.json | sync directory>`. */
export const huggingfaceConnector: Connector<HuggingFaceInput> = {
  name: 'huggingface',
  read: readHuggingFace,
  map: mapFirst,
};

/**
 * Live: a connector whose `read` runs (or resumes) the sync described by `options`; its input argument is only a
 * label for the run log.
 */
export function huggingfaceLiveConnector(options: LiveSyncOptions): Connector<HuggingFaceInput> {
  return { name: 'huggingface', read: () => readLive(options), map: mapFirst };
}
