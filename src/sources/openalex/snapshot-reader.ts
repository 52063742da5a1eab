/**
 * Reads a local copy of the OpenAlex snapshot (docs.openalex.org/download-all-data/snapshot-data-format):
 * `data/<entity>/manifest` (Redshift manifest: entries[].url, meta.content_length, meta.record_count),
 * `data/<entity>/updated_date=YYYY-MM-DD/part_NNN.gz` (gzipped JSON Lines, one entity per line) and
 * `data/merged_ids/works/YYYY-MM-DD.csv.gz` (`merge_date,id,merge_into_id`: ids to delete).
 * Streams line by line with a chunked splitter, so memory stays bounded whatever the size of a part.
 */
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { join } from 'node:path';
import { createGunzip } from 'node:zlib';
import { InputError } from '../../model/errors.ts';
import { MERGED_IDS_HEADER, type Manifest, manifestSchema, workKey } from './schema.ts';

export type SnapshotEntity = 'works' | 'institutions';

export interface SnapshotFile {
  path: string;
  /** What the manifest says it holds, when it says. */
  recordCount: number | null;
}

/** One updated_date partition of one entity type: the unit a sync commits at once. */
export interface SnapshotPartition {
  entity: SnapshotEntity;
  date: string;
  files: SnapshotFile[];
}

export interface MergedIdsFile {
  date: string;
  path: string;
}

export interface SnapshotPlan {
  dataDir: string;
  works: SnapshotPartition[];
  institutions: SnapshotPartition[];
  mergedWorks: MergedIdsFile[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Finds the partitions and merged-id files of a snapshot copy; `root` holds `data/`, or is `data/` itself. */
export async function readSnapshotPlan(
  root: string,
  options: { institutionsOnly?: boolean } = {},
): Promise<SnapshotPlan> {
  const entity = options.institutionsOnly ? 'institutions' : 'works';
  const dataDir = existsSync(join(root, 'data', entity)) ? join(root, 'data') : root;
  if (!existsSync(join(dataDir, entity))) {
    throw new InputError(root, null, null, `not an OpenAlex snapshot: no data/${entity} directory`);
  }
  const institutionsDir = join(dataDir, 'institutions');
  if (options.institutionsOnly) {
    return { dataDir, works: [], institutions: await readPartitions(dataDir, 'institutions'), mergedWorks: [] };
  }
  return {
    dataDir,
    works: await readPartitions(dataDir, 'works'),
    institutions: existsSync(institutionsDir) ? await readPartitions(dataDir, 'institutions') : [],
    mergedWorks: mergedIdsFiles(join(dataDir, 'merged_ids', 'works')),
  };
}

async function readPartitions(dataDir: string, entity: SnapshotEntity): Promise<SnapshotPartition[]> {
  const path = join(dataDir, entity, 'manifest');
  let manifest: Manifest;
  try {
    const text = await readFile(path, 'utf8');
    const parsed = manifestSchema.safeParse(JSON.parse(text));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InputError(path, null, issue?.path.join('.') ?? null, issue?.message ?? 'invalid manifest');
    }
    manifest = parsed.data;
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    // OpenAlex deletes the manifest while it writes a partition: without it the copy may be incomplete.
    if (code === 'ENOENT') throw new InputError(path, null, null, 'missing manifest: the snapshot copy is incomplete');
    throw new InputError(
      path,
      null,
      null,
      `invalid manifest: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const byDate = new Map<string, SnapshotFile[]>();
  manifest.entries.forEach((entry, i) => {
    // s3://openalex/data/works/updated_date=2024-01-01/part_000.gz → updated_date=2024-01-01/part_000.gz
    const m = new RegExp(`/${entity}/(updated_date=(\\d{4}-\\d{2}-\\d{2})/[^/]+\\.gz)$`).exec(entry.url);
    if (!m?.[1] || !m[2]) {
      throw new InputError(path, null, `entries.${i}.url`, `not a ${entity} partition file: "${entry.url}"`);
    }
    const file = join(dataDir, entity, m[1]);
    let size: number;
    try {
      size = statSync(file).size;
    } catch {
      throw new InputError(file, null, null, 'listed in the manifest but missing: the snapshot copy is incomplete');
    }
    const expected = entry.meta?.content_length;
    if (expected !== undefined && expected !== size) {
      throw new InputError(file, null, null, `${size} bytes, the manifest says ${expected}: incomplete download?`);
    }
    const files = byDate.get(m[2]) ?? [];
    files.push({ path: file, recordCount: entry.meta?.record_count ?? null });
    byDate.set(m[2], files);
  });
  return [...byDate]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, files]) => ({ entity, date, files: files.sort((a, b) => a.path.localeCompare(b.path)) }));
}

function mergedIdsFiles(dir: string): MergedIdsFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.csv.gz'))
    .sort()
    .map((name) => {
      const date = name.slice(0, -'.csv.gz'.length);
      if (!DATE.test(date))
        throw new InputError(join(dir, name), null, null, 'expected a file named YYYY-MM-DD.csv.gz');
      return { date, path: join(dir, name) };
    });
}

export interface TextLine {
  /** 1-based line number in the decompressed file. */
  line: number;
  text: string;
}

/**
 * The lines of a gzipped text file, a chunk at a time. A truncated or corrupt stream, or bytes that are not UTF-8,
 * end in an InputError naming the file and the line where reading stopped.
 */
/**
 * The longest line the reader accepts. An OpenAlex work is a few kilobytes (the largest seen, with thousands of
 * authors, a few megabytes); a longer "line" is a damaged or hostile file, refused before it fills memory.
 */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

export async function* gzipLines(path: string, maxLineBytes = MAX_LINE_BYTES): AsyncGenerator<TextLine[]> {
  const gunzip = createGunzip();
  const input = createReadStream(path);
  input.on('error', (error) => gunzip.destroy(error));
  input.pipe(gunzip);
  // The unfinished line's pieces, joined once when its newline arrives: linear in the line's length (joining at
  // every chunk was quadratic: a 60 MB line took minutes).
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let line = 0;
  const tooLong = () =>
    new InputError(
      path,
      line + 1,
      null,
      `line longer than ${maxLineBytes % 1048576 === 0 ? `${maxLineBytes / 1048576} MiB` : `${maxLineBytes} bytes`} (the limit of a line)`,
    );
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      const out: TextLine[] = [];
      let start = 0;
      for (let nl = chunk.indexOf(10, start); nl >= 0; nl = chunk.indexOf(10, start)) {
        const piece = chunk.subarray(start, nl);
        if (pendingBytes + piece.length > maxLineBytes) throw tooLong();
        const bytes: Buffer = pending.length > 0 ? Buffer.concat([...pending, piece]) : piece;
        pending = [];
        pendingBytes = 0;
        line++;
        if (bytes.length > 0) out.push({ line, text: decode(bytes, path, line) });
        start = nl + 1;
      }
      if (start < chunk.length) {
        const rest = chunk.subarray(start);
        pendingBytes += rest.length;
        if (pendingBytes > maxLineBytes) throw tooLong();
        pending.push(Buffer.from(rest));
      }
      if (out.length > 0) yield out;
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') throw new InputError(path, null, null, 'cannot read: ENOENT');
    const reason =
      e.code === 'Z_BUF_ERROR'
        ? 'truncated gzip stream (unexpected end of file)'
        : `corrupt gzip stream (${e.message})`;
    throw new InputError(path, line + 1, null, reason);
  } finally {
    input.destroy();
    gunzip.destroy();
  }
  if (pendingBytes > 0) yield [{ line: line + 1, text: decode(Buffer.concat(pending), path, line + 1) }];
}

function decode(bytes: Buffer, path: string, line: number): string {
  if (!isUtf8(bytes)) throw new InputError(path, line, null, 'not valid UTF-8');
  return bytes.toString('utf8');
}

/** JSON.parse with the error naming file and line. */
export function parseJsonLine(l: TextLine, path: string): unknown {
  try {
    return JSON.parse(l.text);
  } catch (error) {
    throw new InputError(
      path,
      l.line,
      null,
      `invalid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

export interface MergedId {
  line: number;
  id: string;
  mergeIntoId: string | null;
}

/** The work ids a merged_ids file deletes, in batches. */
export async function* readMergedIds(path: string): AsyncGenerator<MergedId[]> {
  let header = false;
  for await (const lines of gzipLines(path)) {
    const out: MergedId[] = [];
    for (const l of lines) {
      const cells = l.text.replace(/\r$/, '').split(',');
      if (!header) {
        if (cells.join(',') !== MERGED_IDS_HEADER.join(',')) {
          throw new InputError(path, l.line, null, `expected the header "${MERGED_IDS_HEADER.join(',')}"`);
        }
        header = true;
        continue;
      }
      if (cells.length !== MERGED_IDS_HEADER.length) {
        throw new InputError(path, l.line, null, `expected ${MERGED_IDS_HEADER.length} cells, found ${cells.length}`);
      }
      const [date, id, into] = cells as [string, string, string];
      if (!DATE.test(date)) throw new InputError(path, l.line, 'merge_date', `expected YYYY-MM-DD: "${date}"`);
      const key = workKey.safeParse(id);
      if (!key.success) throw new InputError(path, l.line, 'id', `expected a work id (W123): "${id}"`);
      const target = into === '' ? null : workKey.safeParse(into);
      if (target && !target.success) {
        throw new InputError(path, l.line, 'merge_into_id', `expected a work id (W123): "${into}"`);
      }
      out.push({ line: l.line, id: key.data, mergeIntoId: target ? (target.data ?? null) : null });
    }
    if (out.length > 0) yield out;
  }
  if (!header) throw new InputError(path, null, null, 'file is empty');
}
