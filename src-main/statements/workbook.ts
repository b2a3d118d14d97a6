/**
 * Statements saved from a spreadsheet or web banking, to tables of text cells (read by table.ts):
 * `.xlsx` workbooks (exceljs), the HTML tables web banking saves with an `.xls` name, and Excel's
 * XML Spreadsheet 2003 (both with htmlparser2). A file holds several tables (sheets, a page's
 * layout tables); each is offered, and the first with a statement's header is read.
 */
import type ExcelJS from 'exceljs';
import { DomUtils, parseDocument } from 'htmlparser2';
import yauzl from 'yauzl';
import { StatementFormatError } from './table';

/** An element of a parsed page (htmlparser2's DOM). */
type Element = ReturnType<typeof DomUtils.getElementsByTagName>[number];

/** One table of a file: its name for messages, its rows, and each row's number as the operator sees it. */
export interface NamedTable {
  name: string;
  rows: string[][];
  lineOf: (index: number) => number;
}

/** A statement's sheets unpack to a few MB: a zip that unpacks to more is not one (or is a zip bomb). */
const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;
/** A month's statement has hundreds of rows; a sheet or table past this is not read further. */
const MAX_ROWS = 100_000;

/** The sizes a zip declares for its entries, summed; refused before anything is unpacked. */
function unpackedSize(bytes: Uint8Array): Promise<number> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true }, (error, zip) => {
      if (error) return reject(new StatementFormatError({ code: 'not_a_zip' }));
      let total = 0;
      zip.on('entry', (entry: yauzl.Entry) => {
        total += entry.uncompressedSize;
        zip.readEntry();
      });
      zip.on('end', () => resolve(total));
      zip.on('error', () => reject(new StatementFormatError({ code: 'not_a_zip' })));
      zip.readEntry();
    });
  });
}

/** A sheet's cell as text: numbers as JavaScript writes them (a dot for decimals), dates as YYYY-MM-DD. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value.trim();
  if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result ?? null);
  if ('hyperlink' in value) return String(value.text).trim();
  return '';
}

/** Every sheet of an `.xlsx` workbook as a table; row numbers are the sheet's. */
export async function xlsxTables(bytes: Uint8Array): Promise<NamedTable[]> {
  const unpacked = await unpackedSize(bytes);
  if (unpacked > MAX_UNPACKED_BYTES) throw new StatementFormatError({ code: 'unpacks_too_large', mb: Math.round(unpacked / 1048576), maxMb: MAX_UNPACKED_BYTES / 1048576 });
  // Loaded when a workbook comes: exceljs is a large library most imports never need.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    throw new StatementFormatError({ code: 'workbook_unreadable' });
  }
  return workbook.worksheets.map((sheet) => {
    const rows: string[][] = [];
    const numbers: number[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      if (rows.length >= MAX_ROWS) return;
      // row.values is 1-based: index 0 is always empty.
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      rows.push(Array.from(values, (v) => cellText(v as ExcelJS.CellValue)));
      numbers.push(number);
    });
    return { name: sheet.name, rows, lineOf: (i: number) => numbers[i] ?? i + 1 };
  });
}

const textOf = (node: Element) => DomUtils.textContent(node).replace(/\s+/g, ' ').trim();

/** The rows of one table, not those of tables nested in it; a cell spanning columns leaves blanks after it. */
function htmlTableRows(table: Element): string[][] {
  const own = (tr: Element) => {
    for (let p = tr.parent; p; p = p.parent) if (p.type === 'tag' && (p as Element).name === 'table') return p === table;
    return false;
  };
  return DomUtils.getElementsByTagName('tr', table)
    .filter(own)
    .slice(0, MAX_ROWS)
    .map((tr) =>
      tr.children
        .filter((c): c is Element => c.type === 'tag' && ((c as Element).name === 'td' || (c as Element).name === 'th'))
        .flatMap((cell) => [textOf(cell), ...Array<string>(Math.min(Math.max(Number(cell.attribs.colspan ?? 1) - 1, 0), 50)).fill('')]),
    );
}

/** Every table of a web page (web banking's "Excel" export); rows are numbered within each table. */
export function htmlTables(text: string): NamedTable[] {
  const document = parseDocument(text, { lowerCaseTags: true });
  return DomUtils.getElementsByTagName('table', document).map((table, i) => ({ name: `table ${i + 1}`, rows: htmlTableRows(table), lineOf: (index: number) => index + 1 }));
}

/**
 * Every worksheet of an XML Spreadsheet 2003 file: `Row`s of `Cell`s holding `Data`, where a cell's
 * `ss:Index` skips the empty cells before it; row numbers are the sheet's.
 */
export function xmlSpreadsheetTables(text: string): NamedTable[] {
  const document = parseDocument(text, { xmlMode: true });
  const tag = (node: Element) => node.name.replace(/^.*:/, '');
  const children = (node: Element, name: string) => node.children.filter((c): c is Element => c.type === 'tag' && tag(c as Element) === name);
  return DomUtils.findAll((e) => tag(e) === 'Worksheet', document.children).map((sheet, i) => {
    const rows: string[][] = [];
    const numbers: number[] = [];
    for (const row of children(sheet, 'Table').flatMap((t) => children(t, 'Row')).slice(0, MAX_ROWS)) {
      const at = Number(row.attribs['ss:Index'] ?? 0);
      numbers.push(at > 0 ? at : (numbers.at(-1) ?? 0) + 1);
      const cells: string[] = [];
      for (const cell of children(row, 'Cell')) {
        const index = Number(cell.attribs['ss:Index'] ?? 0);
        while (index > 0 && cells.length < Math.min(index - 1, 1000)) cells.push('');
        const data = children(cell, 'Data')[0];
        const value = data ? textOf(data) : '';
        cells.push(data?.attribs['ss:Type'] === 'DateTime' ? value.slice(0, 10) : value);
      }
      rows.push(cells);
    }
    return { name: sheet.attribs['ss:Name'] ?? `sheet ${i + 1}`, rows, lineOf: (index: number) => numbers[index] ?? index + 1 };
  });
}
