import type { Command } from 'commander';
import { INPUTS, type SyncDefinition, inputDefinition } from '../../ingest/inputs.ts';
import { reduceOpenAlexSnapshot, writeOpenAlexSubjects } from '../../ingest/openalex-aggregates.ts';
import { ingest } from '../../ingest/pipeline.ts';
import { prepareServing } from '../../api/serving.ts';
import { createHttpClient } from '../../sources/http/http-client.ts';
import { fileCursorStore } from '../../sources/huggingface/cursor-store.ts';
import { LISTING_URL } from '../../sources/huggingface/listing.ts';
import { DEFAULT_ORGS } from '../../sources/huggingface/orgs.ts';
import { huggingfaceLiveConnector } from '../../sources/huggingface/source.ts';
import { GROUP_BY_FIELDS } from '../../sources/openalex/map.ts';
import { DEFAULT_LIVE_FILTER, createOpenAlexLiveConnector } from '../../sources/openalex/source.ts';
import type { Connector } from '../../sources/source.ts';
import { ENTITY_DATA_URL, wikidataLiveConnector } from '../../sources/wikidata/source.ts';
import { Db } from '../../store/db.ts';
import { wikidataFacts } from '../../store/queries/entities.ts';
import { openalexGeoContext } from '../../store/queries/openalex.ts';
import { type GlobalOptions, dbPath } from '../context.ts';
import { printJson, printTable, progressBar } from '../output.ts';

interface IngestOptions {
  file?: string;
  live?: boolean;
  mailto?: string;
  orgs?: string;
  state: string;
  changedOnly?: boolean;
  syncDate?: string;
  qids?: string;
  filter?: string;
  works?: boolean;
  mapping?: string;
  allowShrink?: boolean;
  snapshotDate?: string;
  full?: boolean;
  institutionsOnly?: boolean;
}

const list = (text: string | undefined) =>
  (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

export function ingestCommand(program: Command): void {
  program
    .command('ingest-snapshot')
    .description('sync an OpenAlex bulk snapshot: the same as `neijuan ingest openalex-snapshot --file <root>`')
    .requiredOption('--dir <root>', 'snapshot root (the folder holding data/works/…)')
    .option('--full', 'read every partition again, not only the new ones')
    .option('--institutions-only', 'sync only data/institutions (before reducing the works elsewhere: docs/SCALE.md)')
    .action(async (opts: { dir: string; full?: boolean; institutionsOnly?: boolean }, cmd: Command) => {
      const { dir, ...rest } = opts;
      await runSync(snapshotSync(), cmd.optsWithGlobals<GlobalOptions>(), { ...rest, file: dir, state: '' });
    });

  program
    .command('openalex-reduce')
    .description(
      'run the scale-out SQL (institutions.sql or counts.sql) over a local snapshot copy with DuckDB, into Parquet',
    )
    .requiredOption('--dir <root>', 'snapshot root (the folder holding data/works/…)')
    .requiredOption('--step <step>', 'institutions (the institutions counted works name) or counts')
    .requiredOption('--out <file>', 'the Parquet file to write')
    .option('--subjects <file>', 'counts: the institution subjects from `neijuan openalex-subjects`')
    .action(async (opts: { dir: string; step: string; out: string; subjects?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      if (opts.step !== 'institutions' && opts.step !== 'counts') {
        throw new Error(`--step: institutions or counts, not "${opts.step}"`);
      }
      if (opts.step === 'counts' && !opts.subjects) throw new Error('--step counts needs --subjects <file>');
      // DuckDB does the work; the database is only where it runs.
      const db = await Db.open({ path: ':memory:' });
      try {
        const started = performance.now();
        await reduceOpenAlexSnapshot(
          db,
          opts.dir,
          opts.step === 'counts'
            ? { kind: 'counts', subjects: opts.subjects ?? '', out: opts.out }
            : { kind: 'institutions', out: opts.out },
        );
        const seconds = Math.round(performance.now() - started) / 1000;
        if (g.json) printJson({ step: opts.step, out: opts.out, seconds });
        else process.stdout.write(`wrote ${opts.out} in ${seconds} s\n`);
      } finally {
        db.close();
      }
    });

  program
    .command('openalex-subjects')
    .description("map the institutions a reduced snapshot names, and write every institution's subjects (Parquet)")
    .requiredOption('--seen <file>', 'institutions.sql output (Parquet)')
    .requiredOption('--out <file>', 'the subjects file to write, for counts.sql')
    .requiredOption('--snapshot-date <date>', 'the date of the snapshot')
    .action(async (opts: { seen: string; out: string; snapshotDate: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const db = await Db.open({ path: dbPath(g) });
      try {
        const r = await writeOpenAlexSubjects(db, opts.seen, opts.out, { snapshotDate: opts.snapshotDate });
        await prepareServing(db);
        if (g.json) printJson(r);
        else
          process.stdout.write(
            `${r.institutions} institutions mapped; ${r.subjects} subjects written to ${opts.out}\n`,
          );
      } finally {
        db.close();
      }
    });

  const command = program
    .command('ingest')
    .description(
      `ingest one input into the database (${INPUTS.map((d) => d.name).join(', ')}); ` +
        're-running it changes nothing',
    )
    .argument('<connector>', INPUTS.map((d) => `${d.name}: ${d.reads}`).join('; '))
    .option('--file <path>', 'input file or directory')
    .option('--live', 'huggingface, wikidata: fetch from the live API instead of reading a file')
    .option('--mailto <address>', 'with --live: a contact address, sent in the User-Agent')
    .option(
      '--orgs <handles>',
      `huggingface --live: comma-separated organisations (default: ${DEFAULT_ORGS.join(',')})`,
    )
    .option(
      '--state <path>',
      'huggingface --live: sync cursor file; fetched pages are kept beside it',
      '.neijuan/huggingface/cursor.json',
    )
    .option('--changed-only', 'huggingface --live: stop paging at repos not modified since the last completed sync')
    .option('--sync-date <date>', 'huggingface --live: the date observations are filed under (default: today, UTC)')
    .option('--qids <ids>', 'wikidata --live: comma-separated item ids (Q…)')
    .option('--filter <filter>', `openalex --live: an OpenAlex works filter (default: ${DEFAULT_LIVE_FILTER})`)
    .option('--works', 'openalex --live: page through the works themselves (default: group_by aggregates only)')
    .option(
      '--mapping <yaml>',
      'csv: the mapping file that turns the CSV into entities, facts, relations, observations',
    )
    .option(
      '--allow-shrink',
      'let this input delete more than 20 % of its dataset (or empty it); refused otherwise, as a cut input',
    );
  for (const def of INPUTS) {
    if (def.kind === 'sync') for (const [flags, help] of def.options) command.option(flags, help);
  }
  command.action(async (name: string, opts: IngestOptions, cmd: Command) => {
    const g = cmd.optsWithGlobals<GlobalOptions>();
    const def = inputDefinition(name);
    // An option another input reads is refused rather than ignored.
    const given = {
      '--full': opts.full,
      '--institutions-only': opts.institutionsOnly,
      '--snapshot-date': opts.snapshotDate,
    };
    for (const other of INPUTS) {
      if (other.kind !== 'sync' || other === def) continue;
      for (const [flags] of other.options) {
        const flag = flags.split(' ')[0] as keyof typeof given;
        if (given[flag] !== undefined) throw new Error(`${flag} is for ${other.name}, not ${name}`);
      }
    }
    if (def.kind === 'sync') {
      if (opts.live) throw new Error(`--live is not for ${name}: it reads a local copy (--file)`);
      return runSync(def, g, opts);
    }
    if (name === 'csv' && !opts.mapping)
      throw new Error('csv needs --mapping <yaml> (see src/sources/csv-mapping/fixtures)');
    const db = await Db.open({ path: dbPath(g) });
    const bar = progressBar(!g.json);
    // Ctrl-C cancels the request in flight; a Hugging Face sync resumes from its cursor file on the next run.
    const abort = new AbortController();
    const onSigint = () => abort.abort(new Error('interrupted'));
    process.once('SIGINT', onSigint);
    try {
      let input: string;
      let connector: Connector<unknown>;
      if (opts.live) {
        const today = new Date().toISOString().slice(0, 10);
        const http = createHttpClient({
          fetch,
          sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
          now: Date.now,
          mailto: opts.mailto ?? null,
          onRetry: (e) => process.stderr.write(`retrying ${e.url} (${e.reason}) in ${Math.ceil(e.waitMs / 1000)} s\n`),
        });
        if (name === 'huggingface') {
          connector = huggingfaceLiveConnector({
            orgs: opts.orgs ? list(opts.orgs) : DEFAULT_ORGS,
            http,
            syncDate: opts.syncDate ?? today,
            cursorStore: fileCursorStore(opts.state),
            mode: opts.changedOnly ? 'changed' : 'all',
            now: Date.now,
            signal: abort.signal,
          });
          input = LISTING_URL;
        } else if (name === 'openalex') {
          if (!opts.mailto) throw new Error('--mailto is required for OpenAlex (its polite pool)');
          connector = createOpenAlexLiveConnector({
            http,
            mailto: opts.mailto,
            apiKey: process.env.OPENALEX_API_KEY ?? null,
            signal: abort.signal,
            geo: () => openalexGeoContext(db),
            mode: opts.works ? { kind: 'works', maxWorks: 50_000 } : { kind: 'groups', fields: GROUP_BY_FIELDS },
            years: { from: 2015, to: 2025 },
            today: () => today,
          });
          input = opts.filter ?? DEFAULT_LIVE_FILTER;
        } else if (name === 'wikidata') {
          connector = wikidataLiveConnector({
            qids: list(opts.qids),
            http,
            retrieved: today,
            signal: abort.signal,
            qidFacts: await wikidataFacts(db),
          });
          input = ENTITY_DATA_URL;
        } else {
          throw new Error(`--live works for huggingface, wikidata and openalex, not "${name}"`);
        }
      } else {
        if (!opts.file) throw new Error('--file <path> is required (or --live, for huggingface and wikidata)');
        connector = await def.create({
          ...(opts.mapping ? { mapping: opts.mapping } : {}),
          geo: () => openalexGeoContext(db),
          qidFacts: () => wikidataFacts(db),
        });
        input = opts.file;
      }
      const summary = await ingest(db, connector, input, bar.progress, { allowShrink: opts.allowShrink ?? false });
      bar.stop();
      await prepareServing(db);
      if (g.json) printJson(summary);
      else printTable([{ ...summary }]);
    } finally {
      process.off('SIGINT', onSigint);
      bar.stop();
      db.close();
    }
  });
}

function snapshotSync(): SyncDefinition {
  const def = inputDefinition('openalex-snapshot');
  if (def.kind !== 'sync') throw new Error('openalex-snapshot is a sync');
  return def;
}

/** `neijuan ingest <sync> --file <input>`: the OpenAlex snapshot (a folder) or its aggregates (a Parquet file). */
async function runSync(def: SyncDefinition, g: GlobalOptions, opts: IngestOptions): Promise<void> {
  if (!opts.file) throw new Error(`${def.name} needs --file <${def.example.split(' ')[0]}>`);
  const db = await Db.open({ path: dbPath(g) });
  const bar = progressBar(!g.json);
  try {
    const summary = await def.run(db, opts.file, {
      ...(opts.full ? { full: true } : {}),
      ...(opts.institutionsOnly ? { institutionsOnly: true } : {}),
      ...(opts.snapshotDate ? { snapshotDate: opts.snapshotDate } : {}),
      progress: bar.progress,
      onCommit: (u) => {
        if (!g.json) process.stderr.write(`committed ${u.entity} ${u.unit}: ${u.records} lines\n`);
      },
    });
    bar.stop();
    // What the server reads instead of computing follows the new data.
    await prepareServing(db);
    if (g.json) printJson(summary);
    else printTable([{ ...summary }]);
  } finally {
    bar.stop();
    db.close();
  }
}
