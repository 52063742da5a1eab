/**
 * The long computations in JavaScript that a build runs on a worker thread (`CpuWorker`) while its main thread goes
 * on: pure functions of plain data, so they give the same result on either thread.
 */
import type { NetworkEdgeRow } from '../store/queries/cities.ts';
import type { SearchDoc } from '../store/queries/entities.ts';
import { graphLibraries, layoutNetwork } from './network.ts';
import { type NameTerms, SearchIndex, nameTerms, tokenize } from './search-index.ts';

/** Names whose terms this thread worked out ahead (`nameTerms` task), for the search index that follows. */
const aheadTerms = new Map<string, NameTerms>();
const termsOf = (name: string): NameTerms => aheadTerms.get(name) ?? nameTerms(name);

export const CPU_TASKS = {
  /**
   * Loads what the other tasks use (the layout's libraries, OpenCC's dictionaries, the word segmenter), so that a
   * worker started early has done it before its first real task.
   */
  warm: (_input: null): null => {
    graphLibraries();
    tokenize('預熱 warm');
    return null;
  },
  /**
   * Tokenises names ahead, for `searchIndexJson` (pure: the index is the same with or without). A build sends every
   * name once its inputs are mapped, while DuckDB inserts the last of them and this thread would otherwise wait:
   * tokenising every name (OpenCC, the word segmenter) was most of the index's cost, and it ran in the stretch of the
   * build where both cores are busiest.
   */
  nameTerms: (names: string[]): null => {
    for (const name of names) if (!aheadTerms.has(name)) aheadTerms.set(name, nameTerms(name));
    return null;
  },
  /** The search index of these documents as the JSON text a build stores (every name tokenised). */
  searchIndexJson: (docs: SearchDoc[]): string => JSON.stringify(SearchIndex.dataOf(docs, termsOf)),
  /** A network laid out (ForceAtlas2, 300 iterations), its labels as entries. */
  layout: (input: { edges: NetworkEdgeRow[]; labels: [string, { label: string; kind: string }][] }) =>
    layoutNetwork(input.edges, new Map(input.labels)),
};

export type CpuTasks = typeof CPU_TASKS;
export type CpuTask = keyof CpuTasks;

/** Runs a task here, on this thread. */
export function runCpuTask<K extends CpuTask>(task: K, input: Parameters<CpuTasks[K]>[0]): ReturnType<CpuTasks[K]> {
  return (CPU_TASKS[task] as (input: unknown) => ReturnType<CpuTasks[K]>)(input);
}
