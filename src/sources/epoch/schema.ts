/** The Epoch AI CSV vintages: which header names each field goes by, and the zod schema of one mapped row. */
import { z } from 'zod';

/** Field → the header names it has had across vintages (first found wins). */
export const EPOCH_COLUMNS = {
  model: ['Model', 'System'],
  organization: ['Organization'],
  publicationDate: ['Publication date'],
  country: ['Country (of organization)', 'Country (from Organization)'],
  domain: ['Domain'],
  parameters: ['Parameters'],
  parametersNotes: ['Parameters notes'],
  trainingCompute: ['Training compute (FLOP)'],
  categorization: ['Organization categorization'],
  notability: ['Notability criteria'],
  accessibility: ['Model accessibility'],
  link: ['Link'],
} as const;

export type EpochField = keyof typeof EPOCH_COLUMNS;

/** Fields a file must have; the others may be missing in a vintage. */
export const REQUIRED_FIELDS: readonly EpochField[] = ['model', 'organization', 'publicationDate', 'country'];

const optionalNumber = z
  .string()
  .transform((s) => s.trim())
  .refine((s) => s === '' || Number.isFinite(Number(s)), { message: 'not a number' })
  .transform((s) => (s === '' ? null : Number(s)));

/** One row after column mapping; every cell is text until this schema says otherwise. */
export const epochRowSchema = z.object({
  model: z.string().transform((s) => s.trim()),
  organization: z.string(),
  publicationDate: z
    .string()
    .trim()
    .refine((s) => s === '' || /^\d{4}(-\d{2}(-\d{2})?)?$/.test(s), { message: 'expected YYYY-MM-DD' }),
  country: z.string(),
  domain: z.string().default(''),
  parameters: optionalNumber.prefault(''),
  parametersNotes: z.string().default(''),
  trainingCompute: optionalNumber.prefault(''),
  categorization: z.string().default(''),
  notability: z.string().nullable().default(null),
  accessibility: z.string().default(''),
  link: z.string().default(''),
});

export type EpochRow = z.infer<typeof epochRowSchema> & { line: number };
