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
    FROM observations o LEFT JOIN relations r ON r.object_id = o.subject_id AND r.predicate = 'developed'
    WHERE o.metric = 'hf.downloads' GROUP BY ALL ORDER BY o.period, downloads DESC`);
}
