/**
 * Reading and mapping an input, with no database: what `ingest` does before it merges, and what a build's worker
 * thread does for the first bundled input (`mapInputAlone`) while the main thread reads the others. Nothing here
 * imports the store, so the worker loads none of it.
 */
import type { Bundle } from '../model/bundle.ts';
import { InputError } from '../model/errors.ts';
import { Resolver } from '../model/resolver.ts';
import { type ConnectorContext, connectorDefinition } from '../sources/registry.ts';
import type { Connector, ReadResult } from '../sources/source.ts';
import type { Known } from './known-names.ts';

/** What the bundled connectors are made with: they read files only, and nothing they need comes from a database. */
export const BUNDLED_CONTEXT: ConnectorContext = {
  geo: async () => ({ countriesOf: new Map() }),
  qidFacts: async () => [],
};

/** The connector's datasets: its name, or the namespaces it declares. */
export function ownsDataset(connector: { name: string; namespaces?: readonly string[] }, dataset: string): boolean {
  return (connector.namespaces ?? [connector.name]).some((ns) => dataset === ns || dataset.startsWith(`${ns}:`));
}

/**
 * Maps a read input, its names resolved against `known`: JavaScript alone, no database. Refuses an input whose
 * dataset is not its connector's.
 */
export function mapRead<R>(connector: Connector<R>, input: string, read: ReadResult<R>, known: Known): Bundle {
  if (!ownsDataset(connector, read.dataset)) {
    throw new InputError(
      input,
      null,
      'dataset',
      `"${read.dataset}" is not a ${connector.name} dataset: an input may only replace its own connector's datasets ` +
        `(${(connector.namespaces ?? [connector.name]).map((n) => `${n}, ${n}:…`).join('; ')})`,
    );
  }
  return connector.map(read, new Resolver(known.names, known.keys));
}

/** An input read and mapped: what the merge needs of it (its records stay where they were read). */
export interface MappedInput {
  dataset: string;
  input: string;
  sha256: string;
  rowsRead: number;
  bundle: Bundle;
}

/**
 * Reads and maps an input of a bundled connector against no names at all (the first input of a build: its database
 * holds none). Plain data in and out, so a worker thread can run it.
 */
export async function mapInputAlone(job: { connector: string; input: string }): Promise<MappedInput> {
  const connector = await connectorDefinition(job.connector).create(BUNDLED_CONTEXT);
  const read = await connector.read(job.input);
  const bundle = mapRead(connector, job.input, read, { names: [], keys: [] });
  return { dataset: read.dataset, input: job.input, sha256: read.sha256, rowsRead: read.rowsRead, bundle };
}
