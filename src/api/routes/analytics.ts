/** The analytics routes: compare, segments, involution, cities, prices, network, adoption. Each has ?format=csv. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  BASES,
  COMPONENTS,
  computeInvolution,
  DEFAULT_WEIGHTS,
  MINIMUMS,
  parseWeights,
} from '../../analytics/involution.ts';
import { computePriceIndex, MIN_MATCHED_PAIRS } from '../../analytics/price-index.ts';
import { lastCompleteYear, playerSpan } from '../../analytics/segment-entry.ts';
import { PRICE_KINDS } from '../../model/types.ts';
import { layoutNetwork, type NetworkPayload } from '../../analytics/network.ts';
import { convertPrices } from '../../analytics/prices.ts';
import { SEGMENTS } from '../../model/types.ts';
import { derivativesByBase, downloadSeries } from '../../store/queries/adoption.ts';
import { alumniEdges, alumniFounders, cityLeague } from '../../store/queries/cities.ts';
import {
  notableModelsByBloc,
  observationSeries,
  observationsByBloc,
  openWeightDownloadsByCountry,
} from '../../store/queries/compare.ts';
import { getEntities } from '../../store/queries/entities.ts';
import { defaultNotableDataset } from '../../store/queries/indicators.ts';
import { fxRates, pricePoints } from '../../store/queries/prices.ts';
import {
  activityCoverage,
  capabilityPoints,
  releaseCredits,
  segmentCities,
  segmentPlayers,
  segmentSourceIds,
  segmentSummaries,
} from '../../store/queries/segments.ts';
import type { AppDeps } from '../context.ts';
import { toCsv } from '../csv.ts';
import { provenance } from '../provenance.ts';

const format = z.enum(['json', 'csv']).default('json');
const country = z
  .string()
  .regex(/^(country:[a-z]{2}|all)$/, 'expected country:xx or all')
  .default('country:cn');
const year = z.coerce.number().int().min(1950).max(2100);
const csv = (c: Context, rows: readonly object[]) =>
  c.body(toCsv(rows as Record<string, unknown>[]), 200, { 'content-type': 'text/csv; charset=utf-8' });
const countryOrNull = (c: string) => (c === 'all' ? null : c);

export function analyticsRoutes(app: OpenAPIHono, deps: AppDeps): void {
  const { db } = deps;

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/compare',
      summary:
        'China, the US, the EU-27, the UK and the rest: notable and open-weight models, publications, filings, downloads',
      request: {
        query: z.object({
          series: z.enum(['notable-models', 'open-weight-models', 'publications', 'genai-filings-cn']).optional(),
          format,
        }),
      },
      responses: { 200: { description: 'Series per bloc and year, each from one source, with methods and sources' } },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const dataset = await defaultNotableDataset(db);
      const notable = dataset ? await notableModelsByBloc(db, dataset, false) : [];
      const openWeights = dataset ? await notableModelsByBloc(db, dataset, true) : [];
      const publications = await observationsByBloc(db, 'publications.ai.eto');
      const filings = await observationSeries(db, 'cac.genai_services_filed', 'country:cn');
      if (q.format === 'csv') {
        const rows = [
          ...notable.map((r) => ({ series: 'notable-models', period: String(r.year), bloc: r.bloc, value: r.value })),
          ...openWeights.map((r) => ({
            series: 'open-weight-models',
            period: String(r.year),
            bloc: r.bloc,
            value: r.value,
          })),
          ...publications.map((r) => ({
            series: 'publications',
            period: String(r.year),
            bloc: r.bloc,
            value: r.value,
          })),
          // The filings are China's alone, dated by announcement: the period column holds the date.
          ...filings.map((f) => ({ series: 'genai-filings-cn', period: f.period, bloc: 'CN', value: f.value })),
        ].filter((r) => !q.series || r.series === q.series);
        return csv(c, rows);
      }
      const downloads = await openWeightDownloadsByCountry(db);
      const p = await provenance(
        db,
        ['compare-notable-models', 'ai-publications-eto', 'genai-filings', 'open-weight-downloads'],
        filings.map((f) => f.source_id),
      );
      return c.json(
        {
          blocs: ['CN', 'US', 'EU', 'GB', 'other'],
          // ?series= keeps one series (the others are left out, not emptied).
          series: Object.fromEntries(
            Object.entries({
              'notable-models': notable,
              'open-weight-models': openWeights,
              publications: publications.map((r) => ({ ...r, upper_bound: r.bloc === 'EU' })),
              'genai-filings-cn': filings,
              'open-weight-downloads-by-country': downloads,
              patents: [],
            }).filter(([k]) => !q.series || k === q.series),
          ),
          notes: {
            patents:
              'No cited patent figures are bundled; the INSEAD article states China is ahead on patents without a figure.',
            publications:
              'ETO whole counting: the EU sum over-counts papers co-authored across members (an upper bound).',
          },
          ...p,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/segments',
      summary: 'Segments: players, cities and releases per year (one segment with ?segment=)',
      request: { query: z.object({ segment: z.enum(SEGMENTS).optional(), country, format }) },
      responses: { 200: { description: 'The taxonomy with counts, or one segment in detail' } },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const where = countryOrNull(q.country);
      if (!q.segment) {
        const rows = await segmentSummaries(db, where);
        if (q.format === 'csv') return csv(c, rows);
        return c.json({ country: q.country, segments: SEGMENTS, rows, ...(await provenance(db, ['segments'])) }, 200);
      }
      const players = await segmentPlayers(db, q.segment, where);
      if (q.format === 'csv') return csv(c, players);
      const credits = await releaseCredits(db, q.segment, where);
      const perYear = new Map<number, number>();
      for (const r of credits) perYear.set(r.year, (perYear.get(r.year) ?? 0) + r.credit);
      return c.json(
        {
          segment: q.segment,
          country: q.country,
          players,
          cities: await segmentCities(db, q.segment, where),
          releases: [...perYear.entries()]
            .sort((a, b) => a[0] - b[0])
            .map(([y, n]) => ({ year: y, releases: Math.round(n * 100) / 100 })),
          ...(await provenance(db, ['segments'], await segmentSourceIds(db, q.segment, where))),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/involution',
      summary:
        'The involution index of a segment per year, with every component, its reasons and the players behind it',
      request: {
        query: z
          .object({
            segment: z.enum(SEGMENTS).default('llm'),
            country,
            from: year.default(2015),
            to: year.default(2025),
            basis: z.enum(BASES).default('commercial'),
            weights: z.string().max(200).optional().openapi({ example: 'players:0.5,price:0' }),
            format,
          })
          .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['from'] }),
      },
      responses: {
        200: { description: 'Years with components, z-scores, the index and why any of them is null' },
        400: { description: 'Bad weights' },
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      let weights;
      try {
        weights = parseWeights(q.weights);
      } catch (error) {
        return c.json({ error: `bad request: weights: ${(error as Error).message}` }, 400);
      }
      const where = countryOrNull(q.country);
      const coverage = await activityCoverage(db, q.segment);
      // The censoring boundary: the earliest end among the inputs that could show activity in the segment.
      const boundary = coverage.map((r) => r.last_date).sort()[0] ?? null;
      // No dated activity at all: nothing to censor, and no exit can be read from silence anyway.
      const censorYear = boundary ? lastCompleteYear(boundary) : q.to;
      const players = await segmentPlayers(db, q.segment, where);
      const spans = players.map((p) => playerSpan(p, censorYear));
      const credits = await releaseCredits(db, q.segment, where);
      const priceIndex =
        q.segment === 'llm'
          ? computePriceIndex(convertPrices(await pricePoints(db, { country: where }), await fxRates(db)))
          : null;
      const result = computeInvolution({
        spans,
        credits,
        prices: priceIndex
          ? priceIndex.yearly.map((y) => ({ year: y.year, change: y.change_cny, reason: y.reason }))
          : null,
        capability: await capabilityPoints(db, q.segment, where),
        from: q.from,
        to: q.to,
        censorYear,
        basis: q.basis,
        weights,
      });
      if (q.format === 'csv') {
        return csv(
          c,
          result.years.map(({ z, reasons, by_group, capability, ...y }) => ({
            ...y,
            players_commercial: by_group.commercial.players,
            players_research: by_group.research.players,
            capability_models: capability.models,
            ...Object.fromEntries(COMPONENTS.map((k) => [`z_${k}`, z[k]])),
            why_null: Object.entries(reasons)
              .map(([k, v]) => `${k}: ${v}`)
              .join('; '),
          })),
        );
      }
      const metrics = q.segment === 'llm' ? ['involution-index', 'llm-price-index'] : ['involution-index'];
      const ids = new Set(await segmentSourceIds(db, q.segment, where));
      for (const s of spans) {
        if (s.entry?.source_id) ids.add(s.entry.source_id);
        if (s.exit?.source_id) ids.add(s.exit.source_id);
      }
      const p = await provenance(db, metrics, ids);
      const byRule = (rule: string) => spans.filter((s) => s.entry?.rule === rule).length;
      return c.json(
        {
          segment: q.segment,
          country: q.country,
          components: COMPONENTS,
          default_weights: DEFAULT_WEIGHTS,
          minimums: { ...MINIMUMS, price_pairs: MIN_MATCHED_PAIRS },
          ...result,
          censoring: {
            boundary,
            last_complete_year: censorYear,
            inputs: coverage,
            note:
              'Years after the last complete year are shown but not indexed, and no exit is inferred from silence ' +
              'there: the inputs that would show activity do not cover them in full.',
          },
          coverage: {
            players: spans.length,
            commercial: spans.filter((s) => s.group === 'commercial').length,
            research: spans.filter((s) => s.group === 'research').length,
            with_entry: spans.filter((s) => s.entry !== null).length,
            entry_rules: {
              cited: byRule('cited'),
              release: byRule('release'),
              price: byRule('price'),
              listed: byRule('listed'),
              founded: byRule('founded'),
            },
            exits: {
              cited: spans.filter((s) => s.exit?.rule === 'cited').length,
              inactive: spans.filter((s) => s.exit?.rule === 'inactive').length,
            },
            release_credits: Math.round(credits.reduce((n, r) => n + r.credit, 0) * 100) / 100,
          },
          notes: {
            release_credits:
              'A release made by k organisations credits each 1/k, so release credits can be fractional.',
          },
          players: spans,
          ...p,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cities',
      summary: 'The city league, and alumni-founded companies per university',
      request: { query: z.object({ country, format }) },
      responses: {
        200: { description: 'Cities with their AI organisations, models, universities and Hangzhou-model signals' },
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const rows = await cityLeague(db, countryOrNull(q.country), await defaultNotableDataset(db));
      if (q.format === 'csv') return csv(c, rows);
      return c.json(
        {
          country: q.country,
          cities: rows,
          alumni: (await alumniFounders(db)).slice(0, 50),
          ...(await provenance(db, ['city-league'])),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/prices',
      summary:
        'LLM API prices over time (every kind), in CNY and USD at a dated, cited rate, with the like-for-like price index',
      request: {
        query: z.object({
          vendor: z
            .string()
            .regex(/^org:[a-z0-9-]+$/)
            .optional(),
          country: z
            .string()
            .regex(/^(country:[a-z]{2}|all)$/, 'expected country:xx or all')
            .default('all')
            .openapi({ description: 'only vendors placed in this country (points and index); all = any' }),
          kind: z.enum(PRICE_KINDS).default('list').openapi({ description: 'the kind of price the index follows' }),
          base: z
            .string()
            .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM')
            .optional()
            .openapi({ description: 'the month the index is 100 at (default 2024-04 where the chain reaches it)' }),
          format,
        }),
      },
      responses: {
        200: { description: 'Price points with their kind, source and exchange rate; the index series beside them' },
        400: { description: 'A base month outside the unbroken chain' },
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const where = countryOrNull(q.country);
      const prices = convertPrices(
        await pricePoints(db, { vendor: q.vendor ?? null, country: where }),
        await fxRates(db),
      );
      // One index per vendor country (China, the US) and one over everything asked for: mixing both in one basket
      // would hide which market moved.
      let indexes;
      try {
        indexes = [
          { country: q.country, ...computePriceIndex(prices, { kind: q.kind, base: q.base ?? null }) },
          ...['country:cn', 'country:us']
            .filter((k) => k !== q.country && q.country === 'all')
            .map((k) => ({
              country: k,
              ...computePriceIndex(
                prices.filter((p) => p.vendor_country === k),
                { kind: q.kind },
              ),
            })),
        ];
      } catch (error) {
        if (error instanceof RangeError) return c.json({ error: `bad request: base: ${error.message}` }, 400);
        throw error;
      }
      if (q.format === 'csv') {
        return csv(
          c,
          prices.map(({ fx, input, output, ...p }) => ({
            ...p,
            input_price: input,
            output_price: output,
            price_unit: `${p.currency} per million tokens`,
            fx_rate: fx?.rate ?? null,
            fx_period: fx?.period ?? null,
            fx_source: fx?.source_id ?? null,
          })),
        );
      }
      const ids = new Set<string>();
      for (const p of prices) {
        ids.add(p.source_id);
        if (p.fx) ids.add(p.fx.source_id);
      }
      return c.json(
        { country: q.country, prices, indexes, ...(await provenance(db, ['llm-prices', 'llm-price-index'], ids)) },
        200,
      );
    },
  );

  let network: NetworkPayload | null = null;
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/network',
      summary: 'The alumni and founder graph with server-computed positions',
      request: { query: z.object({ format }) },
      responses: { 200: { description: 'Nodes with x, y and size; edges with their source' } },
    }),
    async (c) => {
      const q = c.req.valid('query');
      if (network === null) {
        // Computed once per server: the database is read-only while it serves.
        const edges = await alumniEdges(db);
        const ids = [...new Set(edges.flatMap((e) => [e.source, e.target]))];
        const labels = new Map(
          (await getEntities(db, ids)).map((e) => [e.id, { label: e.name_en ?? e.name_zh ?? e.id, kind: e.kind }]),
        );
        network = layoutNetwork(edges, labels);
      }
      if (q.format === 'csv') return csv(c, network.nodes);
      return c.json(
        {
          ...network,
          ...(await provenance(
            db,
            ['alumni-network'],
            network.edges.map((e) => e.source_id),
          )),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/adoption',
      summary: 'Open-weight adoption: derivatives per base model and organisation, downloads over time',
      request: { query: z.object({ format }) },
      responses: {
        200: { description: 'Derivative counts and download series (empty until a Hugging Face sync is ingested)' },
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const derivatives = await derivativesByBase(db);
      if (q.format === 'csv') return csv(c, derivatives);
      return c.json(
        {
          derivatives,
          downloads: await downloadSeries(db),
          by_country: await openWeightDownloadsByCountry(db),
          ...(await provenance(db, ['open-weight-adoption', 'open-weight-downloads'])),
        },
        200,
      );
    },
  );
}
