/** The Ministry of Education list of regular higher-education institutions (2017): columns, row schema, source. */
import { z } from 'zod';
import type { Source } from '../../model/types.ts';

/** The list as published; the curated dataset cites the same source id with the same fields. */
export const MOE_LIST_SOURCE: Source = {
  id: 'src:moe-2017-university-list',
  title: '全国高等学校名单 (2017)',
  url: 'http://www.moe.gov.cn/srcsite/A03/moe_634/201706/t20170614_306900.html',
  publisher: 'Ministry of Education of the PRC',
  published: '2017-06-14',
  retrieved: '2026-11-29',
  licence: 'facts cited; text not copied',
};

export const MOE_COLUMNS = [
  'seq',
  'name',
  'moe_code',
  'supervising_department',
  'location',
  'level',
  'remarks',
  'province_from_code',
] as const;

const text = z.string().transform((s) => s.trim());

export const moeRowSchema = z.object({
  seq: z.string().trim().regex(/^\d+$/, 'expected a row number'),
  name: text.refine((s) => /\p{Script=Han}/u.test(s), { message: 'expected a Chinese name' }),
  // Most codes start 41; a few institutions in the list carry 36 or 42.
  moe_code: z
    .string()
    .trim()
    .regex(/^\d{10}$/, 'expected a 10-digit code'),
  supervising_department: text,
  location: text.refine((s) => s.length > 0, { message: 'empty location' }),
  level: z.enum(['本科', '专科']),
  remarks: text,
  province_from_code: text,
});

export type MoeRow = z.infer<typeof moeRowSchema> & { line: number };
