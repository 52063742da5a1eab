/** `neijuan diff`, `neijuan changes`, `neijuan watch` and `neijuan export`: what changed, and take it with you. */
import type { Command } from 'commander';
import { exportAll } from '../../payloads/export.ts';
import { Db } from '../../store/db.ts';
import { sql } from '../../store/sql.ts';
import { diffDatabases } from '../../store/diff.ts';
import { CHANGE_KINDS, listChanges } from '../../store/queries/changes.ts';
import {
  isWatchlistName,
  readWatchlists,
  resolveWatchlist,
  unknownIds,
  watchlistFile,
  writeWatchlists,
} from '../../store/watchlists.ts';
import { type GlobalOptions, VERSION, dbPath, withReadOnlyDb } from '../context.ts';
import { printJson, printTable } from '../output.ts';

const summarize = (rows: { kind: string; op: string }[]) => {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(`${r.kind} ${r.op}`, (counts.get(`${r.kind} ${r.op}`) ?? 0) + 1);
  return [...counts.entries()].sort().map(([k, n]) => ({ change: k, count: n }));
};

export function changeCommands(program: Command): void {
  program
    .command('diff')
    .description(
      'what changed between two Neijuan database files: entities, facts, releases, relations, prices, observations',
    )
    .argument('<old>', 'the older database file')
    .argument('<new>', 'the newer database file')
    .option('--limit <n>', 'how many changes to print (the summary counts them all)', '50')
    .action(async (oldPath: string, newPath: string, opts: { limit: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const rows = await diffDatabases(oldPath, newPath);
      if (g.json) return printJson({ old: oldPath, new: newPath, summary: summarize(rows), changes: rows });
      printTable(summarize(rows));
      if (Number(opts.limit) > 0)
        printTable(rows.slice(0, Math.max(0, Number(opts.limit) || 0)), [
          'kind',
          'op',
          'entity_id',
          'what',
          'old_value',
          'new_value',
          'source_id',
        ]);
      if (rows.length > Number(opts.limit))
        process.stdout.write(`… and ${rows.length - Number(opts.limit)} more (--limit, or --json for all)\n`);
    });

  program
    .command('migrate')
    .description(
      "bring a database file to this version's schema (what diff needs of an older file); nothing else changes",
    )
    .action(async (_opts: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const db = await Db.open({ path: dbPath(g) });
      try {
        const v = await db.one<{ v: number }>(sql`SELECT max(version)::INT AS v FROM schema_migrations`);
        if (g.json) return printJson({ db: dbPath(g), schema: v?.v ?? null });
        process.stdout.write(`${dbPath(g)}: schema version ${v?.v ?? 'none'}\n`);
      } finally {
        db.close();
      }
    });

  program
    .command('changes')
    .description('the changes recorded by builds and ingests, newest first')
    .option('--since <date>', 'only changes recorded on or after this date (YYYY-MM-DD)')
    .option('--kind <kind>', `one kind: ${CHANGE_KINDS.join(', ')}`)
    .option('--entity <id>', 'changes about one entity (and what it made)')
    .option('--watchlist <name-or-ids>', 'a watchlist name, or entity ids separated by commas')
    .option('--limit <n>', 'how many', '50')
    .action(
      async (
        opts: { since?: string; kind?: string; entity?: string; watchlist?: string; limit: string },
        cmd: Command,
      ) => {
        const g = cmd.optsWithGlobals<GlobalOptions>();
        if (opts.kind && !(CHANGE_KINDS as readonly string[]).includes(opts.kind))
          throw new Error(`--kind must be one of ${CHANGE_KINDS.join(', ')}`);
        if (opts.since && !/^\d{4}-\d{2}-\d{2}$/.test(opts.since))
          throw new Error('--since must be a date like 2026-12-01');
        const page = await withReadOnlyDb(g, async (db) =>
          listChanges(db, {
            since: opts.since ?? null,
            kind: opts.kind ?? null,
            entity: opts.entity ?? null,
            segment: null,
            city: null,
            entities: opts.watchlist ? await resolveWatchlist(db, watchlistFile(dbPath(g)), opts.watchlist) : null,
            limit: Math.min(Math.max(Number(opts.limit) || 50, 1), 10_000),
            offset: 0,
          }),
        );
        if (g.json) return printJson(page);
        printTable(page.rows, ['at', 'kind', 'op', 'entity_id', 'what', 'old_value', 'new_value', 'source_id']);
        process.stdout.write(`${page.rows.length} of ${page.total} changes\n`);
      },
    );

  const watch = program.command('watch').description('watchlists: named lists of entities whose changes you follow');
  const edit = (verb: 'add' | 'remove') =>
    watch
      .command(verb)
      .description(verb === 'add' ? 'add entities to a watchlist (made if new)' : 'remove entities from a watchlist')
      .argument('<ids...>', 'entity ids, e.g. org:deepseek')
      .requiredOption('--list <name>', 'the watchlist')
      .action(async (ids: string[], opts: { list: string }, cmd: Command) => {
        const g = cmd.optsWithGlobals<GlobalOptions>();
        const file = watchlistFile(dbPath(g));
        if (!isWatchlistName(opts.list)) throw new Error('--list: 1–40 of a-z, 0-9, _ and -');
        if (verb === 'add') {
          const unknown = await withReadOnlyDb(g, (db) => unknownIds(db, ids));
          if (unknown.length > 0)
            throw new Error(`unknown entity id${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`);
        }
        const lists = readWatchlists(file);
        const current = new Set(lists[opts.list] ?? []);
        for (const id of ids) {
          if (verb === 'add') current.add(id);
          else current.delete(id);
        }
        if (current.size === 0) delete lists[opts.list];
        else lists[opts.list] = [...current].sort();
        writeWatchlists(file, lists);
        if (g.json) return printJson({ list: opts.list, ids: lists[opts.list] ?? [] });
        process.stdout.write(`${opts.list}: ${(lists[opts.list] ?? []).join(', ') || '(empty, removed)'}\n`);
      });
  edit('add');
  edit('remove');
  watch
    .command('list')
    .description('the watchlists beside the database')
    .action((_opts: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const lists = readWatchlists(watchlistFile(dbPath(g)));
      if (g.json) return printJson({ lists });
      printTable(Object.entries(lists).map(([name, ids]) => ({ name, entities: ids.length, ids: ids.join(', ') })));
    });

  program
    .command('export')
    .description('every public table and payload table, with sources and a Frictionless datapackage.json')
    .requiredOption('--out <dir>', 'the directory to write into')
    .option('--format <format>', 'parquet, csv or duckdb', 'parquet')
    .action(async (opts: { out: string; format: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      if (!['parquet', 'csv', 'duckdb'].includes(opts.format))
        throw new Error('--format must be parquet, csv or duckdb');
      const db = await Db.open({ path: dbPath(g), readOnly: true });
      try {
        const result = await exportAll(db, opts.out, opts.format as 'parquet' | 'csv' | 'duckdb', { version: VERSION });
        if (g.json)
          return printJson({
            dir: result.dir,
            format: result.format,
            files: result.files,
            tables: result.tables.map((t) => ({ name: t.name, rows: t.rows })),
          });
        printTable(result.tables.map((t) => ({ table: t.name, rows: t.rows, columns: t.columns.length })));
        process.stdout.write(
          `wrote ${result.files.length} files to ${result.dir} (${result.format}, with datapackage.json)\n`,
        );
      } finally {
        db.close();
      }
    });
}
