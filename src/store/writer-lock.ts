/**
 * One writer per database file, build included. DuckDB locks a file only while it is open; a build writes another
 * file and renames it over the database, which DuckDB's lock cannot see. So every writer (ingest, snapshot sync,
 * build) first takes `<db>.writer.lock`, created exclusively, holding its PID. A second writer fails fast, naming the
 * holder; a lock whose process is gone is stale and is taken over.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

export class WriterBusyError extends Error {
  constructor(
    readonly path: string,
    readonly pid: number,
    readonly since: string,
  ) {
    super(
      `database ${path} is being written by process ${pid} (since ${since}); wait for it to finish, ` +
        `or stop it (lock file ${path}.writer.lock)`,
    );
    this.name = 'WriterBusyError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const held = new Map<string, WriterLock>();

export class WriterLock {
  private released = false;

  private constructor(readonly file: string) {}

  /** Takes the writer lock of the database at `path`, or throws WriterBusyError naming the holder. */
  static acquire(path: string): WriterLock {
    const file = `${path}.writer.lock`;
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        writeFileSync(file, JSON.stringify({ pid: process.pid, since: new Date().toISOString() }), { flag: 'wx' });
        const lock = new WriterLock(file);
        held.set(file, lock);
        return lock;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      let holder: { pid?: number; since?: string } = {};
      try {
        holder = JSON.parse(readFileSync(file, 'utf8')) as { pid?: number; since?: string };
      } catch {
        // Half-written by a writer killed while creating it: stale.
      }
      if (typeof holder.pid === 'number' && alive(holder.pid)) {
        throw new WriterBusyError(path, holder.pid, holder.since ?? 'unknown');
      }
      rmSync(file, { force: true });
    }
    throw new Error(`cannot take the writer lock ${file}`);
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    held.delete(this.file);
    rmSync(this.file, { force: true });
  }
}

// A writer that exits (or is interrupted) without closing still leaves no lock behind; kill -9 leaves a stale one,
// which the next writer takes over.
process.once('exit', () => {
  for (const lock of held.values()) lock.release();
});
