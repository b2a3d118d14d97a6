/**
 * The one CSV writer of every export (the window's, `receipt-ocr export` and `extract --format
 * csv`). A payer writes the concept printed on a receipt and names the file; an operator types
 * corrections: none of it may open as a live formula in Excel, LibreOffice or Numbers. Cells
 * starting with = + - @ tab or CR (OWASP's list, and the full-width =) get a leading `'`
 * (csv-stringify's `escape_formulas`); control characters other than tab and line feed are
 * dropped, and CR or CRLF become a line feed, so a cell cannot smuggle terminal escapes or a
 * formula after a carriage return.
 */
import { stringify, type Options } from 'csv-stringify/sync';

// C0 controls but tab and line feed, DEL, and C1 controls.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** A cell's text with line breaks as `\n` and no other control characters. */
const plainCell = (value: string) => value.replace(/\r\n?/g, '\n').replace(CONTROLS, '');

export function csvText(rows: readonly (readonly string[])[], options: Pick<Options, 'bom' | 'delimiter'> = {}): string {
  // Cast first, then the formula check sees the cleaned text: "\u0007=1" must not become "=1".
  return stringify(rows as string[][], { ...options, escape_formulas: true, cast: { string: plainCell } });
}
