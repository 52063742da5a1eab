/**
 * The entity payload: an entity with its names, facts, claims, relations, timeline and every source they cite.
 * `computeEntityPayloads` reads any number of entities with the same SQL (one statement per part, not per entity), so
 * the build can store every entity's payload (api/serving.ts) exactly as the route computes one.
 */
import type { Db } from '../store/db.ts';
import {
  claimsOf,
  factsOf,
  getEntities,
  getSources,
  namesOf,
  profilesOf,
  relationsOf,
  sourceIdsOf,
  timelinesOf,
} from '../store/queries/entities.ts';
import type { EntityPayload } from './lookups.ts';

/**
 * Rows grouped by the entity they belong to, `for_id` dropped from each (the row types carry an index signature, so
 * `Omit` would erase their fields: the type keeps them, the object loses only `for_id`).
 */
function byOwner<T extends { for_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const { for_id, ...rest } of rows) {
    const list = out.get(for_id);
    if (list) list.push(rest as unknown as T);
    else out.set(for_id, [rest as unknown as T]);
  }
  return out;
}

/** The payloads of the given entities (null: every entity), by id; an unknown id has none. */
export async function computeEntityPayloads(
  db: Db,
  ids: readonly string[] | null,
): Promise<Map<string, EntityPayload>> {
  const [entities, names, facts, relations, entitySources, timelines, claims, profiles] = await Promise.all([
    getEntities(db, ids),
    namesOf(db, ids),
    factsOf(db, ids),
    relationsOf(db, ids),
    sourceIdsOf(db, ids),
    timelinesOf(db, ids),
    claimsOf(db, ids),
    profilesOf(db, ids),
  ]);
  const parts = {
    names: byOwner(names),
    facts: byOwner(facts),
    relations: byOwner(relations),
    sources: byOwner(entitySources),
    timeline: byOwner(timelines),
    claims: byOwner(claims),
  };
  const profile = new Map(profiles.map(({ for_id, ...p }) => [for_id, p] as const));
  const cited = new Set<string>();
  const shapes = entities.map((entity) => {
    const id = entity.id;
    const own = {
      names: parts.names.get(id) ?? [],
      facts: parts.facts.get(id) ?? [],
      relations: parts.relations.get(id) ?? [],
      entitySources: (parts.sources.get(id) ?? []).map((r) => r.source_id),
      timeline: parts.timeline.get(id) ?? [],
      claims: parts.claims.get(id) ?? [],
      profile: profile.get(id),
    };
    const sourceIds = new Set<string>(own.entitySources);
    for (const row of [...own.names, ...own.facts, ...own.relations, ...own.timeline, ...own.claims]) {
      sourceIds.add(row.source_id);
    }
    for (const claim of own.claims) for (const e of claim.evidence) sourceIds.add(e.source_id);
    if (own.profile?.source_id) sourceIds.add(own.profile.source_id);
    for (const s of sourceIds) cited.add(s);
    return { entity, own, sourceIds };
  });
  const sources = new Map((await getSources(db, [...cited])).map((s) => [s.id, s]));
  const out = new Map<string, EntityPayload>();
  for (const { entity, own, sourceIds } of shapes) {
    const p = own.profile;
    out.set(entity.id, {
      entity,
      ai_class: p?.ai_class
        ? {
            class: p.ai_class as NonNullable<EntityPayload['ai_class']>['class'],
            basis: p.basis ?? '',
            source_id: p.source_id,
          }
        : null,
      names: own.names,
      facts: own.facts,
      disputed: [...new Set(own.facts.filter((f) => f.disputed).map((f) => f.attr))],
      claims: own.claims,
      relations: own.relations,
      timeline: own.timeline,
      entity_sources: own.entitySources,
      // In id order, as getSources gives them.
      sources: [...sourceIds].sort().flatMap((s) => sources.get(s) ?? []),
    } as EntityPayload);
  }
  return out;
}

/** One entity's payload, or undefined when no entity has this id. */
export async function computeEntityPayload(db: Db, id: string): Promise<EntityPayload | undefined> {
  return (await computeEntityPayloads(db, [id])).get(id);
}
