/** AI publications per country (CSET ETO via Our World in Data): columns, row schema and source. */
import { z } from 'zod';
import type { Source } from '../../model/types.ts';

export const OWID_PUBLICATIONS_SOURCE: Source = {
  id: 'src:owid-ai-publications',
  title:
    'Annual scholarly publications on artificial intelligence (CSET Emerging Technology Observatory, via Our World in Data)',
  url: 'https://ourworldindata.org/grapher/annual-scholarly-publications-on-artificial-intelligence',
  publisher: 'Our World in Data; data: CSET Emerging Technology Observatory (Merged Academic Corpus)',
  published: null,
  retrieved: '2026-11-29',
  licence: 'CC BY 4.0',
};

export const OWID_COLUMNS = ['entity', 'code', 'year', 'value'] as const;

export const owidRowSchema = z.object({
  entity: z.string().trim().min(1, 'empty entity'),
  code: z
    .string()
    .trim()
    .regex(/^[A-Z]{3}$/, 'expected an ISO 3166-1 alpha-3 code'),
  year: z
    .string()
    .trim()
    .regex(/^(19|20)\d{2}$/, 'expected a year')
    .transform(Number),
  value: z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)?$/, 'expected a non-negative number')
    .transform(Number),
});

export type OwidRow = z.infer<typeof owidRowSchema> & { line: number };
