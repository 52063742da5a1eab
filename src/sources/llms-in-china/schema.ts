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

export type LlmListRow = z.infer<typeof llmListRowSchema> & { line: number };
