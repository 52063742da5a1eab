/**
 * The contract every connector passes, offline, against its recorded fixtures: maps every fixture, is idempotent
 * (row counts and table checksums unchanged by a second run), rejects damaged input naming file and line or field
 * while leaving the database unchanged, records a source and a run-log row, and makes its entities findable.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SearchIndex } from '../../src/analytics/search-index.ts';
import { ingest } from '../../src/ingest/pipeline.ts';
import { InputError } from '../../src/model/errors.ts';
import type { Connector } from '../../src/sources/source.ts';
import { Db } from '../../src/store/db.ts';
import { searchDocuments } from '../../src/store/queries/entities.ts';
import { tableChecksums } from '../../src/store/queries/integrity.ts';
import { listRuns } from '../../src/store/queries/runs.ts';
import { sql } from '../../src/store/sql.ts';
import { TABLES } from '../../src/store/tables.ts';
import { bundledDb } from './bundled.ts';

const TABLE_NAMES = Object.values(TABLES).map((t) => t.name);

export interface ContractCase<R> {
  connector: Connector<R>;
  /** Inputs (files or directories) that must ingest. */
  fixtures: string[];
  /** Inputs that must be refused: the error message must match `expect` (it names file and line or field). */
  damaged: { input: string; expect: RegExp }[];
  /** Queries that must find these entity ids first after ingesting the fixtures (Chinese and English names). */
  findable?: { query: string; id: string }[];
  /** Load the bundled dataset first, as a real build does (resolution onto curated entities). Default true. */
  onBundled?: boolean;
}

export function connectorContract<R>(c: ContractCase<R>): void {
  describe(`connector contract: ${c.connector.name}`, () => {
    let db: Db;
    before(async () => {
      db = (c.onBundled ?? true) ? await bundledDb() : await Db.open({ path: ':memory:' });
    });
    after(() => db.close());

    test('maps every fixture, recording a source and a run-log row', async () => {
      for (const input of c.fixtures) {
        const summary = await ingest(db, c.connector, input);
        assert.ok(summary.read > 0, `${input}: read nothing`);
        const [run] = await listRuns(db, 1);
        assert.equal(run?.status, summary.status);
        assert.equal(run?.input, input);
        const sources = await db.one<{ n: number }>(
          sql`SELECT count(*)::INT AS n FROM sources WHERE dataset = ${summary.dataset}`,
        );
        assert.ok((sources?.n ?? 0) > 0, `${input}: no source recorded`);
      }
    });

    test('is idempotent: a second run changes no table', async () => {
      for (const input of c.fixtures) {
        const before = await tableChecksums(db, TABLE_NAMES);
        const again = await ingest(db, c.connector, input);
        assert.deepEqual(await tableChecksums(db, TABLE_NAMES), before, input);
        assert.equal(again.status, 'unchanged', input);
      }
    });

    test('rejects damaged input clearly and leaves the database unchanged', async () => {
      for (const d of c.damaged) {
        const before = await tableChecksums(db, TABLE_NAMES);
        await assert.rejects(ingest(db, c.connector, d.input), (e: unknown) => {
          assert.ok(e instanceof InputError, `${d.input}: expected an InputError, got ${String(e)}`);
          assert.match(e.message, d.expect);
          return true;
        });
        assert.deepEqual(await tableChecksums(db, TABLE_NAMES), before, d.input);
        const [run] = await listRuns(db, 1);
        assert.equal(run?.status, 'failed');
      }
    });

    if (c.findable && c.findable.length > 0) {
      test('its entities are findable by Chinese and English name', async () => {
        const index = new SearchIndex(await searchDocuments(db));
        for (const f of c.findable ?? []) assert.equal(index.search(f.query, 1)[0]?.id, f.id, f.query);
      });
    }
  });
}
