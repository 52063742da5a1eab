/**
 * How a build reads and maps its inputs ahead of their merges. Reading and mapping are JavaScript alone, merging is
 * mostly DuckDB's: each input is mapped while the ones before it are merged, one mapping after another, each as soon
 * as the one before it is mapped, however far the merges are behind (the bundled data is small: every bundle may be
 * held at once). The names an input resolves against are those of every input before it, told from their mapped
 * bundles (`KnownSoFar.predict`), so no mapping waits for a merge. An input whose names cannot be told stops the
 * mapping ahead: each later input is then mapped after the ingest before it, the names that ingest wrote read from
 * the database (a job of null; `KnownSoFar.changed`).
 *
 * Every input is read from the start (reading needs no names). A build reads and maps the first input on its worker
 * thread (`mapAhead`'s `first`) while this thread opens the database and reads the others: nothing can be merged
 * before the first input is mapped, so a core was idle then.
 *
 * Measured and dropped: every mapping on a worker thread. The merges then ran at half speed beside it (two cores,
 * both busy), and the ingest took as long or longer (docs/BENCHMARKS.md, round 5).
 */
import type { Bundle } from '../model/bundle.ts';
import type { Connector, ReadResult } from '../sources/source.ts';
import type { KnownSoFar } from './known-names.ts';
import { type MappedInput, mapRead, ownsDataset } from './map-read.ts';

/** An input being read and mapped: what `ingest` takes as `reading` and `mapping`. */
export interface MappingJob {
  reading: Promise<ReadResult<unknown>>;
  mapping: Promise<Bundle>;
}

/** Resolves once the event loop has run what was waiting (a statement's result, a timer). */
const nextTurn = () => new Promise<void>((go) => setImmediate(go));

/** Reads an input (on a later turn of the event loop: a merge's statements go on before it). */
function readInput({
  connector,
  input,
}: {
  connector: Connector<unknown>;
  input: string;
}): Promise<ReadResult<unknown>> {
  const reading = nextTurn().then(() => connector.read(input));
  reading.catch(() => {}); // reported by the mapping that takes it
  return reading;
}

/**
 * Reads and maps an input, against the names `known` holds when the mapping starts. `read`: the input already being
 * read.
 */
export function mapInput(
  { connector, input }: { connector: Connector<unknown>; input: string },
  known: KnownSoFar,
  read?: Promise<ReadResult<unknown>>,
): MappingJob {
  // Each step waits for the event loop to be free: a merge's statements go on between them.
  const reading = read ?? readInput({ connector, input });
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
 * The first input as read and mapped elsewhere (a worker thread: `mapInputAlone`), against no names, which is what
 * `known` holds then. Where that failed, or mapped another input, it is read and mapped here, as any other: so an
 * error is the one this thread gives, with its file, line and field.
 */
function mappedElsewhere(
  input: { connector: Connector<unknown>; input: string },
  known: KnownSoFar,
  elsewhere: Promise<MappedInput>,
): MappingJob {
  const done = elsewhere.then(
    (m) => (m.input === input.input && ownsDataset(input.connector, m.dataset) ? m : null),
    () => null,
  );
  const here = done.then((m) => (m ? null : mapInput(input, known)));
  here.catch(() => {});
  const reading = done.then(async (m): Promise<ReadResult<unknown>> => {
    if (!m) return (await here)!.reading;
    // The records stay on the thread that read them: nothing after the mapping reads them.
    return { dataset: m.dataset, input: m.input, sha256: m.sha256, records: [], rowsRead: m.rowsRead };
  });
  const mapping = done.then(async (m) => (m ? m.bundle : (await here)!.mapping));
  reading.catch(() => {});
  mapping.catch(() => {});
  return { reading, mapping };
}

/**
 * The jobs of every input, mapped ahead. `known` holds the database's names before the first input; it is kept up to
 * date as each input is told. `first`: the first input read and mapped elsewhere, taken when `known` is empty (what
 * it was mapped against).
 */
export function mapAhead(
  inputs: readonly { connector: Connector<unknown>; input: string }[],
  known: KnownSoFar,
  first?: Promise<MappedInput>,
): Promise<MappingJob | null>[] {
  const jobs: Promise<MappingJob | null>[] = [];
  let told: Promise<boolean> = Promise.resolve(true);
  const elsewhere = first && known.isEmpty() ? first : null;
  for (const [i, input] of inputs.entries()) {
    // Reading needs no names: every input is read from the start, so that the main thread reads the later inputs
    // while the first is mapped elsewhere. Only the mappings wait for the names of the inputs before them.
    const mapped = i === 0 && elsewhere;
    const read = mapped ? null : readInput(input);
    const job = told.then((yes) =>
      yes ? (mapped ? mappedElsewhere(input, known, elsewhere) : mapInput(input, known, read ?? undefined)) : null,
    );
    jobs.push(job);
    told = job
      .then(async (j) => {
        if (!j) return false;
        const [read, bundle] = await Promise.all([j.reading, j.mapping]);
        return known.predict(read.dataset, bundle);
      })
      .catch(() => false);
  }
  return jobs;
}
