/**
 * Dated events to draw on time charts, each from the dataset with its sources: CAC's first generative-AI filings,
 * model milestones (a `milestone` fact, dated by the model's release date), the largest monthly fall of the Chinese
 * like-for-like LLM price index, and national AI policies.
 */
import { z } from '@hono/zod-openapi';
import type { Db } from '../store/db.ts';
import { sql } from '../store/sql.ts';
import { computePricesPayload } from './prices.ts';
import { provenance, provenanceSchema } from './provenance.ts';

export const eventSchema = z.object({
  date: z.string().openapi({ description: 'YYYY-MM-DD, or YYYY-MM for a month' }),
  kind: z.enum(['filings', 'release', 'prices', 'policy']),
  label: z.string(),
  short: z.string().openapi({ description: 'a few words for a chart label' }),
  label_zh: z
    .string()
    .openapi({ description: 'the label in Chinese (a name or milestone recorded only in English stays so)' }),
  short_zh: z.string().openapi({ description: 'the chart label in Chinese' }),
  entity_id: z.string().nullable(),
  source_ids: z.array(z.string()),
});
export type ChartEvent = z.infer<typeof eventSchema>;

export const eventsPayload = z
  .object({ events: z.array(eventSchema) })
  .extend(provenanceSchema.shape)
  .openapi('Events');
export type EventsPayload = z.infer<typeof eventsPayload>;

export async function computeEventsPayload(db: Db): Promise<EventsPayload> {
  const events: ChartEvent[] = [];
  const first = await db.one<{ day: string | null; n: number; source_id: string | null }>(sql`
    SELECT filed_on AS day, count(*)::INT AS n, min(source_id) AS source_id FROM genai_filings
    WHERE kind = 'filed' AND filed_on = (SELECT min(filed_on) FROM genai_filings WHERE kind = 'filed')
    GROUP BY filed_on`);
  if (first?.day && first.source_id)
    events.push({
      date: first.day,
      kind: 'filings',
      label: `The CAC's first generative-AI filings: ${first.n} services cleared to launch`,
      short: 'CAC first filings',
      label_zh: `国家网信办首批生成式人工智能服务备案：${first.n} 项服务获准上线`,
      short_zh: '网信办首批备案',
      entity_id: null,
      source_ids: [first.source_id],
    });
  const milestones = await db.all<{
    entity_id: string;
    name: string | null;
    name_zh: string | null;
    label: string;
    date: string;
    sources: string[];
  }>(sql`
    SELECT m.entity_id, min(e.name_en) AS name, min(e.name_zh) AS name_zh, min(m.value) AS label, min(d.value) AS date,
      list(DISTINCT m.source_id) || list(DISTINCT d.source_id) AS sources
    FROM facts m JOIN facts d ON d.entity_id = m.entity_id AND d.attr IN ('release_date', 'date')
      JOIN entities e ON e.id = m.entity_id
    WHERE m.attr = 'milestone' GROUP BY m.entity_id ORDER BY date`);
  for (const m of milestones)
    events.push({
      date: m.date,
      kind: 'release',
      label: m.label,
      short: m.name ?? m.entity_id,
      label_zh: m.label,
      short_zh: m.name_zh ?? m.name ?? m.entity_id,
      entity_id: m.entity_id,
      source_ids: [...new Set(m.sources)],
    });
  // The price war in China's like-for-like index (blended, CNY): its first monthly fall, and its sharpest.
  const prices = await computePricesPayload(db, { country: 'all', kind: 'list' });
  const cn = prices.indexes.find((i) => i.country === 'country:cn');
  const falls: { month: string; change: number }[] = [];
  for (const [i, m] of (cn?.months ?? []).entries()) {
    const prev = cn?.months[i - 1]?.cny.blended;
    const now = m.cny.blended;
    if (prev && now !== null && prev > 0 && now < prev) falls.push({ month: m.month, change: now / prev - 1 });
  }
  const firstFall = falls[0];
  const sharpest = [...falls].sort((a, b) => a.change - b.change)[0];
  const sourcesOf = (month: string) => [
    ...new Set(
      prices.prices
        .filter((p) => p.vendor_country === 'country:cn' && p.date.startsWith(month))
        .map((p) => p.source_id),
    ),
  ];
  for (const [fall, what] of [
    [firstFall, 'first'],
    [sharpest, 'sharpest'],
  ] as const) {
    if (!fall || (what === 'sharpest' && fall.month === firstFall?.month)) continue;
    events.push({
      date: fall.month,
      kind: 'prices',
      label:
        `China's like-for-like LLM price index falls ${Math.round(-100 * fall.change)} % in ${fall.month}: ` +
        `its ${what} monthly fall`,
      short: what === 'first' ? 'price cuts begin' : 'sharpest price cut',
      label_zh:
        `中国同口径大模型价格指数 ${fall.month} 下降 ${Math.round(-100 * fall.change)}%：` +
        (what === 'first' ? '首次月度下降' : '最大月度降幅'),
      short_zh: what === 'first' ? '开始降价' : '降幅最大',
      entity_id: null,
      source_ids: sourcesOf(fall.month),
    });
  }
  const policies = await db.all<{
    id: string;
    label: string;
    label_zh: string | null;
    date: string;
    source_id: string;
  }>(sql`
    SELECT p.entity_id AS id, e.name_en AS label, e.name_zh AS label_zh, d.value AS date, min(d.source_id) AS source_id
    FROM facts p JOIN facts d ON d.entity_id = p.entity_id AND d.attr = 'date'
      JOIN relations r ON r.subject_id = p.entity_id AND r.predicate = 'located_in' AND r.object_id = 'country:cn'
      JOIN entities e ON e.id = p.entity_id
    WHERE p.attr = 'type' AND p.value = 'policy' GROUP BY ALL ORDER BY date`);
  for (const p of policies)
    events.push({
      date: p.date,
      kind: 'policy',
      label: p.label,
      short: p.label.length > 28 ? `${p.label.slice(0, 26)}…` : p.label,
      label_zh: p.label_zh ?? p.label,
      short_zh: p.label_zh ? (p.label_zh.length > 14 ? `${p.label_zh.slice(0, 13)}…` : p.label_zh) : p.label,
      entity_id: p.id,
      source_ids: [p.source_id],
    });
  events.sort((a, b) => a.date.localeCompare(b.date));
  return {
    events,
    ...(await provenance(
      db,
      [],
      events.flatMap((e) => e.source_ids),
    )),
  };
}
