/** The bundled, curated dataset: every data/curated/*.yaml file, validated as one whole. */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../model/errors.ts';
import { identityKeyProblem } from '../../model/identity.ts';
import { AI_CLASSES, COMPONENTS, INVESTOR_TYPES, familyOf, idPrefixOf } from '../../model/types.ts';
import { readTextFile } from '../read-file.ts';
import { parseYamlFile } from '../yaml-document.ts';
import type { Connector, ReadResult } from '../source.ts';
import { mapCurated } from './map.ts';
import { type CuratedFile, curatedFileSchema } from './schema.ts';

export interface CuratedInput {
  file: string;
  data: CuratedFile;
  /** The line of the node at a path in the file (for errors found after parsing). */
  lineOf: (path: (string | number)[]) => number | null;
}

/** Reads and validates one YAML file, naming file, line and field on the first problem. */
export async function readCuratedFile(file: string): Promise<{ input: CuratedInput; sha256: string }> {
  const { text, sha256 } = await readTextFile(file);
  const { value: js, lineOf } = parseYamlFile(file, text);
  const parsed = curatedFileSchema.safeParse(js ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = (issue?.path ?? []).map((k) => (typeof k === 'symbol' ? String(k) : k));
    throw new InputError(file, lineOf(path), path.join('.'), issue?.message ?? 'invalid');
  }
  return { input: { file, data: parsed.data, lineOf }, sha256 };
}

function fail(input: CuratedInput, path: (string | number)[], reason: string): never {
  throw new InputError(input.file, input.lineOf(path), path.join('.'), reason);
}

/** Checks across files: unique ids, one definition per source, every reference resolves, plausible values. */
export function checkCurated(inputs: CuratedInput[]): void {
  const thisYear = new Date().getUTCFullYear();
  const entities = new Map<string, string>();
  const sources = new Map<string, { json: string; file: string }>();
  for (const input of inputs) {
    input.data.sources.forEach((s, i) => {
      const json = JSON.stringify(s);
      const seen = sources.get(s.id);
      if (seen && seen.json !== json)
        fail(input, ['sources', i, 'id'], `source ${s.id} is defined differently in ${seen.file}`);
      sources.set(s.id, { json, file: input.file });
    });
    input.data.entities.forEach((e, i) => {
      const seen = entities.get(e.id);
      if (seen) fail(input, ['entities', i, 'id'], `entity ${e.id} is already defined in ${seen}`);
      entities.set(e.id, input.file);
      const prefix = e.id.slice(0, e.id.indexOf(':'));
      if (prefix !== idPrefixOf(e.kind))
        fail(input, ['entities', i, 'id'], `a ${e.kind} id starts with "${idPrefixOf(e.kind)}:"`);
    });
    // A policy is an event entity too: its id shares the namespace.
    input.data.policies.forEach((p, i) => {
      const seen = entities.get(p.id);
      if (seen) fail(input, ['policies', i, 'id'], `entity ${p.id} is already defined in ${seen}`);
      entities.set(p.id, input.file);
    });
  }
  const needSource = (input: CuratedInput, path: (string | number)[], id: string) => {
    if (!sources.has(id)) fail(input, path, `unknown source ${id}`);
  };
  const needEntity = (input: CuratedInput, path: (string | number)[], id: string) => {
    if (!entities.has(id)) fail(input, path, `unknown entity ${id}`);
  };
  const kindOf = new Map(inputs.flatMap((input) => input.data.entities.map((e) => [e.id, e.kind] as const)));
  const needOrg = (input: CuratedInput, path: (string | number)[], id: string) => {
    needEntity(input, path, id);
    const kind = kindOf.get(id);
    if (kind === undefined || familyOf(kind) !== 'organization')
      fail(input, path, `${id} is a ${kind ?? 'policy'}, not an organisation`);
  };
  // Policies: those defined in `policies:` and the event entities with a `type: policy` fact.
  const policies = new Set(inputs.flatMap((input) => input.data.policies.map((p) => p.id)));
  for (const input of inputs)
    for (const e of input.data.entities)
      if (e.kind === 'event' && e.facts.some((f) => f.attr === 'type' && f.value === 'policy')) policies.add(e.id);
  const formerly = new Map<string, string>();
  const checkFact = (input: CuratedInput, path: (string | number)[], entityId: string, attr: string, value: string) => {
    const keyProblem = identityKeyProblem(attr, value);
    if (keyProblem) fail(input, [...path, 'value'], keyProblem);
    if (attr === 'ai_class') {
      const kind = kindOf.get(entityId);
      if (kind === undefined || familyOf(kind) !== 'organization')
        fail(
          input,
          [...path, 'attr'],
          `ai_class applies to organisations; ${entityId} is a ${kind ?? 'unknown entity'}`,
        );
      if (!(AI_CLASSES as readonly string[]).includes(value))
        fail(input, [...path, 'value'], `ai_class must be one of ${AI_CLASSES.join(', ')}`);
    }
    if (attr === 'investor_type' && !(INVESTOR_TYPES as readonly string[]).includes(value))
      fail(input, [...path, 'value'], `investor_type must be one of ${INVESTOR_TYPES.join(', ')}`);
    if (attr === 'component' && !(COMPONENTS as readonly string[]).includes(value))
      fail(input, [...path, 'value'], `component must be one of ${COMPONENTS.join(', ')}`);
  };
  const roundIds = new Map<string, string>();
  for (const input of inputs) {
    input.data.entities.forEach((e, i) => {
      e.formerly.forEach((old, j) => {
        if (entities.has(old)) fail(input, ['entities', i, 'formerly', j], `${old} is a curated entity of its own`);
        const seen = formerly.get(old);
        if (seen && seen !== e.id) fail(input, ['entities', i, 'formerly', j], `${old} already redirects to ${seen}`);
        formerly.set(old, e.id);
      });
      const hqCities = e.relations.filter((r) => r.pred === 'headquartered_in' && r.object.startsWith('city:'));
      if (new Set(hqCities.map((r) => r.object)).size > 1) {
        const j = e.relations.indexOf(hqCities[1] as (typeof hqCities)[number]);
        fail(
          input,
          ['entities', i, 'relations', j, 'object'],
          `${e.id} has two headquarter cities; keep one primary headquarters and make the others has_office_in`,
        );
      }
      e.sources.forEach((s, j) => needSource(input, ['entities', i, 'sources', j], s));
      e.facts.forEach((f, j) => {
        needSource(input, ['entities', i, 'facts', j, 'source'], f.source);
        checkFact(input, ['entities', i, 'facts', j], e.id, f.attr, f.value);
        if (f.attr === 'founded') {
          // A year, or a date whose year is plausible.
          const year = Number(/^(\d{3,4})(-\d{2}(-\d{2})?)?$/.exec(f.value)?.[1] ?? NaN);
          if (!Number.isInteger(year) || year < 600 || year > thisYear) {
            fail(input, ['entities', i, 'facts', j, 'value'], `implausible founding year ${f.value}`);
          }
        }
      });
      e.relations.forEach((r, j) => {
        needSource(input, ['entities', i, 'relations', j, 'source'], r.source);
        needEntity(input, ['entities', i, 'relations', j, 'object'], r.object);
      });
    });
    input.data.facts.forEach((f, i) => {
      needEntity(input, ['facts', i, 'entity'], f.entity);
      needSource(input, ['facts', i, 'source'], f.source);
      checkFact(input, ['facts', i], f.entity, f.attr, f.value);
    });
    input.data.claims.forEach((c, i) => {
      needEntity(input, ['claims', i, 'subject'], c.subject);
      needSource(input, ['claims', i, 'source'], c.source);
      if (c.occasion) needEntity(input, ['claims', i, 'occasion'], c.occasion);
      c.evidence.forEach((ev, j) => {
        needSource(input, ['claims', i, 'evidence', j, 'source'], ev.source);
        if (ev.entity) needEntity(input, ['claims', i, 'evidence', j, 'entity'], ev.entity);
      });
      if (c.status === 'corroborated' && !c.evidence.some((ev) => ev.stance === 'corroborates'))
        fail(input, ['claims', i, 'status'], 'a corroborated claim needs evidence that corroborates it');
      if (c.status === 'contradicted' && !c.evidence.some((ev) => ev.stance === 'contradicts'))
        fail(input, ['claims', i, 'status'], 'a contradicted claim needs evidence that contradicts it');
    });
    input.data.rounds.forEach((r, i) => {
      const seen = roundIds.get(r.id);
      if (seen) fail(input, ['rounds', i, 'id'], `round ${r.id} is already defined in ${seen}`);
      roundIds.set(r.id, input.file);
      needOrg(input, ['rounds', i, 'organisation'], r.organisation);
      needSource(input, ['rounds', i, 'source'], r.source);
      const year = Number(r.date.slice(0, 4));
      if (year < 1980 || year > thisYear) fail(input, ['rounds', i, 'date'], `implausible round date ${r.date}`);
      r.investors.forEach((id, j) => needOrg(input, ['rounds', i, 'investors', j], id));
      if (new Set(r.investors).size !== r.investors.length)
        fail(input, ['rounds', i, 'investors'], 'an investor is listed twice');
      if (r.investors.includes(r.organisation))
        fail(input, ['rounds', i, 'investors'], `${r.organisation} cannot invest in its own round`);
      r.lead.forEach((id, j) => {
        if (!r.investors.includes(id)) fail(input, ['rounds', i, 'lead', j], `lead ${id} is not among the investors`);
      });
    });
    input.data.policies.forEach((p, i) => {
      needSource(input, ['policies', i, 'source'], p.source);
      needEntity(input, ['policies', i, 'place'], p.place);
      const year = Number((p.date ?? String(thisYear)).slice(0, 4));
      if (year < 1990 || year > thisYear) fail(input, ['policies', i, 'date'], `implausible policy date ${p.date}`);
      p.firms.forEach((f, j) => {
        needOrg(input, ['policies', i, 'firms', j, 'org'], f.org);
        needSource(input, ['policies', i, 'firms', j, 'source'], f.source);
      });
    });
    input.data.links.forEach((l, i) => {
      if (!policies.has(l.policy)) fail(input, ['links', i, 'policy'], `${l.policy} is not a policy`);
      needOrg(input, ['links', i, 'org'], l.org);
      needSource(input, ['links', i, 'source'], l.source);
    });
    input.data.supplies.forEach((l, i) => {
      needOrg(input, ['supplies', i, 'supplier'], l.supplier);
      needOrg(input, ['supplies', i, 'customer'], l.customer);
      needSource(input, ['supplies', i, 'source'], l.source);
      if (l.supplier === l.customer) fail(input, ['supplies', i, 'customer'], 'a firm does not supply itself');
    });
    input.data.observations.forEach((o, i) => {
      needSource(input, ['observations', i, 'source'], o.source);
      needEntity(input, ['observations', i, 'subject'], o.subject);
    });
    input.data.prices.forEach((p, i) => {
      needSource(input, ['prices', i, 'source'], p.source);
      needEntity(input, ['prices', i, 'vendor'], p.vendor);
      if (Number(p.date.slice(0, 4)) < 2020 || Number(p.date.slice(0, 4)) > thisYear) {
        fail(input, ['prices', i, 'date'], `implausible price date ${p.date}`);
      }
    });
  }
}

/** Reads a directory of curated YAML files (sorted, so the result is the same on every machine). */
export async function readCuratedDir(dir: string): Promise<ReadResult<CuratedInput>> {
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => join(dir, f));
  } catch {
    throw new InputError(dir, null, null, 'not a readable directory of .yaml files');
  }
  if (files.length === 0) throw new InputError(dir, null, null, 'no .yaml files');
  const hash = createHash('sha256');
  const inputs: CuratedInput[] = [];
  for (const file of files) {
    const { input, sha256 } = await readCuratedFile(file);
    hash.update(sha256);
    inputs.push(input);
  }
  checkCurated(inputs);
  const rows = inputs.reduce(
    (n, i) =>
      n +
      i.data.entities.length +
      i.data.observations.length +
      i.data.prices.length +
      i.data.facts.length +
      i.data.claims.length +
      i.data.rounds.length +
      i.data.policies.length +
      i.data.links.length +
      i.data.supplies.length,
    0,
  );
  return { dataset: 'curated', input: dir, sha256: hash.digest('hex'), records: inputs, rowsRead: rows };
}

export const curatedConnector: Connector<CuratedInput> = {
  name: 'curated',
  read: readCuratedDir,
  map: (read) => mapCurated(read.records),
};
