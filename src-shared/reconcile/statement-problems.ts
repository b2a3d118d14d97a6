/**
 * Why a statement file cannot be read, as data: the core refuses a file with one of these (the
 * CLI prints its English sentence), and the window says it in the operator's language, naming
 * the file and the line.
 */
import type { RecordFormat } from './statement-formats';

export type StatementProblem =
  | { code: 'empty' }
  | { code: 'too_large'; mb: number; maxMb: number }
  | { code: 'excel_97' }
  | { code: 'not_a_statement' }
  | { code: 'not_a_zip' }
  | { code: 'unpacks_too_large'; mb: number; maxMb: number }
  | { code: 'workbook_unreadable' }
  | { code: 'no_table' }
  | { code: 'no_header'; rows: number }
  | { code: 'header_lacks'; line: number; missing: 'date' | 'money' }
  | { code: 'chosen_columns_lack'; missing: 'date' | 'money' }
  | { code: 'not_an_amount'; line: number; text: string }
  | { code: 'not_a_date'; line: number; text: string }
  | { code: 'broken_record'; line: number; format: RecordFormat }
  | { code: 'no_records'; format: RecordFormat }
  | { code: 'nothing_to_map' };

const RECORDS: Record<RecordFormat, string> = {
  qif: 'QIF records (D date, T amount, ending in ^)',
  mt940: 'MT940 statement lines (:61: value date, C or D, amount)',
  'bdv-fixed': 'Banco de Venezuela fixed-width lines (account, date, reference, description, amounts)',
  'provincial-records': 'Provincial movement records (22, with a date, a direction and an amount)',
};

const MISSING = { date: 'no date column', money: 'no amount column, nor a debit and a credit column' };

/** The problem as one English sentence (the CLI's message, and the window's in English). */
export function problemSentence(p: StatementProblem): string {
  switch (p.code) {
    case 'empty':
      return 'The file is empty.';
    case 'too_large':
      return `The file is ${p.mb} MB; a statement is at most ${p.maxMb} MB.`;
    case 'excel_97':
      return 'This is an Excel 97-2003 workbook (.xls): open it and save it as .xlsx or CSV.';
    case 'not_a_statement':
      return 'This is not a statement (a PDF, an image or another binary file): export the statement as CSV, Excel or text.';
    case 'not_a_zip':
      return 'The workbook is damaged: it is not a readable .xlsx file.';
    case 'unpacks_too_large':
      return `The workbook unpacks to ${p.mb} MB; a statement unpacks to at most ${p.maxMb} MB.`;
    case 'workbook_unreadable':
      return 'The workbook could not be opened.';
    case 'no_table':
      return 'The file holds no table.';
    case 'no_header':
      return `No row among the first ${p.rows} names a date column and money columns: say which column is which.`;
    case 'header_lacks':
      return `The header row (line ${p.line}) names ${MISSING[p.missing]}.`;
    case 'chosen_columns_lack':
      return `The columns chosen give ${MISSING[p.missing]}.`;
    case 'not_an_amount':
      return `Line ${p.line}: "${p.text}" is not an amount.`;
    case 'not_a_date':
      return `Line ${p.line}: "${p.text}" is not a date.`;
    case 'broken_record':
      return `Line ${p.line} is not one of the ${RECORDS[p.format]}.`;
    case 'no_records':
      return `No ${RECORDS[p.format]} were found.`;
    case 'nothing_to_map':
      return 'This format has no columns to choose.';
  }
}
