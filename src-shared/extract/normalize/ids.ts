/**
 * Identifiers: mobile phones, cédulas, RIFs, operation references and authorisation codes.
 * Look-alike letters become digits inside them (and only inside them).
 */
import { D, plausibleDigits, toDigits } from '../ocr-digits';
import { at, type Normalized, type NormalizeContext } from './types';

/** Venezuelan mobile prefixes: Digitel, Movistar, Movilnet. */
const MOBILE_PREFIXES = ['0412', '0422', '0414', '0424', '0416', '0426'];

const SEP = String.raw`[\s.\-]?`;
const PHONE = new RegExp(String.raw`(?<![\p{L}\p{N}+])(\+?\s?58${SEP})?\(?([0O]?4${D}{2})\)?${SEP}(${D}{3})${SEP}(${D}{2})${SEP}(${D}{2})(?![\p{N}])`, 'gu');
const MASKED_PHONE = /0?4\d{2}\s?[-.]?\s?[•*·xX]{2,}\s?\d{2,4}/u;

/** 11 digits, 04XX and seven more: "0412-5318244", "+58 412-5318244", "584125318244". */
export function normalizePhone(text: string, _ctx: NormalizeContext): Normalized | null {
  for (const m of text.matchAll(PHONE)) {
    if (!plausibleDigits(m[0])) continue;
    let prefix = toDigits(m[2]!);
    if (prefix.length === 3) prefix = `0${prefix}`;
    if (!MOBILE_PREFIXES.includes(prefix)) continue;
    // Without +58, a prefix missing its 0 is too weak a sign: it is another number.
    if (!m[1] && toDigits(m[2]!).length === 3) continue;
    return { value: prefix + toDigits(m[3]! + m[4]! + m[5]!), start: m.index, end: m.index + m[0].length, confidence: 1 };
  }
  return null;
}

/** Whether the text shows a phone with hidden digits ("0412 - ••••244"): never a value. */
export const isMaskedPhone = (text: string) => MASKED_PHONE.test(text);

const GROUPED = String.raw`${D}{1,3}(?:[.,\s]${D}{3}){1,2}`;
const CEDULA_LETTER = new RegExp(String.raw`(?<![\p{L}\p{N}])([VEve])\s?[-.:]?\s?(${GROUPED}|${D}{6,9})(?![\p{N}]|\s?-\s?${D}(?!${D}))`, 'gu');
const CEDULA_DIGITS = new RegExp(String.raw`(?<![\p{L}\p{N}\-])(${GROUPED}|${D}{6,9})(?![\p{N}])`, 'gu');

/**
 * "V-12.345.678" -> "V-12345678"; digits alone ("27061025") only after a label, and then
 * without a letter, as printed. 6 to 9 digits; a trailing "-9" makes it a RIF, not a cédula.
 */
export function normalizeCedula(text: string, ctx: NormalizeContext): Normalized | null {
  for (const m of text.matchAll(CEDULA_LETTER)) {
    const digits = toDigits(m[2]!).replace(/[.,\s]/g, '');
    if (!plausibleDigits(m[2]!) || digits.length < 6 || digits.length > 9) continue;
    return { value: `${m[1]!.toUpperCase()}-${digits.replace(/^0+/, '')}`, start: m.index, end: m.index + m[0].length, confidence: 1 };
  }
  if (!ctx.labelled) return null;
  for (const m of text.matchAll(CEDULA_DIGITS)) {
    const digits = toDigits(m[1]!).replace(/[.,\s]/g, '');
    if (!plausibleDigits(m[1]!) || digits.length < 6 || digits.length > 9) continue;
    return { value: digits, ...at(m, 1), confidence: 0.9 };
  }
  return null;
}

const RIF = new RegExp(String.raw`(?<![\p{L}\p{N}])([JGVEPCjgvepc])\s?(-)?\s?(${D}{2}\.?${D}{3}\.?${D}{3})\s?(-)?\s?(${D})(?![\p{N}])`, 'gu');

/**
 * "J-12345678-9" (letter J G V E P C, 8 digits, check digit). Outside a RIF label only the
 * unmistakable forms count: a company letter (J G P C), or the dash before the check digit.
 */
export function normalizeRif(text: string, ctx: NormalizeContext): Normalized | null {
  for (const m of text.matchAll(RIF)) {
    if (!plausibleDigits(m[3]! + m[5]!)) continue;
    const letter = m[1]!.toUpperCase();
    if (!ctx.labelled && !'JGPC'.includes(letter) && !m[4]) continue;
    const body = toDigits(m[3]!).replace(/\./g, '');
    return { value: `${letter}-${body}-${toDigits(m[5]!)}`, start: m.index, end: m.index + m[0].length, confidence: 1 };
  }
  return null;
}

const DIGIT_RUN = new RegExp(String.raw`(?<![\p{L}\p{N}])(${D}{4,24})(?![\p{L}\p{N}])`, 'gu');

/** Operation references: the digits as printed, leading zeros kept. After a label only. */
export function normalizeReference(text: string, ctx: NormalizeContext): Normalized | null {
  if (!ctx.labelled) return null;
  let best: Normalized | null = null;
  for (const m of text.matchAll(DIGIT_RUN)) {
    if (!plausibleDigits(m[1]!)) continue;
    const value = toDigits(m[1]!);
    // The longest run: a stray digit read beside the reference must not replace it.
    if (!best || value.length > best.value.length) best = { value, ...at(m, 1), confidence: value.length >= 6 ? 1 : 0.8 };
  }
  return best;
}

const CODE = /(?<![\p{L}\p{N}])([A-Z0-9]*\d[A-Z0-9]{3,})(?![\p{L}\p{N}])/gu;

/** Receipt or authorisation numbers, distinct from the reference: as printed. After a label only. */
export function normalizeCode(text: string, ctx: NormalizeContext): Normalized | null {
  if (!ctx.labelled) return null;
  for (const m of text.matchAll(CODE)) {
    if ((m[1]!.match(/\d/g) ?? []).length < 4) continue;
    return { value: m[1]!, ...at(m, 1), confidence: 1 };
  }
  return null;
}
