/**
 * What a reading could not vouch for. A receipt without an amount or a reference, one that read
 * nothing or far fewer lines than its image holds, or whose amount, fee and total do not add up,
 * is never an "ok" with quiet gaps: it carries warnings, is stored as needing review and is put
 * first in the review queue with the reason shown. Pure: the worker and the tests use it.
 */
import * as z from 'zod';
import type { Fields } from '../extract/types';
import type { Line } from '../ocr/types';

const READ_WARNING_CODES = ['nothing_read', 'few_lines', 'no_amount', 'no_reference', 'amount_mismatch'] as const;

export const ReadWarningSchema = z.object({ code: z.enum(READ_WARNING_CODES), message: z.string() });
export type ReadWarning = z.infer<typeof ReadWarningSchema>;

export interface ReadingSummary {
  lines: readonly Line[];
  fields: Fields;
  /** Lines of text-like ink the detector's grey view of the page counted (0 when unknown). */
  inkLines: number;
  /** Fee and total printed beside the amount, canonical ("1250.75"), when both were read. */
  amountCheck?: { fee: string; total: string };
}

/** Under this share of the page's ink lines read, the reading has missed most of the text. */
const FEW_LINES_SHARE = 0.4;
const FEW_LINES_MIN_INK = 8;

const cents = (v: string) => Math.round(Number(v) * 100);

export function readWarnings(r: ReadingSummary): ReadWarning[] {
  const chars = r.lines.reduce((n, l) => n + l.text.replace(/[^\p{L}\p{N}]/gu, '').length, 0);
  if (r.lines.length === 0 || chars < 6) return [{ code: 'nothing_read', message: 'No text was read from this image: check that it is a receipt and read it again with the accurate profile.' }];
  const out: ReadWarning[] = [];
  if (r.inkLines >= FEW_LINES_MIN_INK && r.lines.length < r.inkLines * FEW_LINES_SHARE) {
    out.push({ code: 'few_lines', message: `Read ${r.lines.length} lines where the image seems to hold about ${r.inkLines}: some text may be missing.` });
  }
  if (!r.fields.monto) out.push({ code: 'no_amount', message: 'No amount was found on this receipt.' });
  if (!r.fields.referencia) out.push({ code: 'no_reference', message: 'No reference number was found on this receipt.' });
  const amount = r.fields.monto?.value;
  if (amount && r.amountCheck && cents(amount) + cents(r.amountCheck.fee) !== cents(r.amountCheck.total)) {
    out.push({ code: 'amount_mismatch', message: `Amount ${amount} plus fee ${r.amountCheck.fee} is not the total ${r.amountCheck.total}: check which one is the payment.` });
  }
  return out;
}
