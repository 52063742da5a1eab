/**
 * Where a live sync keeps its place: per organisation, the next page's URL, saved after every page, and the pages
 * already fetched, so a crash or Ctrl-C resumes where it stopped without refetching or losing what it had.
 *
 * The file store writes the state to one JSON file and each page, verbatim, beside it under
 * `huggingface-<syncDate>/<org>/<NNNN>.json`. That directory is itself a recorded input: once the sync is complete,
 * `neijuan ingest huggingface --file <dir>` re-ingests it offline.
 */
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { InputError } from '../../model/errors.ts';

const orgCursorSchema = z.object({
  /** The URL of the next page to fetch; null once the organisation is done. */
  next: z.string().nullable(),
  /** Pages fetched and saved so far. */
  pages: z.number().int().nonnegative(),
  /** When this organisation's sync started (ISO): becomes its `lastSync` once it completes. */
  startedAt: z.string(),
  /** The previous completed sync this one compares lastModified against (changed-only mode), fixed at the start. */
  since: z.string().nullable(),
  done: z.boolean(),
});

const syncStateSchema = z.object({
  version: z.literal(1),
  syncDate: z.string(),
  orgs: z.record(z.string(), orgCursorSchema),
  /** Per organisation, when its last completed sync started (ISO). */
  lastSync: z.record(z.string(), z.string()),
});

export type OrgCursor = z.infer<typeof orgCursorSchema>;
export type SyncState = z.infer<typeof syncStateSchema>;

export interface SavedPage {
  index: number;
  body: string;
  /** Where the page is kept (a file path), for messages. */
  where: string;
}

export interface CursorStore {
  load(): Promise<SyncState | null>;
  save(state: SyncState): Promise<void>;
  savePage(syncDate: string, org: string, index: number, body: string): Promise<void>;
  /** The saved pages of one organisation, in page order. */
  loadPages(syncDate: string, org: string): Promise<SavedPage[]>;
}

const pageName = (index: number) => `${String(index).padStart(4, '0')}.json`;

/** A handle as a directory name: the Hub allows letters, digits, "-", "_" and "."; anything else is refused. */
function orgDir(org: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(org)) throw new Error(`"${org}" is not a Hugging Face organisation name`);
  return org;
}

/** Writes a file whole or not at all (a crash mid-write leaves the previous version). */
async function writeAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.partial-${process.pid}`;
  await writeFile(tmp, text);
  await rename(tmp, path);
}

export function fileCursorStore(path: string): CursorStore {
  const pagesDir = (syncDate: string, org: string) => join(dirname(path), `huggingface-${syncDate}`, orgDir(org));
  return {
    async load() {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new InputError(path, null, null, 'the sync cursor file is not valid JSON; move it away to start over');
      }
      const parsed = syncStateSchema.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new InputError(path, null, (issue?.path ?? []).join('.'), `not a sync cursor file: ${issue?.message}`);
      }
      return parsed.data;
    },
    async save(state) {
      await writeAtomically(path, `${JSON.stringify(state, null, 2)}\n`);
    },
    async savePage(syncDate, org, index, body) {
      await writeAtomically(join(pagesDir(syncDate, org), pageName(index)), body);
    },
    async loadPages(syncDate, org) {
      const dir = pagesDir(syncDate, org);
      let names: string[];
      try {
        names = (await readdir(dir))
          .filter((n) => /^\d{4,}\.json$/.test(n))
          .sort((a, b) => Number(a.slice(0, -5)) - Number(b.slice(0, -5)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      return Promise.all(
        names.map(async (n) => ({
          index: Number(n.slice(0, -5)),
          body: await readFile(join(dir, n), 'utf8'),
          where: join(dir, n),
        })),
      );
    },
  };
}
