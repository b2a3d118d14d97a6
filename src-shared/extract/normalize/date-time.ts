/**
 * Dates and times as receipts print them. Dates are day-first, as in Venezuela ("20/06/2025",
 * "20-06-25", "14 JUL 2025", "20 de junio de 2025", "2025-06-20"); a month over 12 means the
 * app printed it month-first, read with less confidence. Times in 12-hour form take "PM",
 * "p. m.", "pm"; canonical forms are YYYY-MM-DD and HH:MM (24 h).
 */
import { confusableKey, fold } from '../text';
import { D, plausibleDigits, toDigits } from '../ocr-digits';
import type { Normalized, NormalizeContext } from './types';

const MONTHS: Record<string, number> = {
  enero: 1, ene: 1, jan: 1, january: 1, febrero: 2, feb: 2, february: 2, marzo: 3, mar: 3, march: 3,
  abril: 4, abr: 4, apr: 4, april: 4, mayo: 5, may: 5, junio: 6, jun: 6, june: 6, julio: 7, jul: 7, july: 7,
  agosto: 8, ago: 8, aug: 8, august: 8, septiembre: 9, setiembre: 9, sep: 9, sept: 9, set: 9, september: 9,
  octubre: 10, oct: 10, october: 10, noviembre: 11, nov: 11, november: 11, diciembre: 12, dic: 12, dec: 12, december: 12,
};
// Month words may carry a look-alike digit ("AG0" for AGO); monthNumber() sorts them out. The
// abbreviation's dot may read as a colon ("14 abr: 2025"). Latin letters only: a class over all
// of \p{L} repeated {3,10} takes V8 some 70 ms to compile for a text with any character beyond
// Latin-1 (a bullet, a dash), on the first receipt a process reads.
const MONTH_WORD = String.raw`([A-Za-z\u00C0-\u024F0-9]{3,10})[.:]?`;
/** A year glued to the time after it ("20253:08", OCR lost the space) still ends at its 4th digit. */
const YEAR_END = String.raw`(?!${D}(?!${D}?[:.]${D}{2}))`;

const NUMERIC_ISO = new RegExp(String.raw`(?<!${D})(${D}{4})[-/.](${D}{1,2})[-/.](${D}{1,2})(?!${D})`, 'gu');
const NUMERIC_DMY = new RegExp(String.raw`(?<!${D})(${D}{1,2})\s?[/.-]\s?(${D}{1,2})\s?[/.-]\s?(${D}{4}|${D}{2})${YEAR_END}`, 'gu');
// "de" may come glued to its neighbours ("16 dejunio de 2025", "de20267:04"): OCR drops small spaces.
const WORDS_DMY = new RegExp(String.raw`(?<![\p{L}\p{N}])(${D}{1,2})\s*(?:de\s*)?[-/]?\s*${MONTH_WORD}\s*[-/,]?\s*(?:del?\s*)?(${D}{4})${YEAR_END}`, 'giu');
// OCR may drop the space after the comma ("May 21,2025").
const WORDS_MDY = new RegExp(String.raw`(?<![\p{L}\p{N}])${MONTH_WORD}\s+(${D}{1,2})(?:,\s*|\s+)(${D}{4})(?!${D})`, 'giu');

const pad = (n: number) => String(n).padStart(2, '0');

const MONTHS_BY_KEY = new Map(Object.entries(MONTHS).map(([name, n]) => [confusableKey(name), n]));

/** A month by name, also as OCR misreads it ("AG0" for AGO, "jullo" for julio). */
function monthNumber(word: string): number | undefined {
  const w = fold(word);
  if ((w.match(/\p{L}/gu) ?? []).length < 2) return undefined;
  return MONTHS[w] ?? MONTHS_BY_KEY.get(confusableKey(w));
}

function realDate(y: number, m: number, d: number): boolean {
  if (y < 2000 || y > 2099 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function build(y: number, m: number, d: number, start: number, end: number, confidence: number, note?: string): Normalized | null {
  if (!realDate(y, m, d)) return null;
  return { value: `${y}-${pad(m)}-${pad(d)}`, start, end, confidence, ...(note ? { note } : {}) };
}

const year = (raw: string) => (raw.length === 2 ? 2000 + Number(raw) : Number(raw));

export function normalizeDate(text: string, _ctx: NormalizeContext): Normalized | null {
  const found: Normalized[] = [];
  for (const m of text.matchAll(NUMERIC_ISO)) {
    if (!plausibleDigits(m[0])) continue;
    const r = build(Number(toDigits(m[1]!)), Number(toDigits(m[2]!)), Number(toDigits(m[3]!)), m.index, m.index + m[0].length, 1);
    if (r) found.push(r);
  }
  for (const m of text.matchAll(NUMERIC_DMY)) {
    if (!plausibleDigits(m[0])) continue;
    const [a, b, y] = [Number(toDigits(m[1]!)), Number(toDigits(m[2]!)), year(toDigits(m[3]!))];
    const twoDigitYear = m[3]!.length === 2 ? 0.95 : 1;
    const r = a <= 12 && b > 12
      ? build(y, a, b, m.index, m.index + m[0].length, 0.7 * twoDigitYear, 'fecha con el mes primero')
      : build(y, b, a, m.index, m.index + m[0].length, twoDigitYear);
    if (r) found.push(r);
  }
  for (const m of text.matchAll(WORDS_DMY)) {
    const month = monthNumber(m[2]!);
    if (!month || !plausibleDigits(m[1]!)) continue;
    const r = build(Number(toDigits(m[3]!)), month, Number(toDigits(m[1]!)), m.index, m.index + m[0].length, 1);
    if (r) found.push(r);
  }
  for (const m of text.matchAll(WORDS_MDY)) {
    const month = monthNumber(m[1]!);
    if (!month) continue;
    const r = build(Number(toDigits(m[3]!)), month, Number(toDigits(m[2]!)), m.index, m.index + m[0].length, 0.95);
    if (r) found.push(r);
  }
  // The first date in the text, the surest if two start at the same place.
  found.sort((x, y) => x.start - y.start || y.confidence - x.confidence);
  return found[0] ?? null;
}

// A time may follow a year it was glued to ("20253:08 a. m."), never other digits.
const TIME = new RegExp(String.raw`(?:(?<![\p{N}:])|(?<=(?:19|20)\d\d))(${D}{1,2})\s?([:.])\s?(${D}{2})(?:\s?[:.]\s?(${D}{2}))?(?:\s*([aApP])\.?\s?[mM]\.?(?![\p{L}]))?(?![\p{N}])`, 'gu');

export function normalizeTime(text: string, _ctx: NormalizeContext): Normalized | null {
  for (const m of text.matchAll(TIME)) {
    if (!plausibleDigits(m[0])) continue;
    let h = Number(toDigits(m[1]!));
    const min = Number(toDigits(m[3]!));
    const meridiem = m[5]?.toLowerCase();
    // "10.00" is an amount and "20.06.2025" a date: a dot separates hours only before am/pm.
    if (m[2] === '.' && !meridiem) continue;
    if (min > 59 || (m[4] !== undefined && Number(toDigits(m[4])) > 59)) continue;
    if (meridiem) {
      if (h < 1 || h > 12) continue;
      if (meridiem === 'p' && h !== 12) h += 12;
      if (meridiem === 'a' && h === 12) h = 0;
    } else if (h > 23) continue;
    return { value: `${pad(h)}:${pad(min)}`, start: m.index, end: m.index + m[0].length, confidence: 1 };
  }
  return null;
}
