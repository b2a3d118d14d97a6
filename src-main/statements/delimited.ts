/**
 * Statements exported as delimited text with a header row (CSV, TSV, semicolons): the header in
 * any of the banks' wordings finds the columns (columns.ts; the operator's corrected mapping wins),
 * the amounts' decimal mark and the dates' order are decided once for the whole file
 * (src-shared/reconcile/formats.ts), and every row with a date becomes a movement. Rows that are
 * not movements (an opening balance, a blank line) are kept aside with the reason.
 */
import { parse } from 'csv-parse/sync';
import type { Movement } from '../../src-shared/reconcile/match';
import { canonicalAmount, canonicalDate, dateOrderOf, decimalMarkOf, type DateOrder, type DecimalMark } from '../../src-shared/reconcile/formats';
import { mappingOf, mappingProblem, type ColumnMapping } from './columns';

export interface DelimitedStatement {
  movements: Movement[];
  /** The header row and the columns found (or given), for the preview. */
  header: string[];
  mapping: ColumnMapping;
  decimalMark: DecimalMark;
  dateOrder: DateOrder;
  /** Rows after the header that are not movements, with why (1-based lines of the file). */
  skipped: { line: number; reason: string }[];
}

export class StatementFormatError extends Error {}

/**
 * The delimiter of the file: a tab if its lines have tabs, else a semicolon, else a comma. Counting
 * would mislead: descriptions and amounts are full of commas ("1,188,801.28", "REF,,,,: 75").
 */
function delimiterOf(text: string): string {
  const sample = text.split(/\r?\n/).slice(0, 20);
  return ['\t', ';'].find((d) => sample.some((l) => l.split(d).length > 2)) ?? ',';
}

/** The header's row and its mapping: the first row that names a date and two more roles. */
function findHeader(rows: readonly string[][], given: ColumnMapping | undefined): { at: number; mapping: ColumnMapping } {
  for (let at = 0; at < Math.min(rows.length, 30); at++) {
    const found = mappingOf(rows[at]!);
    if (found) return { at, mapping: { ...found, ...given } };
  }
  throw new StatementFormatError('No header row with a date column and money columns was found in the first 30 rows');
}

/**
 * `id` names the statement in each movement; `mapping` is the operator's correction of the
 * columns found. Throws StatementFormatError when the file has no usable header.
 */
export function parseDelimited(text: string, id: string, mapping?: ColumnMapping): DelimitedStatement {
  const rows = parse(text.replace(/^\uFEFF/, ''), { delimiter: delimiterOf(text), relax_column_count: true, relax_quotes: true, skip_empty_lines: false, trim: true, bom: true }) as string[][];
  const header = findHeader(rows, mapping);
  const problem = mappingProblem(header.mapping);
  if (problem) throw new StatementFormatError(`The header row names ${problem}`);
  const m = header.mapping;
  const body = rows.slice(header.at + 1).map((cells, i) => ({ cells, line: header.at + 2 + i }));
  const cell = (cells: readonly string[], index: number | undefined) => (index === undefined ? '' : (cells[index] ?? ''));
  const decimalMark = decimalMarkOf(body.flatMap(({ cells }) => [m.debit, m.credit, m.amount, m.balance].map((i) => cell(cells, i))));
  const dateOrder = dateOrderOf(body.map(({ cells }) => cell(cells, m.date)));
  const movements: Movement[] = [];
  const skipped: DelimitedStatement['skipped'] = [];
  for (const { cells, line } of body) {
    if (cells.every((c) => c === '')) continue;
    const date = canonicalDate(cell(cells, m.date), dateOrder);
    if (!date) {
      skipped.push({ line, reason: cells.find((c) => c !== '') ?? 'no date' });
      continue;
    }
    const money = moneyOf(cells, m, decimalMark, cell);
    if (!money) {
      skipped.push({ line, reason: 'no amount' });
      continue;
    }
    const description = [cell(cells, m.description), cell(cells, m.concept)].filter(Boolean).join(' · ');
    movements.push({ statementId: id, line, date, reference: cell(cells, m.reference), description, ...money });
  }
  return { movements, header: rows[header.at]!, mapping: m, decimalMark, dateOrder, skipped };
}

/** A row's money: from its debit or credit column (the one that is not zero), or its signed amount. */
function moneyOf(cells: readonly string[], m: ColumnMapping, mark: DecimalMark, cell: (cells: readonly string[], i: number | undefined) => string): Pick<Movement, 'amount' | 'direction'> | null {
  const read = (i: number | undefined) => canonicalAmount(cell(cells, i), mark);
  const nonZero = (v: string | null) => v !== null && /[1-9]/.test(v);
  const credit = read(m.credit);
  const debit = read(m.debit);
  if (nonZero(credit)) return { amount: credit!.replace(/^-/, ''), direction: 'credit' };
  if (nonZero(debit)) return { amount: debit!.replace(/^-/, ''), direction: 'debit' };
  const amount = read(m.amount);
  if (nonZero(amount)) return { amount: amount!.replace(/^-/, ''), direction: amount!.startsWith('-') ? 'debit' : 'credit' };
  return null;
}
