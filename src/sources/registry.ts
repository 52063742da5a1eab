/**
 * Every record connector, declared once: its name, what it reads, where the bundled build finds its inputs (and in
 * which order), and how to make it. ingest/inputs.ts adds the two syncs (the OpenAlex snapshot and its aggregates) to
 * make the one list `neijuan ingest`, `neijuan build` and the docs test loop over; adding a connector is a folder
 * under sources/ and one entry here.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cacFilingsConnector } from './cac-filings/source.ts';
import { cacConnector } from './cac/source.ts';
import { moeListConnector } from './cn-universities/source.ts';
import { createCsvMappingConnector } from './csv-mapping/source.ts';
import { curatedConnector } from './curated/source.ts';
import { epochConnector } from './epoch/source.ts';
import { huggingfaceConnector } from './huggingface/source.ts';
import { llmListConnector } from './llms-in-china/source.ts';
import type { GeoContext } from './openalex/institution-mapper.ts';
import { createOpenAlexFileConnector } from './openalex/source.ts';
import { owidConnector } from './owid/source.ts';
import type { TableSpec } from '../model/tables.ts';
import type { Connector } from './source.ts';
import type { QidFact } from './wikidata/source.ts';
import { createWikidataConnector } from './wikidata/source.ts';

/** What a factory may need from the database or the command line; the caller supplies it (sources do not read the store). */
export interface ConnectorContext {
  /** csv: the mapping file. */
  mapping?: string;
  /** openalex: the places to resolve affiliations against. */
  geo: () => Promise<GeoContext>;
  /** wikidata: the database's Wikidata facts, so statements can point at items of other inputs. */
  qidFacts: () => Promise<QidFact[]>;
}

export interface ConnectorDefinition {
  name: string;
  /** What it reads, in a few words (the CLI help and the docs). */
  reads: string;
  /** An input to try it on, as the README shows it. */
  example: string;
  /** The bundled build's inputs under data/ (in this order; definitions are built in list order), or null. */
  bundled: ((dataDir: string) => string[]) | null;
  /**
   * The connector's own tables (`Connector.tables`: DDL in its migrations/, rows from its mapper), or none; a connector
   * made once gives its own (`fixed`), one made per context declares them here.
   */
  tables?: readonly TableSpec[];
  create: (ctx: ConnectorContext) => Promise<Connector<unknown>>;
}

const file =
  (...parts: string[]) =>
  (dataDir: string) => {
    const path = join(dataDir, ...parts);
    return existsSync(path) ? [path] : [];
  };
/** A connector made once: its definition's factory and its own tables, both from the connector itself. */
const fixed = (c: Connector<unknown>): Pick<ConnectorDefinition, 'create' | 'tables'> => ({
  create: async () => c,
  ...(c.tables ? { tables: c.tables } : {}),
});

/** In build order: the curated set first, so every later input resolves onto its entities. */
export const CONNECTOR_DEFINITIONS: readonly ConnectorDefinition[] = [
  {
    name: 'curated',
    reads: 'the curated YAML files (data/curated)',
    example: 'data/curated',
    bundled: (dataDir) => [join(dataDir, 'curated')],
    ...fixed(curatedConnector as Connector<unknown>),
  },
  {
    name: 'cn-universities',
    reads: "the Ministry of Education's university list (CSV)",
    example: 'data/cn-universities/cn_higher_education_institutions.csv',
    bundled: file('cn-universities', 'cn_higher_education_institutions.csv'),
    ...fixed(moeListConnector as Connector<unknown>),
  },
  {
    name: 'llms-in-china',
    reads: 'the Awesome LLMs In China table (CSV, with first_listed.csv beside it)',
    example: 'data/llms-in-china/llms_in_china.csv',
    bundled: file('llms-in-china', 'llms_in_china.csv'),
    ...fixed(llmListConnector as Connector<unknown>),
  },
  {
    name: 'cac',
    reads: 'CAC generative-AI filing totals (CSV)',
    example: 'data/cac/cac_aggregates.csv',
    bundled: file('cac', 'cac_aggregates.csv'),
    ...fixed(cacConnector as Connector<unknown>),
  },
  {
    name: 'cac-filings',
    reads: "CAC generative-AI filings as records (CSV, with the lists' genai_filing_lists.csv beside it)",
    example: 'data/cac/genai_filings.csv',
    bundled: file('cac', 'genai_filings.csv'),
    ...fixed(cacFilingsConnector as Connector<unknown>),
  },
  {
    name: 'owid',
    reads: 'AI publications per country from Our World in Data (CSV)',
    example: 'data/owid/ai_publications.csv',
    bundled: file('owid', 'ai_publications.csv'),
    ...fixed(owidConnector as Connector<unknown>),
  },
  {
    name: 'epoch',
    reads: 'an Epoch AI models file (CSV, any of its vintages)',
    example: 'data/epoch/all_ai_models_2025-03.csv',
    bundled: (dataDir) => {
      const dir = join(dataDir, 'epoch');
      return existsSync(dir)
        ? readdirSync(dir)
            .filter((f) => f.endsWith('.csv'))
            .sort()
            .map((f) => join(dir, f))
        : [];
    },
    ...fixed(epochConnector as Connector<unknown>),
  },
  {
    name: 'huggingface',
    reads: 'a recorded Hugging Face Hub sync (a folder of API pages); --live syncs the Hub',
    example: 'src/sources/huggingface/fixtures/sync-2025-11',
    bundled: null,
    ...fixed(huggingfaceConnector as Connector<unknown>),
  },
  {
    name: 'wikidata',
    reads: 'saved Wikidata entity JSON; --live fetches items',
    example: 'src/sources/wikidata/fixtures/entities/deepseek.json',
    bundled: null,
    create: async (ctx) => createWikidataConnector({ qidFacts: await ctx.qidFacts() }) as Connector<unknown>,
  },
  {
    name: 'openalex',
    reads: 'saved OpenAlex API objects (JSON); --live queries the API',
    example: 'src/sources/openalex/fixtures/W2741809807.json',
    bundled: null,
    create: async (ctx) => createOpenAlexFileConnector({ geo: ctx.geo }) as Connector<unknown>,
  },
  {
    name: 'csv',
    reads: 'any CSV, turned into rows by a YAML mapping (--mapping)',
    example: 'my-export.csv --mapping my-export.mapping.yaml',
    bundled: null,
    create: async (ctx) => {
      if (!ctx.mapping) throw new Error('csv needs --mapping <yaml> (see src/sources/csv-mapping/fixtures)');
      return createCsvMappingConnector(ctx.mapping) as Connector<unknown>;
    },
  },
];

export function connectorDefinition(name: string): ConnectorDefinition {
  const found = CONNECTOR_DEFINITIONS.find((d) => d.name === name);
  if (!found) {
    throw new Error(`unknown connector "${name}"; known: ${CONNECTOR_DEFINITIONS.map((d) => d.name).join(', ')}`);
  }
  return found;
}
