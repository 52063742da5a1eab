/**
 * The analytics routes: compare, segments, involution, cities, prices, network, adoption, funding, policies, supply. Each is one createRoute with
 * its payload module's parameter and response schemas, and one call; each has ?format=csv.
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
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
import type { Source } from '../../model/types.ts';
import { errorSchema } from '../../payloads/provenance.ts';
import { adoptionPayload, computeAdoptionPayload } from '../../payloads/adoption.ts';
import { compareCsvRows, compareParams, comparePayload, computeComparePayload } from '../../payloads/compare.ts';
import { computeNetworkPayload, networkParams, networkPayload } from '../../payloads/network.ts';
import { citiesParams, citiesPayload, computeCitiesPayload } from '../../payloads/cities.ts';
import { computeSegmentDetail, computeSegmentList, segmentsParams, segmentsPayload } from '../../payloads/segments.ts';
import { computeFundingPayload, fundingCsvRows, fundingParams, fundingPayload } from '../../payloads/funding.ts';
import { computePoliciesPayload, policiesCsvRows, policiesParams, policiesPayload } from '../../payloads/policies.ts';
import { computeMapPayload, mapPayload } from '../../payloads/map.ts';
import { computeEventsPayload, eventsPayload } from '../../payloads/events.ts';
import { computeFilingsPayload, filingsParams, filingsPayload } from '../../payloads/filings.ts';
import { computeSupplyPayload, supplyCsvRows, supplyParams, supplyPayload } from '../../payloads/supply.ts';

const format = z
  .enum(['json', 'csv', 'sources'])
  .default('json')
  .openapi({ description: 'json; csv (the rows); sources (the sources behind them, as CSV)' });
type Cited = { sources: readonly Source[] };

/**
 * A payload as CSV: its rows (format=csv, with a Link header to its sources) or the sources behind them
 * (format=sources), so a download always travels with what it rests on.
 */
function csv(c: Context, format: 'json' | 'csv' | 'sources', payload: Cited, rows: readonly object[]) {
  if (format === 'sources') {
    const sources = payload.sources.map((s) => ({
      source_id: s.id,
      title: s.title,
      url: s.url,
      publisher: s.publisher,
      published: s.published,
      retrieved: s.retrieved,
      licence: s.licence,
    }));
    return c.body(toCsv(sources), 200, { 'content-type': 'text/csv; charset=utf-8' });
  }
  const url = new URL(c.req.url);
  url.searchParams.set('format', 'sources');
  return c.body(toCsv(rows as Record<string, unknown>[]), 200, {
    'content-type': 'text/csv; charset=utf-8',
    link: `<${url.pathname}${url.search}>; rel="describedby"; title="sources"`,
  });
}

/** What every payload route answers: the payload (or its CSV), or a 400 naming the bad parameter. */
function payloadResponses<S extends z.ZodType>(schema: S, description: string, badRequest = 'A bad parameter') {
  return {
    200: { description, content: { 'application/json': { schema }, 'text/csv': { schema: z.string() } } },
    400: { description: badRequest, content: { 'application/json': { schema: errorSchema } } },
  };
}

export function analyticsRoutes(app: OpenAPIHono, deps: AppDeps): void {
  const { db } = deps;

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/compare',
      operationId: 'getCompare',
      summary:
        'China, the US, the EU-27, the UK and the rest: notable and open-weight models, publications, filings, downloads',
      request: { query: compareParams.extend({ format }) },
      responses: payloadResponses(
        comparePayload,
        'Series per bloc and year, each from one source, with methods and sources (or CSV)',
      ),
    }),
    async (c) => {
      const q = c.req.valid('query');
      const payload = await computeComparePayload(db, q);
      return q.format !== 'json' ? csv(c, q.format, payload, compareCsvRows(payload)) : c.json(payload, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/segments',
      operationId: 'getSegments',
      summary: 'Segments: players, cities and releases per year (one segment with ?segment=)',
      request: { query: segmentsParams.extend({ format }) },
      responses: payloadResponses(segmentsPayload, 'The taxonomy with counts, or one segment in detail (or CSV)'),
    }),
    async (c) => {
      const q = c.req.valid('query');
      if (!q.segment) {
        const list = await computeSegmentList(db, q);
        return q.format !== 'json' ? csv(c, q.format, list, list.rows) : c.json(list, 200);
      }
      const detail = await computeSegmentDetail(db, { ...q, segment: q.segment });
      return q.format !== 'json' ? csv(c, q.format, detail, detail.players) : c.json(detail, 200);
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
      responses: payloadResponses(
        involutionPayload,
        'Years with components, z-scores, the index and why any of them is null (or CSV)',
        'A bad parameter or bad weights',
      ),
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
      if (q.format !== 'json') return csv(c, q.format, payload, involutionCsvRows(payload));
      return c.json(payload, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cities',
      operationId: 'getCities',
      summary: 'The city league, and alumni-founded companies per university',
      request: { query: citiesParams.extend({ format }) },
      responses: payloadResponses(
        citiesPayload,
        'Cities with their AI organisations, models, universities and Hangzhou-model signals (or CSV)',
      ),
    }),
    async (c) => {
      const q = c.req.valid('query');
      const payload = await computeCitiesPayload(db, q);
      return q.format !== 'json' ? csv(c, q.format, payload, payload.cities) : c.json(payload, 200);
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
      responses: payloadResponses(
        pricesPayload,
        'Price points with their kind, source and exchange rate; the index series beside them (or CSV)',
        'A bad parameter, or a base month outside the unbroken chain',
      ),
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
      if (q.format !== 'json') return csv(c, q.format, payload, pricesCsvRows(payload));
      return c.json(payload, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/network',
      operationId: 'getNetwork',
      summary:
        'The alumni and founder graph (and, with include=investors, who funded them) with server-computed positions',
      request: { query: networkParams.extend({ format }) },
      responses: payloadResponses(
        networkPayload,
        'Nodes with x, y and size; edges with their source (or the nodes as CSV)',
      ),
    }),
    async (c) => {
      const { format: f, ...q } = c.req.valid('query');
      const payload = await computeNetworkPayload(db, q);
      return f !== 'json' ? csv(c, f, payload, payload.nodes) : c.json(payload, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/adoption',
      operationId: 'getAdoption',
      summary: 'Open-weight adoption: derivatives per base model and organisation, downloads over time',
      request: { query: z.object({ format }) },
      responses: payloadResponses(
        adoptionPayload,
        'Derivative counts and download series (empty until a Hugging Face sync is ingested)',
      ),
    }),
    async (c) => {
      const q = c.req.valid('query');
      const payload = await computeAdoptionPayload(db);
      return q.format !== 'json' ? csv(c, q.format, payload, payload.derivatives) : c.json(payload, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/funding',
      operationId: 'getFunding',
      summary: 'Funding rounds as reported, per organisation, investor, city, province and year, with their investors',
      request: { query: fundingParams.extend({ format }) },
      responses: payloadResponses(
        fundingPayload,
        'Rounds with investors and sources; sums per currency by year and city; investors by rounds (or CSV)',
      ),
    }),
    async (c) => {
      const { format: f, ...q } = c.req.valid('query');
      const payload = await computeFundingPayload(db, q);
      return f !== 'json' ? csv(c, f, payload, fundingCsvRows(payload)) : c.json(payload, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/policies',
      operationId: 'getPolicies',
      summary: 'City, provincial and national AI policies with issuer, amount, target segments and the firms they back',
      request: { query: policiesParams.extend({ format }) },
      responses: payloadResponses(
        policiesPayload,
        'Policies with their firms and sources; counts by province (or CSV)',
      ),
    }),
    async (c) => {
      const { format: f, ...q } = c.req.valid('query');
      const payload = await computePoliciesPayload(db, q);
      return f !== 'json' ? csv(c, f, payload, policiesCsvRows(payload)) : c.json(payload, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/supply',
      operationId: 'getSupply',
      summary:
        'The humanoid supply chain: component makers, their robot-maker customers by component, cost-share claims',
      request: { query: supplyParams.extend({ format }) },
      responses: payloadResponses(supplyPayload, 'Cited supply links, component makers and cost-share claims (or CSV)'),
    }),
    async (c) => {
      const { format: f, ...q } = c.req.valid('query');
      const payload = await computeSupplyPayload(db, q);
      return f !== 'json' ? csv(c, f, payload, supplyCsvRows(payload)) : c.json(payload, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/filings',
      operationId: 'getFilings',
      summary: 'CAC generative-AI filings as records, by province, city, list and quarter',
      request: { query: filingsParams.extend({ format }) },
      responses: payloadResponses(filingsPayload, 'Filings with their list, counts by place and quarter (or CSV)'),
    }),
    async (c) => {
      const { format: f, ...q } = c.req.valid('query');
      const payload = await computeFilingsPayload(db, q);
      return f !== 'json' ? csv(c, f, payload, payload.records) : c.json(payload, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/map',
      operationId: 'getMap',
      summary: "China's provinces and cities with the map's measures and GeoNames coordinates",
      request: { query: z.object({ format }) },
      responses: payloadResponses(mapPayload, 'Province measures, cities with coordinates (or the cities as CSV)'),
    }),
    async (c) => {
      const q = c.req.valid('query');
      const payload = await computeMapPayload(db);
      return q.format !== 'json' ? csv(c, q.format, payload, payload.cities) : c.json(payload, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/events',
      operationId: 'getEvents',
      summary:
        "Dated events the time charts mark: CAC's first filings, model milestones, the price war's sharpest month, national policies",
      request: { query: z.object({ format }) },
      responses: payloadResponses(eventsPayload, 'Events with their sources (or CSV)'),
    }),
    async (c) => {
      const q = c.req.valid('query');
      const payload = await computeEventsPayload(db);
      return q.format !== 'json'
        ? csv(
            c,
            q.format,
            payload,
            payload.events.map((e) => ({ ...e, source_ids: e.source_ids.join(' ') })),
          )
        : c.json(payload, 200);
    },
  );
}
