/**
 * OCR reads some digits as look-alike letters (O/0, l/I/1, S/5, B/8, Z/2). Only inside values
 * that must be digits (amounts, references, phones, ids, accounts, dates) are they turned back,
 * never in names or concepts: normalisers match digit positions with `D` and convert after.
 */
const LOOK_ALIKES: Record<string, string> = { O: '0', o: '0', l: '1', I: '1', '|': '1', S: '5', B: '8', Z: '2' };

/** Regular-expression class for "a digit, or a letter OCR takes for one". */
export const D = '[0-9OolI|SBZ]';

export const toDigits = (s: string): string => s.replace(/[OolI|SBZ]/g, (c) => LOOK_ALIKES[c]!);

/**
 * A match is a number, not a word, when it has at least one real digit and no more look-alikes
 * than real digits: "O,31" and "1O4" are numbers, "Bs", "SOS" and "ISO" are not.
 */
export function plausibleDigits(s: string): boolean {
  const digits = (s.match(/[0-9]/g) ?? []).length;
  const alike = (s.match(/[OolI|SBZ]/g) ?? []).length;
  return digits >= 1 && alike <= digits;
}
