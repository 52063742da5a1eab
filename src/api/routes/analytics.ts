/** The analytics routes: compare, segments, involution, cities, prices, network, adoption. Each has ?format=csv. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { layoutNetwork, type NetworkPayload } from '../../analytics/network.ts';
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
import {
  releaseCredits,
  segmentCities,
  segmentPlayers,
  segmentSourceIds,
  segmentSummaries,
} from '../../store/queries/segments.ts';
import type { AppDeps } from '../context.ts';
import { toCsv } from '../csv.ts';
import {
  computeInvolutionPayload,
  InvolutionParamError,
  involutionCsvRows,
  involutionPayload,
  involutionParams,
  yearRange,
  yearRangeError,
} from '../../payloads/involution.ts';
import {
  BaseMonthError,
  computePricesPayload,
  pricesCsvRows,
  pricesParams,
  pricesPayload,
} from '../../payloads/prices.ts';
import { errorSchema, provenance } from '../../payloads/provenance.ts';

const format = z.enum(['json', 'csv']).default('json');
const country = z
  .string()
  .regex(/^(country:[a-z]{2}|all)$/, 'expected country:xx or all')
  .default('country:cn');
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
      operationId: 'getInvolution',
      summary:
        'The involution index of a segment per year, with every component, its reasons and the players behind it',
      request: { query: involutionParams.extend({ format }).refine(yearRange, yearRangeError) },
      responses: {
        200: {
          description: 'Years with components, z-scores, the index and why any of them is null (or CSV)',
          content: { 'application/json': { schema: involutionPayload }, 'text/csv': { schema: z.string() } },
        },
        400: {
          description: 'A bad parameter or bad weights',
          content: { 'application/json': { schema: errorSchema } },
        },
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      let payload;
      try {
        payload = await computeInvolutionPayload(db, q);
      } catch (error) {
        if (error instanceof InvolutionParamError) {
          return c.json({ error: `bad request: ${error.parameter}: ${error.message}` }, 400);
        }
        throw error;
      }
      if (q.format === 'csv') return csv(c, involutionCsvRows(payload));
      return c.json(payload, 200);
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
      operationId: 'getPrices',
      summary:
        'LLM API prices over time (every kind), in CNY and USD at a dated, cited rate, with the like-for-like price index',
      request: { query: pricesParams.extend({ format }) },
      responses: {
        200: {
          description: 'Price points with their kind, source and exchange rate; the index series beside them (or CSV)',
          content: { 'application/json': { schema: pricesPayload }, 'text/csv': { schema: z.string() } },
        },
        400: {
          description: 'A bad parameter, or a base month outside the unbroken chain',
          content: { 'application/json': { schema: errorSchema } },
        },
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      let payload;
      try {
        payload = await computePricesPayload(db, q);
      } catch (error) {
        if (error instanceof BaseMonthError) return c.json({ error: `bad request: base: ${error.message}` }, 400);
        throw error;
      }
      if (q.format === 'csv') return csv(c, pricesCsvRows(payload));
      return c.json(payload, 200);
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
