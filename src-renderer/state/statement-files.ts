/**
 * Which dropped files are bank statements rather than receipt images: by their name, as the
 * banks name their exports (CSV, TSV, text, QIF, MT940, Excel, web pages saved as .xls, XML).
 * The core tells the format by content; the name only decides where a drop goes.
 */
const STATEMENT_EXTENSIONS = ['.csv', '.tsv', '.txt', '.qif', '.sta', '.mt940', '.940', '.xls', '.xlsx', '.xml', '.htm', '.html'];

export const isStatementFile = (name: string) => STATEMENT_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));

/** The file picker's filter. */
export const STATEMENT_ACCEPT = [...STATEMENT_EXTENSIONS, 'text/csv', 'text/plain'].join(',');
