/**
 * CLI twins of the analytics routes: the same payload functions and parameter schemas as the API, printed as a table
 * or, with --json, exactly the API's payload.
 */
import type { Command } from 'commander';
import type { z } from 'zod';
import { computeAdoptionPayload } from '../../payloads/adoption.ts';
import { citiesParams, computeCitiesPayload } from '../../payloads/cities.ts';
import { compareParams, computeComparePayload } from '../../payloads/compare.ts';
import { computeInvolutionPayload, involutionParams } from '../../payloads/involution.ts';
import { computeNetworkPayload, networkParams } from '../../payloads/network.ts';
import { computeSegmentDetail, computeSegmentList, segmentsParams } from '../../payloads/segments.ts';
import { computePricesPayload, pricesParams } from '../../payloads/prices.ts';
import { computeFundingPayload, fundingCsvRows, fundingParams } from '../../payloads/funding.ts';
import { computePoliciesPayload, policiesCsvRows, policiesParams } from '../../payloads/policies.ts';
import { computeSupplyPayload, supplyCsvRows, supplyParams } from '../../payloads/supply.ts';
import { computeFilingsPayload, filingsParams } from '../../payloads/filings.ts';
import { type GlobalOptions, withReadOnlyDb } from '../context.ts';
import { printJson, printTable } from '../output.ts';

/** Parses CLI options with a payload's own parameter schema: the same checks as the route, the same messages. */
function parseParams<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${String(issue?.path[0] ?? 'argument')}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

function show(g: GlobalOptions, body: object, rows: unknown, columns?: string[]): void {
  if (g.json) return printJson(body);
  printTable(Array.isArray(rows) ? rows : [], columns);
  const p = body as { sources?: { title: string; url: string }[]; metrics?: { id: string; methodology: string }[] };
  const sources = p.sources ?? [];
  const metrics = p.metrics ?? [];
  for (const m of metrics) process.stdout.write(`method: ${m.methodology}\n`);
  for (const s of sources.slice(0, 8)) process.stdout.write(`source: ${s.title} — ${s.url}\n`);
  if (sources.length > 8) process.stdout.write(`… and ${sources.length - 8} more sources (--json lists all)\n`);
}

export function analyticsCommands(program: Command): void {
  program
    .command('compare')
    .description('China, the US, the EU-27, the UK and the rest: notable and open-weight models, AI publications')
    .option(
      '--series <name>',
      'notable-models | open-weight-models | publications | genai-filings-cn',
      'notable-models',
    )
    .action(async (opts: { series: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const params = parseParams(compareParams, { series: opts.series });
      const body = await withReadOnlyDb(g, (db) => computeComparePayload(db, params));
      // The filings are China's alone, dated by announcement: printed as they are.
      if (params.series === 'genai-filings-cn') return show(g, body, body.series['genai-filings-cn'] ?? []);
      const series = (body.series[params.series ?? 'notable-models'] ?? []) as {
        year: number;
        bloc: string;
        value: number;
      }[];
      const years = [...new Set(series.map((r) => r.year))].filter((y) => y >= 2015);
      const table = years.map((year) => ({
        year,
        ...Object.fromEntries(
          ['CN', 'US', 'EU', 'GB', 'other'].map((b) => [
            b,
            series.find((r) => r.year === year && r.bloc === b)?.value ?? 0,
          ]),
        ),
      }));
      show(g, body, table);
    });

  program
    .command('segments')
    .description('the segment taxonomy with players, cities and releases; or one segment in detail')
    .argument('[segment]')
    .option('--country <id>', 'country:xx or all', 'country:cn')
    .action(async (segment: string | undefined, opts: { country: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const params = parseParams(segmentsParams, { segment, country: opts.country });
      const chosen = params.segment;
      if (chosen) {
        const detail = await withReadOnlyDb(g, (db) => computeSegmentDetail(db, { ...params, segment: chosen }));
        return show(g, detail, detail.players);
      }
      const list = await withReadOnlyDb(g, (db) => computeSegmentList(db, params));
      show(g, list, list.rows);
    });

  program
    .command('involution')
    .description('the involution index of a segment per year, with its components')
    .argument('<segment>')
    .option('--country <id>', 'country:xx or all', 'country:cn')
    .option('--from <year>', 'first year', '2015')
    .option('--to <year>', 'last year', '2025')
    .option('--basis <who>', 'commercial | research | all', 'commercial')
    .option('--weights <list>', 'e.g. players:0.5,price:0')
    .action(
      async (
        segment: string,
        opts: { country: string; from: string; to: string; basis: string; weights?: string },
        cmd: Command,
      ) => {
        const g = cmd.optsWithGlobals<GlobalOptions>();
        // The payload function itself, with the route's parameter schema: the same code path and the same checks.
        const params = parseParams(involutionParams, { segment, ...opts });
        const body = await withReadOnlyDb(g, (db) => computeInvolutionPayload(db, params));
        // A null index is printed as "not enough data" with its reason, never as an empty cell.
        const rows = body.years.map(({ reasons, ...y }) => ({
          ...y,
          index: y.index ?? `not enough data: ${reasons.index ?? ''}`,
        }));
        show(g, body, rows, [
          'year',
          'players',
          'entrants',
          'exits',
          'release_credits',
          'concentration',
          'price_change',
          'capability_spread',
          'index',
        ]);
        const c = body.censoring as { boundary: string | null; last_complete_year: number } | undefined;
        if (!g.json && c)
          process.stdout.write(
            c.boundary
              ? `activity data reach ${c.boundary}; indexed through ${c.last_complete_year}\n`
              : 'no dated activity in this segment: nothing is censored\n',
          );
      },
    );

  program
    .command('cities')
    .description('the city league: AI organisations, LLM makers, notable models, universities, local founders')
    .option('--country <id>', 'country:xx or all', 'country:cn')
    .option('--place <id>', 'a city or province: list where the founders of its AI organisations studied')
    .action(async (opts: { country: string; place?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const params = parseParams(citiesParams, opts);
      const body = await withReadOnlyDb(g, (db) => computeCitiesPayload(db, params));
      if (body.place_alumni) {
        show(g, body, body.place_alumni.universities, ['university', 'name_en', 'founders', 'companies', 'local']);
        return;
      }
      show(g, body, body.cities, [
        'city',
        'name_en',
        'ai_organizations',
        'ai_adopters',
        'llm_makers',
        'notable_models',
        'universities',
        'founders_known',
        'founders_local',
      ]);
    });

  program
    .command('prices')
    .description('LLM API prices over time, in CNY and USD at a dated, cited rate; --index for the price-war index')
    .option('--vendor <id>', 'e.g. org:deepseek')
    .option('--country <id>', 'country:xx or all', 'all')
    .option(
      '--kind <kind>',
      'list | promotional | off-peak | cache-hit | batch | free-tier (the index follows it)',
      'list',
    )
    .option('--base <month>', 'with --index: the month the index is 100 at (YYYY-MM)')
    .option('--index', 'print the like-for-like index by month instead of the price points')
    .action(
      async (
        opts: { vendor?: string; country: string; kind: string; base?: string; index?: boolean },
        cmd: Command,
      ) => {
        const g = cmd.optsWithGlobals<GlobalOptions>();
        const { index, ...rest } = opts;
        const params = parseParams(pricesParams, rest);
        const body = await withReadOnlyDb(g, (db) => computePricesPayload(db, params));
        if (index) {
          const wanted = opts.country === 'all' ? 'country:cn' : opts.country;
          const ix = body.indexes.find((i) => i.country === wanted);
          const rows = (ix?.months ?? []).map((m) => ({
            month: m.month,
            matched: m.pairs,
            changed: m.changed,
            cny: m.cny.blended,
            usd: m.usd.blended,
            why_not: m.reason,
          }));
          return show(g, body, rows);
        }
        show(g, body, body.prices, [
          'date',
          'vendor',
          'model',
          'tier',
          'kind',
          'currency',
          'input',
          'output',
          'input_usd',
          'output_usd',
          'input_cny',
          'output_cny',
        ]);
      },
    );

  program
    .command('network')
    .description('the alumni and founder graph (nodes with server-computed positions)')
    .option('--include <what>', 'founders | investors (and who funded them)', 'founders')
    .action(async (opts: { include: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const params = parseParams(networkParams, opts);
      const body = await withReadOnlyDb(g, (db) => computeNetworkPayload(db, params));
      show(g, body, body.nodes, ['id', 'label', 'kind', 'size', 'x', 'y']);
    });

  program
    .command('adoption')
    .description('open-weight adoption: derivatives per base model, downloads over time (after a Hugging Face sync)')
    .action(async (_opts: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const body = await withReadOnlyDb(g, (db) => computeAdoptionPayload(db));
      show(g, body, body.derivatives);
    });
  program
    .command('funding')
    .description('funding rounds as reported, with investors (filter by --org, --investor, --city, --province, --year)')
    .option('--org <id>')
    .option('--investor <id>')
    .option('--city <id>')
    .option('--province <id>')
    .option('--year <yyyy>')
    .action(async (opts: Record<string, string | undefined>, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const params = parseParams(fundingParams, opts);
      const body = await withReadOnlyDb(g, (db) => computeFundingPayload(db, params));
      show(g, body, fundingCsvRows(body), ['date', 'organization', 'round', 'amount', 'currency', 'investors']);
    });

  program
    .command('policies')
    .description('AI policies with the firms they back (filter by --place, --org, --type, --segment)')
    .option('--place <id>')
    .option('--org <id>')
    .option('--type <type>')
    .option('--segment <segment>')
    .action(async (opts: Record<string, string | undefined>, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const params = parseParams(policiesParams, opts);
      const body = await withReadOnlyDb(g, (db) => computePoliciesPayload(db, params));
      show(g, body, policiesCsvRows(body), ['date', 'place', 'type', 'title', 'amount', 'currency', 'firms']);
    });

  program
    .command('supply')
    .description('the humanoid supply chain: suppliers and customers by component (filter by --org, --component)')
    .option('--org <id>')
    .option('--component <component>')
    .action(async (opts: Record<string, string | undefined>, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const params = parseParams(supplyParams, opts);
      const body = await withReadOnlyDb(g, (db) => computeSupplyPayload(db, params));
      show(g, body, supplyCsvRows(body), ['component', 'supplier', 'customer', 'kind', 'as_of']);
    });
  program
    .command('filings')
    .description('CAC generative-AI filings as records (filter by --province, --city, --org, --kind, --list)')
    .option('--province <id>')
    .option('--city <id>')
    .option('--org <id>')
    .option('--kind <filed|registered>')
    .option('--list <id>')
    .action(async (opts: Record<string, string | undefined>, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const params = parseParams(filingsParams, opts);
      const body = await withReadOnlyDb(g, (db) => computeFilingsPayload(db, params));
      show(g, body, body.by_province, ['label', 'province', 'filed', 'registered']);
    });
}
