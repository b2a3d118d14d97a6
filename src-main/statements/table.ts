/**
 * A statement as a table of text cells, whatever it came in (CSV, TSV, a workbook's sheet, a web
 * page's table): its header row finds the columns (in the banks' wordings, columns.ts, or as the
 * operator mapped this very header before), the amounts' decimal mark and the dates' order are
 * decided once for the whole table (src-shared/reconcile/formats.ts), and every row with a date
 * and money becomes a movement. Rows that are not movements (an opening balance, a total) are
 * kept aside with the reason, for the preview.
 */
import type { Movement } from '../../src-shared/reconcile/match';
import { canonicalAmount, canonicalDate, dateOrderOf, decimalMarkOf, type DateOrder, type DecimalMark } from '../../src-shared/reconcile/formats';
import type { ColumnMapping } from '../../src-shared/reconcile/column-roles';
import { problemSentence, type StatementProblem } from '../../src-shared/reconcile/statement-problems';
import { headerKey, mappingOf, mappingProblem } from './columns';

/** A file Recibo cannot read as a statement: why, as data for the window, and as an English sentence. */
export class StatementFormatError extends Error {
  constructor(readonly problem: StatementProblem) {
    super(problemSentence(problem));
  }
}

/** The operator's mappings, by the shape of the header they were made for (headerShape). */
export type RememberedMappings = (shape: string) => ColumnMapping | undefined;

/** How the columns were found: as the operator mapped this header before, by the header's words, or not at all. */
type MappingSource = 'remembered' | 'recognised' | 'guessed';

export interface TableStatement {
  movements: Movement[];
  /** The header row, its 1-based line, and the columns found (or remembered), for the preview. */
  header: string[];
  headerLine: number;
  mapping: ColumnMapping;
  mappingFrom: MappingSource;
  decimalMark: DecimalMark;
  dateOrder: DateOrder;
  /** Rows after the header that are not movements, with why (1-based lines). */
  skipped: { line: number; reason: string }[];
  /** The first rows after the header as the file has them, for the preview. */
  sample: { line: number; cells: string[] }[];
  /** Why no movement can be read (no header, no money column, a broken row), or null. */
  problem: StatementProblem | null;
}

/** Where a header is looked for: statements open with a title, the account and the period. */
const HEADER_SEARCH_ROWS = 30;
const SAMPLE_ROWS = 12;

/** A header's identity across months of one bank's exports: its cells as compared, in order. */
export const headerShape = (cells: readonly string[]) => cells.map(headerKey).join('|');

const filled = (cells: readonly string[]) => cells.filter((c) => c !== '').length;

/**
 * The header row and its mapping: the first row the operator mapped before or whose words name
 * a date and two more roles; failing both, the first of the fullest rows (for the operator to map).
 */
function locateHeader(rows: readonly string[][], remembered: RememberedMappings): { at: number; mapping: ColumnMapping; from: MappingSource } {
  const searched = rows.slice(0, HEADER_SEARCH_ROWS);
  for (let at = 0; at < searched.length; at++) {
    const mine = remembered(headerShape(searched[at]!));
    if (mine) return { at, mapping: mine, from: 'remembered' };
    const found = mappingOf(searched[at]!);
    if (found) return { at, mapping: found, from: 'recognised' };
  }
  const widest = Math.max(0, ...searched.map(filled));
  return { at: Math.max(0, searched.findIndex((r) => filled(r) === widest)), mapping: {}, from: 'guessed' };
}

/**
 * Reads a table's movements. `id` names the statement in each movement, `lineOf` turns a row's
 * index into the line the operator sees (a CSV's line, a sheet's row number), `correction` is the
 * operator's mapping for the header found (it wins over any other). Never throws: a table whose
 * columns give no movements comes back with its `problem`.
 */
export function readTable(rows: readonly string[][], id: string, remembered: RememberedMappings = () => undefined, lineOf = (index: number) => index + 1, correction?: ColumnMapping): TableStatement {
  const found = locateHeader(rows, remembered);
  const header = correction ? { ...found, mapping: correction, from: 'remembered' as const } : found;
  const m = header.mapping;
  const body = rows.slice(header.at + 1).map((cells, i) => ({ cells, line: lineOf(header.at + 1 + i) }));
  const cell = (cells: readonly string[], index: number | undefined) => (index === undefined ? '' : (cells[index] ?? ''));
  const decimalMark = decimalMarkOf(body.flatMap(({ cells }) => [m.debit, m.credit, m.amount, m.balance].map((i) => cell(cells, i))));
  const dateOrder = dateOrderOf(body.map(({ cells }) => cell(cells, m.date)));
  const nonEmpty = body.filter(({ cells }) => cells.some((c) => c !== ''));
  const missing = mappingProblem(m);
  const problem: StatementProblem | null =
    rows.length === 0 ? { code: 'no_table' }
    : header.from === 'guessed' ? { code: 'no_header', rows: HEADER_SEARCH_ROWS }
    : missing && correction ? { code: 'chosen_columns_lack', missing }
    : missing ? { code: 'header_lacks', line: lineOf(header.at), missing }
    : null;
  const table: TableStatement = {
    movements: [],
    header: rows[header.at] ?? [],
    headerLine: lineOf(header.at),
    mapping: m,
    mappingFrom: header.from,
    decimalMark,
    dateOrder,
    skipped: [],
    sample: nonEmpty.slice(0, SAMPLE_ROWS),
    problem,
  };
  if (problem) return table;
  for (const { cells, line } of nonEmpty) {
    const dateCell = cell(cells, m.date);
    const date = canonicalDate(dateCell, dateOrder);
    if (!date) {
      // A date column's text ("Saldo inicial", "Total") marks a row that is not a movement; a
      // number that is no date ("31/02/2024") is a broken row, and the file is refused.
      if (/^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}$/.test(dateCell)) return { ...table, problem: { code: 'not_a_date', line, text: dateCell }, skipped: [] };
      table.skipped.push({ line, reason: cells.find((c) => c !== '') ?? 'no date' });
      continue;
    }
    const money = moneyOf(cells, m, decimalMark, cell);
    if (typeof money === 'string') return { ...table, problem: { code: 'not_an_amount', line, text: money }, skipped: [] };
    if (!money) {
      table.skipped.push({ line, reason: 'no amount' });
      continue;
    }
    const description = [cell(cells, m.description), cell(cells, m.concept)].filter(Boolean).join(' · ');
    table.movements.push({ statementId: id, line, date, reference: cell(cells, m.reference), description, ...money });
  }
  return table;
}

/**
 * A row's money: from its debit or credit column (the one that is not zero), or its signed
 * amount; null when every money cell is empty or zero; the cell's text when one is not an amount.
 */
function moneyOf(cells: readonly string[], m: ColumnMapping, mark: DecimalMark, cell: (cells: readonly string[], i: number | undefined) => string): Pick<Movement, 'amount' | 'direction'> | string | null {
  const read = (i: number | undefined) => {
    const text = cell(cells, i);
    return { text, value: text === '' ? null : canonicalAmount(text, mark) };
  };
  const [credit, debit, amount] = [read(m.credit), read(m.debit), read(m.amount)];
  const broken = [credit, debit, amount].find((c) => c.text !== '' && c.value === null && /\d/.test(c.text));
  if (broken) return broken.text;
  const nonZero = (v: string | null): v is string => v !== null && /[1-9]/.test(v);
  if (nonZero(credit.value)) return { amount: credit.value.replace(/^-/, ''), direction: 'credit' };
  if (nonZero(debit.value)) return { amount: debit.value.replace(/^-/, ''), direction: 'debit' };
  if (nonZero(amount.value)) return { amount: amount.value.replace(/^-/, ''), direction: amount.value.startsWith('-') ? 'debit' : 'credit' };
  return null;
}
