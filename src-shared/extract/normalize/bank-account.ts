/**
 * Banks ("0105 - BANCO MERCANTIL", "(0108)", "Banesco") and accounts, often masked
 * ("0102****5071", "0102-****-**-****5678", "•••• 3976").
 */
import { BANK_NAMES, bankByName } from '../banks';
import { D, plausibleDigits, toDigits } from '../ocr-digits';
import { at, type Normalized, type NormalizeContext } from './types';

const BANK_CODE = new RegExp(String.raw`(?<![\p{L}\p{N}])\(?([0O]${D}{3})\)?(?![\p{N}])`, 'gu');

/** A bank by its code, or by a name or alias after a label; the code wins if both disagree. */
export function normalizeBank(text: string, ctx: NormalizeContext): Normalized | null {
  const byName = ctx.banks ? bankByName(text, ctx.banks) : null;
  for (const m of text.matchAll(BANK_CODE)) {
    const code = toDigits(m[1]!);
    if (!plausibleDigits(m[1]!) || !BANK_NAMES[code]) continue;
    const agrees = !byName || byName.code === code;
    return { value: code, name: BANK_NAMES[code]!, ...at(m, 1), confidence: agrees ? 1 : 0.7, ...(agrees ? {} : { note: 'el código y el nombre del banco no coinciden' }) };
  }
  if (!byName || !ctx.labelled) return null;
  // Folded positions are close enough to the original to point at the right words.
  return { value: byName.code, name: BANK_NAMES[byName.code]!, start: Math.max(0, byName.start - 1), end: Math.min(text.length, byName.end), confidence: 0.9 };
}

const MASK = '[*•·∙●xX]';
const ACCOUNT = new RegExp(String.raw`(?<![\p{L}\p{N}])((?:${D}|${MASK})(?:[\s.-]{0,3}(?:${D}|${MASK})){7,23})(?![\p{L}\p{N}])`, 'gu');

/**
 * Digits and "*" only, separators removed: a full 20-digit account, or a masked one that still
 * shows its last digits (at least three, four in all). Every masking character reads as "*".
 */
export function normalizeAccount(text: string, ctx: NormalizeContext): Normalized | null {
  if (!ctx.labelled) return null;
  for (const m of text.matchAll(ACCOUNT)) {
    const compact = m[1]!.replace(/[\s.-]/g, '');
    const value = toDigits(compact.replace(/[•·∙●xX]/g, '*'));
    const digits = value.replace(/\*/g, '');
    const masked = value.includes('*');
    if (!plausibleDigits(compact.replace(/[*•·∙●xX]/g, ''))) continue;
    if (masked ? digits.length < 4 || !/\d{3}$/.test(value) || value.length > 24 : value.length !== 20) continue;
    return { value, ...at(m, 1), confidence: 1 };
  }
  return null;
}
