/** The shape every connector has: read (validate at the edge) → map (pure). Wired to the store by ingest/. */
import type { Bundle } from '../model/bundle.ts';
import type { Resolver } from '../model/resolver.ts';
import type { TableSpec } from '../model/tables.ts';

export interface ReadResult<R> {
  /** The scope this input's rows are merged under: the same input always has the same dataset. */
  dataset: string;
  /** What was read (file path or URL), for the run log. */
  input: string;
  sha256: string;
  records: R[];
  rowsRead: number;
}

export interface Connector<R> {
  readonly name: string;
  /**
   * The dataset names this connector owns: a dataset is one of them or starts with one and ":". An input can only
   * replace a dataset its connector owns (default: the connector's name).
   */
  readonly namespaces?: readonly string[];
  /**
   * Tables of its own, in merge order (merged after the core's): their DDL is in its folder's migrations/, their
   * rows come from its mapper (`Bundle.own`). Rows for a table it does not declare are refused.
   */
  readonly tables?: readonly TableSpec[];
  /** Reads and validates the whole input; throws InputError naming file, line and field. Writes nothing. */
  read(input: string): Promise<ReadResult<R>>;
  /** Turns validated records into model rows. Pure: resolution state comes in through `resolver`. */
  map(read: ReadResult<R>, resolver: Resolver): Bundle;
}
