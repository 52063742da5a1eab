/** CAC generative-AI filing totals (dated points, each with its announcement URL) and filing identifiers. */
import { z } from 'zod';

export const CAC_COLUMNS = ['as_of', 'metric', 'value', 'unit', 'cac_announcement_url', 'relayed_by'] as const;

export const cacRowSchema = z.object({
  as_of: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'),
  metric: z.string().trim().min(1, 'empty metric'),
  value: z.string().trim().regex(/^\d+$/, 'expected a whole number').transform(Number),
  unit: z.string().trim().min(1, 'empty unit'),
  cac_announcement_url: z.union([z.literal(''), z.url()]),
  relayed_by: z.string().trim(),
});

export type CacRow = z.infer<typeof cacRowSchema> & { line: number };

/** The metric ids the free-text metric descriptions map to; a description matching none is refused. */
export const CAC_METRICS: readonly { pattern: RegExp; id: string }[] = [
  { pattern: /^cumulative .*(filed|filing).*备案/i, id: 'cac.genai_services_filed' },
  { pattern: /^new filings during/i, id: 'cac.genai_services_filed_new' },
  { pattern: /登记/, id: 'cac.genai_apps_registered' },
  { pattern: /^first batch/i, id: 'cac.genai_first_batch' },
];
