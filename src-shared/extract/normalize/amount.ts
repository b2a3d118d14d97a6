/**
 * Amounts as Venezuelan apps print them ("1.250,75 Bs", "Bs. 1.250,75", "VES 1250,75") and as
 * USD wallets do ("-$10.00"). Canonical: dot decimal, two decimals. A separator that could be
 * either thousands or decimals ("1.250" alone) is read as thousands, the Venezuelan norm, with a
 * lower confidence and a note: never a silent guess.
 */
import { D, plausibleDigits, toDigits } from '../ocr-digits';
import type { Normalized, NormalizeContext } from './types';

const CURRENCY = String.raw`(?:Bs\.?\s?S\.?|Bs\.?|BS\.?|VES|VEF|USD|US\$|\$)`;
const NUMBER = String.raw`${D}+(?:[.,]${D}+)*`;
const AMOUNT = new RegExp(String.raw`(?<![\p{L}\p{N}])([-−–]\s*)?(${CURRENCY}\s*)?(${NUMBER})(\s*${CURRENCY})?(?![\p{L}\p{N}])`, 'gu');

const currencyOf = (mark: string | undefined): 'VES' | 'USD' | undefined => {
  if (!mark) return undefined;
  return /\$|USD/i.test(mark) ? 'USD' : 'VES';
};

interface Parsed {
  value: string;
  confidence: number;
  note?: string;
}

/** The number alone ("1.250,75" -> 1250.75), separators decided as described above. */
function parseAmountNumber(raw: string, decimalHint?: ',' | '.'): Parsed | null {
  const s = toDigits(raw);
  const marks = s.replace(/\d/g, '');
  const groupsOk = (intPart: string, sep: string) => intPart.split(sep).every((g, i) => (i === 0 ? g.length >= 1 && g.length <= 3 : g.length === 3));
  const withCents = (int: string, dec: string) => `${String(BigInt(int))}.${dec.padEnd(2, '0')}`;
  if (marks === '') return { value: withCents(s, '00'), confidence: 0.6, note: 'sin decimales: el separador pudo perderse' };
  const last = Math.max(s.lastIndexOf('.'), s.lastIndexOf(','));
  const decMark = s[last]!;
  const after = s.slice(last + 1);
  const before = s.slice(0, last);
  const kinds = new Set(marks.split(''));
  if (kinds.size === 2) {
    const thousands = decMark === ',' ? '.' : ',';
    if (after.length > 2 || before.includes(decMark) || !groupsOk(before, thousands)) return null;
    return { value: withCents(before.split(thousands).join(''), after), confidence: 1 };
  }
  if (marks.length === 1 && (after.length === 1 || after.length === 2)) {
    // "522,70" or "10.00": a decimal mark. A dot in a page of commas is a little suspect.
    const confidence = decimalHint && decimalHint !== decMark ? 0.85 : 1;
    return { value: withCents(before, after), confidence };
  }
  if (marks.length > 1 && (after.length === 1 || after.length === 2) && groupsOk(before, decMark)) {
    // "13.903.00": groups of three then two digits. The last mark can only be the decimal one,
    // read as the thousands mark (OCR takes a comma for a dot).
    return { value: withCents(before.split(decMark).join(''), after), confidence: 0.8, note: `"${raw}": el último ${decMark} se leyó como separador decimal` };
  }
  if (after.length === 3 && groupsOk(s, decMark)) {
    // Sure it is thousands when it repeats, or when the page's other amounts use the other mark.
    const sure = marks.length > 1 || (decimalHint !== undefined && decimalHint !== decMark);
    return sure
      ? { value: withCents(s.split(decMark).join(''), '00'), confidence: marks.length > 1 ? 0.8 : 0.75, note: 'sin decimales' }
      : { value: withCents(s.split(decMark).join(''), '00'), confidence: 0.5, note: `"${raw}" es ambiguo: se leyó ${decMark} como separador de miles` };
  }
  return null;
}

export function normalizeAmount(text: string, ctx: NormalizeContext): Normalized | null {
  let best: Normalized | null = null;
  for (const m of text.matchAll(AMOUNT)) {
    const [, , prefix, number, suffix] = m;
    if (!number || !plausibleDigits(number)) continue;
    const marked = currencyOf(prefix) ?? currencyOf(suffix);
    if (!marked && !ctx.labelled) continue;
    const parsed = parseAmountNumber(number, ctx.decimalMark);
    if (!parsed || Number(parsed.value) <= 0 || Number(parsed.value) >= 1e12) continue;
    const start = m.index + (m[1]?.length ?? 0);
    const candidate: Normalized = {
      value: parsed.value,
      start,
      end: m.index + m[0].length,
      // An amount next to its currency is far likelier to be the amount than a bare number.
      confidence: parsed.confidence * (marked ? 1 : 0.85),
      currency: marked ?? ctx.currency ?? 'VES',
      ...(parsed.note ? { note: parsed.note } : {}),
    };
    if (!best || candidate.confidence > best.confidence) best = candidate;
  }
  return best;
}
