/** The only door to DuckDB: open, query through `sql`, transactions, migrations. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBConnection, DuckDBInstance, type DuckDBResultReader } from '@duckdb/node-api';
import { markAbandonedRuns } from './queries/runs.ts';
import { type Sql, toDuckParams } from './sql.ts';
import { WriterLock } from './writer-lock.ts';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
/**
 * A connector's own tables (Epoch's models, OpenAlex's snapshot bookkeeping, the CAC filing records) come from its
 * folder: sources/<connector>/migrations/NNN_name.sql, applied after the core migrations and recorded per connector.
 * The store reads them as files; it imports nothing from sources/.
 */
const SOURCES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'sources');

export interface OpenOptions {
  /** A file path, or ':memory:' for tests. */
  path: string;
  readOnly?: boolean;
  /**
   * Connections for concurrent reads (read-only databases only: a writer's transaction needs one connection).
   * Default 1.
   */
  connections?: number;
  /** Interrupt any single statement running longer than this (milliseconds). Default: no limit. */
  queryTimeoutMs?: number;
  /**
   * The caller already holds this file's writer lock (a build checkpointing the database it replaces). Otherwise a
   * writable file database takes the lock itself and fails fast, naming the holder, when another writer has it.
   */
  writerLockHeld?: boolean;
}

/** A statement ran past the time limit and was interrupted. */
export class QueryTimeoutError extends Error {
  override name = 'QueryTimeoutError';
}

/** One connection and a queue, so a connection runs one statement at a time and can be interrupted safely. */
class Lane {
  private tail: Promise<unknown> = Promise.resolve();
  pending = 0;
  constructor(readonly connection: DuckDBConnection) {}
  run<T>(work: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    this.pending++;
    const result = this.tail.then(() => work(this.connection));
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result.finally(() => {
      this.pending--;
    });
  }
}

/** Row values as JavaScript: numbers, strings, booleans, null (cast 64-bit integers in SQL). */
export type Row = Record<string, unknown>;

/**
 * The statement's parameters for the binding, or none: without parameters DuckDB runs the text in one call (several
 * statements too); with them (even none), the binding sends each statement but the last on its own.
 */
function duckParams(query: Sql): ReturnType<typeof toDuckParams> | undefined {
  return query.params.length > 0 ? toDuckParams(query.params) : undefined;
}

export class Db {
  private readonly lanes: Lane[];
  /** Open transactions (a reading view sees committed data only, so none may be open when one is made). */
  private transactions = 0;
  /** A reading view's rows per distinct statement; null on a database itself. */
  private memo: Map<string, Promise<DuckDBResultReader>> | null = null;
  private ownsInstance = true;
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    readonly path: string,
    readonly readOnly: boolean,
    extra: DuckDBConnection[],
    private readonly queryTimeoutMs: number | null,
    private readonly lock: WriterLock | null,
  ) {
    this.lanes = [new Lane(connection), ...extra.map((c) => new Lane(c))];
  }

  /** Opens (and, when writable, migrates) a database. A file locked by another process gets a clear error. */
  static async open(options: OpenOptions): Promise<Db> {
    const readOnly = options.readOnly ?? false;
    const lock =
      readOnly || options.path === ':memory:' || options.writerLockHeld ? null : WriterLock.acquire(options.path);
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(
        options.path,
        readOnly ? { access_mode: 'READ_ONLY' } : { access_mode: 'READ_WRITE' },
      );
    } catch (error) {
      lock?.release();
      const message = error instanceof Error ? error.message : String(error);
      if (/lock/i.test(message)) {
        throw new Error(
          `database ${options.path} is in use by another process (a running server or ingest); ` +
            `stop it or query it through its API (${message})`,
        );
      }
      throw new Error(`cannot open database ${options.path}: ${message}`);
    }
    const connection = await instance.connect();
    const count = readOnly ? Math.max(1, options.connections ?? 1) : 1;
    const extra: DuckDBConnection[] = [];
    for (let i = 1; i < count; i++) extra.push(await instance.connect());
    const db = new Db(instance, connection, options.path, readOnly, extra, options.queryTimeoutMs ?? null, lock);
    if (!readOnly) {
      try {
        await db.migrate();
        // This process is the only writer now: runs still "running" belong to a process that died.
        await markAbandonedRuns(db);
      } catch (error) {
        db.close(); // releases the writer lock too
        throw error;
      }
    }
    return db;
  }

  /** The least busy connection's lane; a statement there can be interrupted without touching another. */
  private lane(): Lane {
    return this.lanes.reduce((best, l) => (l.pending < best.pending ? l : best));
  }

  private async timed<T>(work: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    return this.lane().run(async (c) => {
      if (this.queryTimeoutMs === null) return work(c);
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        c.interrupt();
      }, this.queryTimeoutMs);
      try {
        return await work(c);
      } catch (error) {
        if (timedOut) throw new QueryTimeoutError(`query took longer than ${this.queryTimeoutMs} ms and was stopped`);
        throw error;
      } finally {
        clearTimeout(timer);
      }
    });
  }

  /** Runs a statement and returns its rows as plain objects. */
  async all<T extends object = Row>(query: Sql): Promise<T[]> {
    if (!this.memo) return (await this.reader(query)).getRowObjectsJS() as T[];
    const key = `${query.text}\u0000${JSON.stringify(query.params, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))}`;
    let result = this.memo.get(key);
    if (!result) {
      const memo = this.memo;
      result = this.reader(query);
      memo.set(key, result);
      result.catch(() => memo.delete(key));
    }
    // The rows are made anew from the result for each caller (who may sort or change them): no copy of a copy.
    return (await result).getRowObjectsJS() as T[];
  }

  /**
   * `all`, the rows carried as JSON: DuckDB writes each row as JSON text, V8 parses them. For thousands of rows it
   * takes about a third less time than making each value in JavaScript. Only for rows JSON carries as `all` gives
   * them: text, INTEGER and DOUBLE, booleans, NULLs, and lists and structs of them (not BIGINT, which `all` gives as
   * BigInt, nor dates).
   */
  async allJson<T extends object = Row>(query: Sql): Promise<T[]> {
    const rows = await this.all<{ j: string }>({
      text: `SELECT to_json(q)::VARCHAR AS j FROM (${query.text}) q`,
      params: query.params,
    });
    return JSON.parse(`[${rows.map((r) => r.j).join(',')}]`) as T[];
  }

  private async reader(query: Sql): Promise<DuckDBResultReader> {
    return this.timed((c) => c.runAndReadAll(query.text, duckParams(query)));
  }

  /**
   * Runs `work` on a reading view of this database: `connections` more connections to the same data, so the queries
   * of concurrent work run side by side, and the rows of each distinct statement read once (the same question asked
   * by several payloads is answered once). The data must not change meanwhile: the view refuses writes, and it
   * cannot be made inside a transaction (its connections would not see what the transaction wrote).
   */
  async readingView<T>(connections: number, work: (view: Db) => Promise<T>): Promise<T> {
    if (this.transactions > 0)
      throw new Error('a reading view sees committed data only: make it outside a transaction');
    const made: DuckDBConnection[] = [];
    for (let i = 0; i < Math.max(1, connections); i++) made.push(await this.instance.connect());
    const [first, ...extra] = made as [DuckDBConnection, ...DuckDBConnection[]];
    const view = new Db(this.instance, first, this.path, true, extra, this.queryTimeoutMs, null);
    view.memo = new Map();
    view.ownsInstance = false;
    try {
      return await work(view);
    } finally {
      view.close();
    }
  }

  /**
   * Runs `work` with another connection to this database: its statements run beside this one's (DuckDB shares its
   * threads between them) in transactions of its own, so it sees only what is committed, and this connection sees
   * what it commits. It closes when `work` ends.
   */
  async beside<T>(work: (other: Db) => Promise<T>): Promise<T> {
    const connection = await this.instance.connect();
    const other = new Db(this.instance, connection, this.path, this.readOnly, [], this.queryTimeoutMs, null);
    other.ownsInstance = false;
    try {
      return await work(other);
    } finally {
      other.close();
    }
  }

  private refuseOnView(): void {
    if (this.memo) throw new Error('a reading view does not write');
  }

  /** The first row, or undefined. */
  async one<T extends object = Row>(query: Sql): Promise<T | undefined> {
    const rows = await this.all<T>(query);
    return rows[0];
  }

  /** Runs a statement for its effect. */
  async run(query: Sql): Promise<void> {
    this.refuseOnView();
    await this.timed((c) => c.run(query.text, duckParams(query)));
  }

  /** Runs trusted, parameterless SQL text (an INSERT, UPDATE or DELETE) and returns how many rows it changed. */
  async runCounting(text: string): Promise<number> {
    this.refuseOnView();
    return Number((await this.connection.run(text)).rowsChanged);
  }

  /** Runs trusted, parameterless SQL text (migrations, DDL built from typed constants). */
  async exec(text: string): Promise<void> {
    this.refuseOnView();
    await this.connection.run(text);
  }

  /** Runs `work` in one transaction: all of it lands, or none. */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    await this.exec('BEGIN TRANSACTION');
    this.transactions++;
    try {
      const result = await work();
      await this.exec('COMMIT');
      return result;
    } catch (error) {
      await this.exec('ROLLBACK');
      throw error;
    } finally {
      this.transactions--;
    }
  }

  /** The DuckDB connection, for the appender and statement inspection only. */
  get raw(): DuckDBConnection {
    return this.connection;
  }

  /**
   * Applies the numbered migrations (NNN_name.sql) not yet applied, the core's, then each connector's own
   * (connector_migrations records those by connector folder and version), all in one transaction: a database is at
   * one schema or the one before, never between two, and a new one is made in one commit instead of one per file
   * (each commit waits for the disk; a build's open step took 75–85 ms, most of it those commits).
   */
  private async migrate(): Promise<void> {
    await this.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL);\n' +
        'CREATE TABLE IF NOT EXISTS connector_migrations (connector VARCHAR NOT NULL, version INTEGER NOT NULL, ' +
        'name VARCHAR NOT NULL, PRIMARY KEY (connector, version))',
    );
    const reader = await this.connection.runAndReadAll(
      "SELECT '' AS connector, CAST(version AS INTEGER) AS v FROM schema_migrations UNION ALL " +
        'SELECT connector, CAST(version AS INTEGER) FROM connector_migrations',
    );
    const applied = new Set(reader.getRowObjectsJS().map((r) => `${String(r.connector)}/${Number(r.v)}`));
    const core = readdirSync(MIGRATIONS_DIR)
      .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
      .sort()
      .map((file) => ({ connector: '', file, version: Number(file.slice(0, 3)) }));
    const pending = [...core, ...connectorMigrations()].filter((m) => !applied.has(`${m.connector}/${m.version}`));
    if (pending.length === 0) return;
    await this.transaction(async () => {
      for (const { connector, file, version } of pending) {
        const dir = connector === '' ? MIGRATIONS_DIR : join(SOURCES_DIR, connector, 'migrations');
        await this.exec(readFileSync(join(dir, file), 'utf8'));
        if (connector === '') {
          await this.connection.run('INSERT INTO schema_migrations VALUES ($1, $2)', [version, file]);
        } else {
          await this.connection.run('INSERT INTO connector_migrations VALUES ($1, $2, $3)', [connector, version, file]);
        }
      }
    });
  }

  close(): void {
    for (const lane of this.lanes.slice(1)) lane.connection.closeSync();
    this.connection.closeSync();
    if (this.ownsInstance) this.instance.closeSync();
    this.lock?.release();
  }
}

/** Every connector's migration files, by connector folder then version. */
export function connectorMigrations(): { connector: string; file: string; version: number }[] {
  if (!existsSync(SOURCES_DIR)) return [];
  return readdirSync(SOURCES_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(SOURCES_DIR, e.name, 'migrations')))
    .flatMap((e) =>
      readdirSync(join(SOURCES_DIR, e.name, 'migrations'))
        .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
        .map((file) => ({ connector: e.name, file, version: Number(file.slice(0, 3)) })),
    )
    .sort((a, b) => a.connector.localeCompare(b.connector) || a.version - b.version);
}
