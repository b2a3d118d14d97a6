/** Extracted fields as every consumer sees them (CLI, storage, the review form). */
import * as z from 'zod';
import { BoxSchema } from '../ocr/types';
import { FIELD_NAMES } from '../receipt/fields';

export const FieldSourceSchema = z.object({
  /** How it was found: after its label on the row, below it, alone by its form, from another field, from keywords, or typed by the operator. */
  via: z.enum(['inline', 'right', 'below', 'standalone', 'derived', 'keyword', 'operator']),
  /** The label or keyword as printed. */
  label: z.string().optional(),
  /** For derived values: the field they come from. */
  from: z.string().optional(),
});

const ExtractedFieldSchema = z.object({
  /** Canonical value (../shared/docs/domain.md). */
  value: z.string(),
  /** The text it was read from, as printed. */
  raw: z.string(),
  confidence: z.number().min(0).max(1),
  /** Union of the words it came from, in original-image pixels. */
  box: BoxSchema,
  source: FieldSourceSchema,
  currency: z.enum(['VES', 'USD']).optional(),
  /** A bank's official name. */
  name: z.string().optional(),
  /** Why the confidence is lower (an ambiguous amount, a month printed first). */
  note: z.string().optional(),
});
export type ExtractedField = z.infer<typeof ExtractedFieldSchema>;

export const FieldsSchema = z.partialRecord(z.enum(FIELD_NAMES), ExtractedFieldSchema);
export type Fields = z.infer<typeof FieldsSchema>;
