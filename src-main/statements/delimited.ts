/**
 * Statements exported as delimited text (CSV, TSV, semicolons) to a table of cells, with csv-parse;
 * the table's header and rows are read by table.ts.
 */
import { parse } from 'csv-parse/sync';

/**
 * The delimiter of the file: a tab if its lines have tabs, else a semicolon, else a comma. Counting
 * would mislead: descriptions and amounts are full of commas ("1,188,801.28", "REF,,,,: 75").
 */
function delimiterOf(text: string): string {
  const sample = text.split(/\r?\n/).slice(0, 20);
  return ['\t', ';'].find((d) => sample.some((l) => l.split(d).length > 2)) ?? ',';
}

/** The file's rows of cells, trimmed; a row is a line (blank lines kept, so indexes are lines). */
export function delimitedRows(text: string): string[][] {
  return parse(text.replace(/^\uFEFF/, ''), { delimiter: delimiterOf(text), relax_column_count: true, relax_quotes: true, skip_empty_lines: false, trim: true, bom: true }) as string[][];
}
