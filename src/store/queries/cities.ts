/** Named SQL for the city league. */
import type { Db } from '../db.ts';
import { sql } from '../sql.ts';

export interface CityCount {
  city: string;
  organizations: number;
  [key: string]: unknown;
}

/** Organisations that made a model in `dataset`, per place that dataset gives for them (city, or province). */
export async function modelMakersByPlace(db: Db, dataset: string): Promise<CityCount[]> {
  return db.all<CityCount>(sql`
    SELECT hq.object_id AS city, count(DISTINCT d.subject_id)::INT AS organizations
    FROM relations d JOIN relations hq ON hq.subject_id = d.subject_id AND hq.predicate = 'headquartered_in'
      AND hq.dataset = ${dataset}
    WHERE d.dataset = ${dataset} AND d.predicate = 'developed'
    GROUP BY ALL ORDER BY organizations DESC, city`);
}
