/** Tables derived from the others (where each entity is, which releases belong to which segment, which are LLMs). */
import type { Db } from './db.ts';

/**
 * Recomputes the derived tables from their views, replacing them whole. Runs inside each ingest's transaction, so
 * readers see them consistent with the rows they derive from.
 */
export async function refreshDerived(db: Db): Promise<void> {
  await db.exec('CREATE OR REPLACE TABLE entity_place AS SELECT * FROM entity_place_v');
  await db.exec('CREATE OR REPLACE TABLE release_segments AS SELECT * FROM release_segments_v');
  // After release_segments, which it reads.
  await db.exec('CREATE OR REPLACE TABLE llm_releases AS SELECT * FROM llm_releases_v');
  await db.exec('CREATE OR REPLACE TABLE org_profile AS SELECT * FROM org_profile_v');
}
