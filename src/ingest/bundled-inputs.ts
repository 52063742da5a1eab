/** The bundled inputs, each with its connector: what a build ingests, in order (read and mapped without a database). */
import type { ConnectorContext } from '../sources/registry.ts';
import type { Connector } from '../sources/source.ts';
import { INPUTS } from './inputs.ts';

/** The bundled inputs in the order they are ingested, each with its connector. */
export async function bundledInputs(dataDir: string): Promise<{ connector: Connector<unknown>; input: string }[]> {
  // The bundled connectors read files only: nothing they need comes from the database.
  const ctx: ConnectorContext = {
    geo: async () => ({ countriesOf: new Map() }),
    qidFacts: async () => [],
  };
  const inputs: { connector: Connector<unknown>; input: string }[] = [];
  for (const def of INPUTS) {
    if (def.kind !== 'records' || !def.bundled) continue;
    const connector = await def.create(ctx);
    for (const input of def.bundled(dataDir)) inputs.push({ connector, input });
  }
  return inputs;
}
