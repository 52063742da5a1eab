/**
 * The entity payload: an entity with its names, facts, claims, relations, timeline and every source they cite,
 * written as JSON by DuckDB (store/queries/entities.ts `entityPayloadsJson`): one entity for the route, every entity
 * for the build, which stores them (api/serving.ts) with the same SQL.
 */
import type { Db } from '../store/db.ts';
import { entityPayloadsJson } from '../store/queries/entities.ts';
import type { EntityPayload } from './lookups.ts';

/** The payloads of the given entities (null: every entity) as JSON text, by id; an unknown id has none. */
export async function entityPayloadBodies(db: Db, ids: readonly string[] | null): Promise<Map<string, string>> {
  const rows = await db.all<{ id: string; body: string }>(entityPayloadsJson(ids));
  return new Map(rows.map((r) => [r.id, r.body]));
}

/** One entity's payload, or undefined when no entity has this id. */
export async function computeEntityPayload(db: Db, id: string): Promise<EntityPayload | undefined> {
  const body = (await entityPayloadBodies(db, [id])).get(id);
  return body === undefined ? undefined : (JSON.parse(body) as EntityPayload);
}
