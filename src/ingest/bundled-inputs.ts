/** The bundled inputs, each with its connector: what a build ingests, in order (read and mapped without a database). */
import type { Connector } from '../sources/source.ts';
import { INPUTS } from './inputs.ts';
import { BUNDLED_CONTEXT } from './map-read.ts';

/** The bundled inputs in the order they are ingested, each with its connector. */
export async function bundledInputs(dataDir: string): Promise<{ connector: Connector<unknown>; input: string }[]> {
  const inputs: { connector: Connector<unknown>; input: string }[] = [];
  for (const def of INPUTS) {
    if (def.kind !== 'records' || !def.bundled) continue;
    const connector = await def.create(BUNDLED_CONTEXT);
    for (const input of def.bundled(dataDir)) inputs.push({ connector, input });
  }
  return inputs;
}
