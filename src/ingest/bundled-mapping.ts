/**
 * How a build reads and maps its inputs ahead of their merges. Reading and mapping are JavaScript alone, merging is
 * mostly DuckDB's: each input is mapped while the ones before it are merged, one mapping after another, each as soon
 * as the one before it is mapped, however far the merges are behind (the bundled data is small: every bundle may be
 * held at once). The names an input resolves against are those of every input before it, told from their mapped
 * bundles (`KnownSoFar.predict`), so no mapping waits for a merge. An input whose names cannot be told stops the
 * mapping ahead: each later input is then mapped after the ingest before it, the names that ingest wrote read from
 * the database (a job of null; `KnownSoFar.changed`).
 *
 * Measured and dropped: the mappings on a worker thread. The merges then ran at half speed beside it (two cores,
 * both busy), and the ingest took as long or longer (docs/BENCHMARKS.md, round 5).
 */
import type { Bundle } from '../model/bundle.ts';
import type { Connector, ReadResult } from '../sources/source.ts';
import type { KnownSoFar } from './known-names.ts';
import { mapRead } from './pipeline.ts';

/** An input being read and mapped: what `ingest` takes as `reading` and `mapping`. */
export interface MappingJob {
  reading: Promise<ReadResult<unknown>>;
  mapping: Promise<Bundle>;
}

/** Resolves once the event loop has run what was waiting (a statement's result, a timer). */
const nextTurn = () => new Promise<void>((go) => setImmediate(go));

/** Reads and maps an input, against the names `known` holds when the mapping starts. */
export function mapInput(
  { connector, input }: { connector: Connector<unknown>; input: string },
  known: KnownSoFar,
): MappingJob {
  // Each step waits for the event loop to be free: a merge's statements go on between them.
  const reading = nextTurn().then(() => connector.read(input));
  const mapping = reading.then(async (read) => {
    await nextTurn();
    return mapRead(connector, input, read, known.knownFor(read.dataset));
  });
  // The ingest of this input reports an error of either.
  reading.catch(() => {});
  mapping.catch(() => {});
  return { reading, mapping };
}

/**
 * The jobs of every input, mapped ahead. `known` holds the database's names before the first input; it is kept up to
 * date as each input is told. `mapped` is told every bundle, in input order, as soon as the last input is mapped (the
 * main thread's work for the ingest is then done; a build has its worker thread tokenise the names for the search
 * index while DuckDB inserts the last inputs). It is not told when an input could not be mapped ahead.
 */
export function mapAhead(
  inputs: readonly { connector: Connector<unknown>; input: string }[],
  known: KnownSoFar,
  mapped?: (bundles: Bundle[]) => void,
): Promise<MappingJob | null>[] {
  const jobs: Promise<MappingJob | null>[] = [];
  let told: Promise<boolean> = Promise.resolve(true);
  for (const input of inputs) {
    const job = told.then((yes) => (yes ? mapInput(input, known) : null));
    jobs.push(job);
    told = job
      .then(async (j) => {
        if (!j) return false;
        const [read, bundle] = await Promise.all([j.reading, j.mapping]);
        return known.predict(read.dataset, bundle);
      })
      .catch(() => false);
  }
  if (mapped) {
    Promise.all(jobs.map(async (job) => (await job)?.mapping ?? null))
      .then((bundles) => {
        if (bundles.every((b) => b !== null)) mapped(bundles as Bundle[]);
      })
      // A failed mapping is reported by the ingest of its input.
      .catch(() => {});
  }
  return jobs;
}
