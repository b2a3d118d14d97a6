/**
 * One image's record, exactly as `receipt-ocr extract` prints it (the CLI contract), and as the
 * worker returns it. `image`, `timings_ms`, `text` and `lines` are present when status is "ok".
 */
import * as z from 'zod';
import { FieldsSchema } from '../extract/types';
import { WhatsappMetadataSchema } from '../extract/whatsapp';
import { LineSchema, OcrErrorCodeSchema, StageTimingsSchema } from '../ocr/types';
import { ReadWarningSchema } from './warnings';

export const ImageRecordSchema = z.object({
  file: z.string(),
  sha256: z.string().nullable(),
  status: z.enum(['ok', 'error']),
  error: z.object({ code: OcrErrorCodeSchema, message: z.string() }).optional(),
  image: z.object({ width: z.number().int(), height: z.number().int() }).optional(),
  timings_ms: StageTimingsSchema.optional(),
  text: z.string().optional(),
  lines: z.array(LineSchema).optional(),
  /** Only the fields found. */
  fields: FieldsSchema,
  /** WhatsApp metadata from the file name; {} when the name does not follow the convention. */
  metadata: z.union([WhatsappMetadataSchema, z.strictObject({})]),
  /** What the reading could not vouch for (no amount, nothing read...); absent or [] when none. */
  warnings: z.array(ReadWarningSchema).optional(),
  /** referencia|monto currency|fecha|banco_destino, or null without reference or amount. */
  dedupe_key: z.string().nullable().optional(),
});
export type ImageRecord = z.infer<typeof ImageRecordSchema>;
