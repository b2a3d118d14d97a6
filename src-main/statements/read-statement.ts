/**
 * One statement file to its movements, whatever the bank exported: the format is told by the
 * content, not the name (a web page saved as `.xls`, a CSV named `.txt`), and the text decoded
 * as UTF-8 or, where that fails, Windows-1252 (what banks' Windows exports are written in).
 */
import type { Movement } from '../../src-shared/reconcile/match';
import { delimitedRows } from './delimited';
import { parseBdvFixed, parseMt940, parseProvincialRecords, parseQif } from './records';
import type { ColumnMapping } from '../../src-shared/reconcile/column-roles';
import { isRecordFormat, type StatementFormat, type TableFormat } from '../../src-shared/reconcile/statement-formats';
import { readTable, StatementFormatError, type RememberedMappings, type TableStatement } from './table';
import { htmlTables, xlsxTables, xmlSpreadsheetTables, type NamedTable } from './workbook';

/** A statement is a month or two of movements: anything larger is not one. */
export const MAX_STATEMENT_BYTES = 10 * 1024 * 1024;


export interface ReadStatement {
  format: StatementFormat;
  movements: Movement[];
  /** Tables only (CSV, workbooks, web pages): the header, the columns found and the rows set aside, for the preview. */
  table?: Omit<TableStatement, 'movements'> & { name: string };
}

/** The file's text: UTF-8 when its bytes are UTF-8, else Windows-1252. */
export function decodeStatement(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((b, i) => bytes[i] === b);

/** Which format the file is in, by its bytes and content, never its name. */
function formatOf(bytes: Uint8Array, text: string): StatementFormat | 'excel-97' | 'binary' {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'xlsx';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return 'excel-97';
  if (text.includes('\u0000') || startsWith(bytes, [0x25, 0x50, 0x44, 0x46]) || startsWith(bytes, [0xff, 0xd8]) || startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return 'binary';
  const lead = text.replace(/^\uFEFF/, '').trimStart().slice(0, 4096);
  if (/^<\?xml/i.test(lead) && /urn:schemas-microsoft-com:office:spreadsheet/.test(lead)) return 'xml-spreadsheet';
  if (/^(<!doctype html|<html|<table|<\?xml|<meta|<head|<body|<style)/i.test(lead)) return 'html-table';
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const head = lines.slice(0, 40);
  if (head.some((l) => /^!(type|tipo)\s*:/i.test(l)) || (head.some((l) => l.trim() === '^') && head.some((l) => /^D\d/.test(l)))) return 'qif';
  if (head.some((l) => l.startsWith(':61:')) && head.some((l) => /^:(20|25|60F):/.test(l))) return 'mt940';
  if (lines.length > 0 && lines.every((l) => /^\d{28}/.test(l) && l.trimEnd().length >= 125)) return 'bdv-fixed';
  if (head.some((l) => l.startsWith('22,')) && head.every((l) => /^(00|11|22|33|88),/.test(l))) return 'provincial-records';
  return 'delimited';
}

/** The tables a file holds, by its format. */
async function tablesOf(format: TableFormat, bytes: Uint8Array, text: string): Promise<NamedTable[]> {
  switch (format) {
    case 'xlsx':
      return xlsxTables(bytes);
    case 'html-table':
      return htmlTables(text);
    case 'xml-spreadsheet':
      return xmlSpreadsheetTables(text);
    case 'delimited':
      return [{ name: 'rows', rows: delimitedRows(text), lineOf: (i) => i + 1 }];
  }
}

/**
 * The statement in a file's tables: the first whose header is the operator's or in the banks'
 * words; failing that, the largest, with its problem (for the preview to offer a mapping).
 */
function statementTable(tables: readonly NamedTable[], id: string, remembered: RememberedMappings): { table: NamedTable; read: TableStatement } {
  if (tables.length === 0) throw new StatementFormatError({ code: 'no_table' });
  const read = tables.map((table) => ({ table, read: readTable(table.rows, id, remembered, table.lineOf) }));
  return read.find((t) => t.read.problem === null) ?? read.find((t) => t.read.mappingFrom !== 'guessed') ?? read.reduce((a, b) => (b.read.sample.length > a.read.sample.length ? b : a));
}

export interface ReadOptions {
  /** The operator's column mappings by header shape: they win over the columns found. */
  remembered?: RememberedMappings;
  /** Give a table with no usable columns back with its problem, instead of refusing the file (the preview). */
  lenient?: boolean;
  /** The operator's mapping for the header of the table found (tables only). */
  correction?: ColumnMapping;
}

/**
 * Reads a statement; `id` names it in every movement. Throws StatementFormatError with a sentence
 * for the operator, naming the line where one is to blame.
 */
export async function readStatement(bytes: Uint8Array, id: string, options: ReadOptions = {}): Promise<ReadStatement> {
  if (bytes.length === 0) throw new StatementFormatError({ code: 'empty' });
  if (bytes.length > MAX_STATEMENT_BYTES) throw new StatementFormatError({ code: 'too_large', mb: Number((bytes.length / 1048576).toFixed(1)), maxMb: MAX_STATEMENT_BYTES / 1048576 });
  const text = decodeStatement(bytes);
  const format = formatOf(bytes, text);
  // Only tables have columns to map; the record formats say where each value is.
  if (options.correction && isRecordFormat(format)) throw new StatementFormatError({ code: 'nothing_to_map' });
  switch (format) {
    case 'excel-97':
      throw new StatementFormatError({ code: 'excel_97' });
    case 'binary':
      throw new StatementFormatError({ code: 'not_a_statement' });
    case 'qif':
      return { format, movements: parseQif(text, id) };
    case 'mt940':
      return { format, movements: parseMt940(text, id) };
    case 'bdv-fixed':
      return { format, movements: parseBdvFixed(text, id) };
    case 'provincial-records':
      return { format, movements: parseProvincialRecords(text, id) };
    default: {
      const remembered = options.remembered ?? (() => undefined);
      const chosen = statementTable(await tablesOf(format, bytes, text), id, remembered);
      // The correction applies to the table the operator was shown: the one found without it.
      const { name, rows, lineOf } = chosen.table;
      const read = options.correction ? readTable(rows, id, remembered, lineOf, options.correction) : chosen.read;
      if (read.problem && !options.lenient) throw new StatementFormatError(read.problem);
      const { movements, ...table } = read;
      return { format, movements, table: { name, ...table } };
    }
  }
}
