/**
 * How a statement file writes its amounts and dates, decided once for the whole file from all
 * its values, never guessed value by value: "1.250" is a thousand and a quarter in a file whose
 * other amounts read "3.098,59", and one and a quarter in a file that writes "1,234.56"; "03/04"
 * is the 3rd of April in a file that also has "26/07", and March the 4th in one that has "12/28".
 * Pure: the statement parsers give it the texts of a column.
 */

/** Which mark separates the decimals: `1.234,56` (the Venezuelan way) or `1,234.56`. */
export type DecimalMark = ',' | '.';

/** The order of a date's day, month and year. */
export type DateOrder = 'dmy' | 'mdy' | 'ymd';

/** Digits after a separator that only a decimal mark leaves: one or two (a thousands mark leaves three). */
const DECIMAL_TAIL = /^\d{1,2}$/;

/**
 * The decimal mark of a file's amounts: each value that tells (both marks present, the last is
 * the decimal one; one mark followed by one or two digits, that one) votes; ties and files with
 * no telling value (`1.250`, `75`) keep the Venezuelan comma.
 */
export function decimalMarkOf(values: readonly string[]): DecimalMark {
  let comma = 0;
  let dot = 0;
  for (const raw of values) {
    const v = raw.replace(/[^\d.,]/g, '');
    const lastComma = v.lastIndexOf(',');
    const lastDot = v.lastIndexOf('.');
    if (lastComma >= 0 && lastDot >= 0) {
      if (lastComma > lastDot) comma++;
      else dot++;
    } else if (lastComma >= 0 && DECIMAL_TAIL.test(v.slice(lastComma + 1))) comma++;
    else if (lastDot >= 0 && DECIMAL_TAIL.test(v.slice(lastDot + 1))) dot++;
  }
  return dot > comma ? '.' : ',';
}

/**
 * An amount as the file writes it, canonical: a dot and two decimals, a minus for a debit
 * ("-23264.45"). Signs may lead or trail, and parentheses mean negative. Null when it is not an
 * amount (empty, letters, several numbers).
 */
export function canonicalAmount(text: string, mark: DecimalMark): string | null {
  let t = text.trim().replace(/\s+/g, '');
  if (t === '') return null;
  let negative = false;
  if (/^\(.*\)$/.test(t)) [negative, t] = [true, t.slice(1, -1)];
  if (/^[-+]/.test(t)) [negative, t] = [negative || t[0] === '-', t.slice(1)];
  if (/[-+]$/.test(t)) [negative, t] = [negative || t.endsWith('-'), t.slice(0, -1)];
  t = t.replace(/^(bs\.?s?|ves|usd|\$)/i, '');
  const thousands = mark === ',' ? '.' : ',';
  if (!new RegExp(`^\\d{1,3}(\\${thousands}\\d{3})*(\\${mark}\\d{1,2})?$|^\\d+(\\${mark}\\d{1,2})?$`).test(t)) return null;
  const [whole, decimals = ''] = t.split(thousands).join('').split(mark);
  const digits = String(BigInt(whole!));
  return `${negative && /[1-9]/.test(digits + decimals) ? '-' : ''}${digits}.${decimals.padEnd(2, '0')}`;
}

const DATE = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})$/;

/**
 * The order of a file's dates: a first part over 12 can only be a day, a second over 12 only a
 * day too; four digits first is a year. With nothing telling, day first (the banks' default).
 */
export function dateOrderOf(values: readonly string[]): DateOrder {
  let dayFirst = 0;
  let monthFirst = 0;
  for (const v of values) {
    const m = DATE.exec(v.trim());
    if (!m) continue;
    if (m[1]!.length === 4) return 'ymd';
    if (Number(m[1]) > 12) dayFirst++;
    if (Number(m[2]) > 12) monthFirst++;
  }
  return monthFirst > dayFirst ? 'mdy' : 'dmy';
}

/** A date as the file writes it, as YYYY-MM-DD; two-digit years are this century. Null when it is not a date. */
export function canonicalDate(text: string, order: DateOrder): string | null {
  const m = DATE.exec(text.trim());
  if (!m) return null;
  const [a, b, c] = [m[1]!, m[2]!, m[3]!];
  const [y, mo, d] = order === 'ymd' ? [a, b, c] : order === 'mdy' ? [c, a, b] : [c, b, a];
  const year = y.length === 2 ? 2000 + Number(y) : Number(y);
  const month = Number(mo);
  const day = Number(d);
  const date = new Date(Date.UTC(year, month - 1, day));
  // A 31st of a short month or a 13th month is not a date, not the next month's first days.
  if (y.length === 3 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}
