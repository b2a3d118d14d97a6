/**
 * A day as the window's language writes it, and back: "07/12/2026" in Spanish (day first),
 * "12/07/2026" in English. The browser's own date field follows the browser's locale, not the
 * window's, so the Spanish window showed mm/dd/yyyy beside a list written day first.
 */

type Part = 'day' | 'month' | 'year';

/** The order of day, month and year in a locale's short numeric dates. */
function dayOrder(locale: string): Part[] {
  return new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' })
    .formatToParts(new Date(Date.UTC(2026, 11, 7)))
    .map((p) => p.type)
    .filter((t): t is Part => t === 'day' || t === 'month' || t === 'year');
}

/** "2026-12-07" as the locale writes it ("07/12/2026"); '' for ''. */
export function formatDay(iso: string, locale: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return '';
  const parts: Record<Part, string> = { year: m[1]!, month: m[2]!, day: m[3]! };
  return dayOrder(locale).map((p) => parts[p]).join('/');
}

/** What the operator typed ("7/12/2026", "07-12-26", "07.12.2026") as "2026-12-07"; null if it is no day. */
export function parseDay(text: string, locale: string): string | null {
  const numbers = text.trim().split(/[/.\-\s]+/).filter(Boolean);
  if (numbers.length !== 3 || !numbers.every((n) => /^\d+$/.test(n))) return null;
  const order = dayOrder(locale);
  const at = (p: Part) => Number(numbers[order.indexOf(p)]);
  const year = at('year') < 100 ? 2000 + at('year') : at('year');
  const date = new Date(Date.UTC(year, at('month') - 1, at('day')));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== at('month') - 1 || date.getUTCDate() !== at('day')) return null;
  return date.toISOString().slice(0, 10);
}

/** The pattern to show in an empty field: "dd/mm/aaaa", "mm/dd/yyyy". */
export function dayPattern(locale: string, letters: Record<Part, string>): string {
  return dayOrder(locale).map((p) => letters[p]).join('/');
}
