/**
 * One statement file to its movements, whatever the bank exported: the format is told by the
 * content, not the name (a web page saved as `.xls`, a CSV named `.txt`), and the text decoded
 * as UTF-8 or, where that fails, Windows-1252 (what banks' Windows exports are written in).
 */
import type { Movement } from '../../src-shared/reconcile/match';
import { parseDelimited, StatementFormatError, type DelimitedStatement } from './delimited';
import type { ColumnMapping } from './columns';
import { parseBdvFixed, parseMt940, parseProvincialRecords, parseQif } from './records';

/** A statement is a month or two of movements: anything larger is not one. */
export const MAX_STATEMENT_BYTES = 10 * 1024 * 1024;

export type StatementFormat = 'delimited' | 'qif' | 'mt940' | 'bdv-fixed' | 'provincial-records';

export interface ReadStatement {
  format: StatementFormat;
  movements: Movement[];
  /** Delimited files only: the header, the columns found and the rows set aside, for the preview. */
  columns?: Omit<DelimitedStatement, 'movements'>;
}

/** The file's text: UTF-8 when its bytes are UTF-8, else Windows-1252. */
export function decodeStatement(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Which format the text is in, by its content. */
export function formatOf(text: string): StatementFormat | 'workbook' {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const head = lines.slice(0, 40);
  // A zip (an .xlsx) or markup (a web page or XML spreadsheet saved as .xls).
  if (text.startsWith('PK\u0003\u0004') || /^\uFEFF?(<html|<!doctype html|<table|<\?xml)/i.test(text.trimStart())) return 'workbook';
  if (head.some((l) => /^!(type|tipo)\s*:/i.test(l)) || (head.some((l) => l.trim() === '^') && head.some((l) => /^D\d/.test(l)))) return 'qif';
  if (head.some((l) => l.startsWith(':61:')) && head.some((l) => /^:(20|25|60F):/.test(l))) return 'mt940';
  if (lines.length > 0 && lines.every((l) => /^\d{28}/.test(l) && l.trimEnd().length >= 125)) return 'bdv-fixed';
  if (head.some((l) => l.startsWith('22,')) && head.every((l) => /^(00|11|22|33|88),/.test(l))) return 'provincial-records';
  return 'delimited';
}

/**
 * Reads a statement; `id` names it in every movement, `mapping` is the operator's correction of
 * a delimited file's columns. Throws StatementFormatError with a sentence for the operator.
 */
export function readStatement(bytes: Uint8Array, id: string, mapping?: ColumnMapping): ReadStatement {
  if (bytes.length === 0) throw new StatementFormatError('The file is empty');
  if (bytes.length > MAX_STATEMENT_BYTES) throw new StatementFormatError(`The file is ${(bytes.length / 1048576).toFixed(1)} MB; a statement is at most ${MAX_STATEMENT_BYTES / 1048576} MB`);
  const text = decodeStatement(bytes);
  const format = formatOf(text);
  switch (format) {
    case 'workbook':
      throw new StatementFormatError('Workbooks (.xlsx) and web pages saved as .xls are not read yet: export the statement as CSV or text');
    case 'qif':
      return { format, movements: parseQif(text, id) };
    case 'mt940':
      return { format, movements: parseMt940(text, id) };
    case 'bdv-fixed':
      return { format, movements: parseBdvFixed(text, id) };
    case 'provincial-records':
      return { format, movements: parseProvincialRecords(text, id) };
    case 'delimited': {
      const { movements, ...columns } = parseDelimited(text, id, mapping);
      return { format, movements, columns };
    }
  }
}
