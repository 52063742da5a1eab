/** The "Awesome LLMs In China" table (parsed CSV): columns and the zod schema of one row. */
import { z } from 'zod';
import type { Source } from '../../model/types.ts';

/** Where the list comes from; every row it yields cites this. */
export const LLM_LIST_SOURCE: Source = {
  id: 'src:awesome-llms-in-china',
  title: '中国大模型列表 Awesome LLMs In China (README table, commit f2a1119c)',
  url: 'https://github.com/wgwang/awesome-LLMs-In-China',
  publisher: 'wgwang (微信公众号：走向未来)',
  published: '2024-11-30',
  retrieved: '2024-11-30',
  licence: 'Apache-2.0; attribution: 微信公众号：走向未来 and https://github.com/wgwang/awesome-LLMs-In-China',
};

export const LLM_LIST_COLUMNS = [
  'seq',
  'company',
  'model',
  'model_links',
  'province_city',
  'category',
  'official_site_ok',
  'notes',
  'notes_links',
] as const;

const cell = z.string().transform((s) => s.trim());

export const llmListRowSchema = z.object({
  seq: z.string().trim().regex(/^\d+$/, 'expected a row number'),
  company: cell.refine((s) => s.length > 0, { message: 'empty company' }),
  model: cell.refine((s) => s.length > 0, { message: 'empty model' }),
  model_links: cell,
  province_city: cell,
  category: cell,
  official_site_ok: cell,
  notes: cell,
  notes_links: cell,
});

/**
 * first_listed.csv beside the list (optional; made by scripts/llm-list-first-listed.ts): for a row of the list, the
 * first upstream commit whose README named its model or company. An upper bound on when the organisation had a model.
 */
export const FIRST_LISTED_COLUMNS = ['row', 'seq', 'first_listed', 'commit', 'matched_on'] as const;
export const firstListedRowSchema = z.object({
  /** The row's position in the list (1 = first data row): the upstream numbering repeats some numbers. */
  row: z.coerce.number().int().min(1),
  seq: z.string().trim().regex(/^\d+$/, 'expected a row number'),
  first_listed: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'),
  commit: z
    .string()
    .trim()
    .regex(/^[0-9a-f]{40}$/, 'expected a 40-digit commit id'),
  matched_on: z.enum(['model', 'company']),
});

export type LlmListRow = z.infer<typeof llmListRowSchema> & {
  line: number;
  /** When the upstream list first named this row's model or company, and in which commit (when known). */
  firstListed: { date: string; commit: string; matchedOn: 'model' | 'company' } | null;
};

/** The upstream README at one commit: the source of a first-listed date. */
export function listCommitSource(commit: string, date: string): Source {
  return {
    id: `src:awesome-llms-in-china-${commit.slice(0, 8)}`,
    title: `中国大模型列表 Awesome LLMs In China (README at commit ${commit.slice(0, 8)})`,
    url: `https://github.com/wgwang/awesome-LLMs-In-China/blob/${commit}/README.md`,
    publisher: 'wgwang (微信公众号：走向未来)',
    published: date,
    retrieved: '2026-12-01',
    licence: LLM_LIST_SOURCE.licence,
  };
}
