/** The YAML edge every YAML input shares: parse strictly, name the file and line of a syntax error, bound aliases. */
import { createRequire } from 'node:module';
import type * as JsYamlModule from 'js-yaml';
import type * as YamlModule from 'yaml';
import { InputError } from '../model/errors.ts';

// Loaded on first use (a server reads no YAML; loading both took some 40 ms of every start).
const load = createRequire(import.meta.url);
let jsYamlLib: typeof JsYamlModule | null = null;
let yamlLib: typeof YamlModule | null = null;
const jsYaml = () => (jsYamlLib ??= load('js-yaml') as typeof JsYamlModule);
const yaml = () => (yamlLib ??= load('yaml') as typeof YamlModule);

/**
 * Where a YAML document may hold an alias (`*name`): a `*` that starts a node. Text without one cannot expand, so it
 * may take the fast reader; anything that looks like one (a `*` in a quoted note too) takes the bounded one.
 */
const ALIAS = /(?:^|[\s[{,:])\*/m;

export interface ParsedYaml {
  value: unknown;
  /** The line of the node at a path (for errors found after parsing), or null when the path has no node. */
  lineOf: (path: readonly (string | number)[]) => number | null;
}

/**
 * Parses `text` (read from `file`) into its plain value. Duplicate keys are errors; alias expansion is bounded
 * ("billion laughs"); every error names the file, and the line where the parser knows it.
 *
 * Two readers, one result. js-yaml (YAML 1.2 core schema) reads the document first, ten times faster than `yaml`,
 * when it has no alias; `yaml` reads it whenever js-yaml cannot or aliases may be present, so that errors and
 * expansion limits are always `yaml`'s. Line numbers come from `yaml`'s document, made only when asked for.
 */
export function parseYamlFile(file: string, text: string): ParsedYaml {
  let document: { doc: YamlModule.Document.Parsed; lines: YamlModule.LineCounter } | null = null;
  const full = () => {
    if (document) return document;
    const { LineCounter, parseDocument } = yaml();
    const lines = new LineCounter();
    const doc = parseDocument(text, { uniqueKeys: true, lineCounter: lines });
    const syntax = doc.errors[0];
    if (syntax)
      throw new InputError(file, syntax.linePos?.[0].line ?? null, null, syntax.message.split('\n')[0] ?? 'bad YAML');
    document = { doc, lines };
    return document;
  };
  const lineOf = (path: readonly (string | number)[]): number | null => {
    const { doc, lines } = full();
    for (let p = [...path]; p.length > 0; p = p.slice(0, -1)) {
      const node = doc.getIn(p, true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return lines.linePos(node.range[0]).line;
    }
    return null;
  };
  if (!ALIAS.test(text)) {
    try {
      const { load: read, CORE_SCHEMA } = jsYaml();
      return { value: read(text, { schema: CORE_SCHEMA, filename: file }), lineOf };
    } catch {
      // `yaml` reads it again below and gives the error its own words and line.
    }
  }
  const { doc } = full();
  try {
    return { value: doc.toJS({ maxAliasCount: 1000 }), lineOf };
  } catch (error) {
    throw new InputError(file, null, null, `YAML cannot be expanded: ${(error as Error).message}`);
  }
}
