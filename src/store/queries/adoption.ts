/** Named SQL for open-weight adoption (Hugging Face): derivatives of base models, downloads over time. */
import type { Db } from '../db.ts';
import { sql } from '../sql.ts';

export async function derivativesByBase(
  db: Db,
): Promise<{ base: string; name: string | null; organization: string | null; derivatives: number }[]> {
  return db.all(sql`
    SELECT r.object_id AS base, coalesce(b.name_en, b.name_zh) AS name,
      (SELECT min(d.subject_id) FROM relations d WHERE d.object_id = r.object_id AND d.predicate = 'developed') AS organization,
      count(DISTINCT r.subject_id)::INT AS derivatives
    FROM relations r LEFT JOIN entities b ON b.id = r.object_id WHERE r.predicate = 'based_on'
    GROUP BY ALL ORDER BY derivatives DESC, base LIMIT 500`);
}

export async function downloadSeries(
  db: Db,
): Promise<{ period: string; organization: string | null; downloads: number }[]> {
  return db.all(sql`
    SELECT o.period, r.subject_id AS organization, sum(o.value)::DOUBLE AS downloads
    FROM (SELECT period, subject_id, max(value) AS value FROM observations WHERE metric = 'hf.downloads'
          GROUP BY period, subject_id) o
    -- One row per (model, organisation): the same "developed" edge from several syncs or sources counts once.
    LEFT JOIN (SELECT DISTINCT object_id, subject_id FROM relations WHERE predicate = 'developed') r
      ON r.object_id = o.subject_id
    GROUP BY ALL ORDER BY o.period, downloads DESC, organization`);
}
