/** Free text as printed: the concept and the payee's name. */
import type { Normalized, NormalizeContext } from './types';

const trimmed = (text: string) => {
  const lead = text.length - text.trimStart().length;
  const value = text.trim().replace(/\s+/g, ' ').replace(/^[:\-–\s]+|[\s,;]+$/g, '');
  return { value, start: lead, end: lead + text.trim().length };
};

/** A concept: anything printed, trimmed. After a label only. */
export function normalizeText(text: string, ctx: NormalizeContext): Normalized | null {
  if (!ctx.labelled) return null;
  const t = trimmed(text);
  // A concept of digits alone ("90", "4 15 89 88 107") never ends in a dot: that is JPEG noise.
  if (/^[\d\s]+\.$/.test(t.value)) t.value = t.value.slice(0, -1).trimEnd();
  return t.value.length === 0 ? null : { ...t, confidence: 1 };
}

/** A person's or company's name: letters, not a number, an e-mail or a bank account. */
export function normalizeName(text: string, ctx: NormalizeContext): Normalized | null {
  if (!ctx.labelled) return null;
  const t = trimmed(text);
  const letters = (t.value.match(/\p{L}/gu) ?? []).length;
  if (letters < 2 || letters < t.value.replace(/\s/g, '').length * 0.6 || t.value.includes('@')) return null;
  return { ...t, confidence: 1 };
}
