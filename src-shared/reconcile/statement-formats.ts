/**
 * The statement formats Recibo reads, named once for the core (which detects them), the IPC
 * contract (which carries them) and the window (which names them to the operator).
 */

/** Formats that are tables: their columns are found by their titles, or chosen by the operator. */
const TABLE_FORMATS = ['delimited', 'xlsx', 'html-table', 'xml-spreadsheet'] as const;
/** Formats of records whose layout says where each value is: nothing to choose. */
export const RECORD_FORMATS = ['qif', 'mt940', 'bdv-fixed', 'provincial-records'] as const;
export const STATEMENT_FORMATS = [...TABLE_FORMATS, ...RECORD_FORMATS] as const;

export type TableFormat = (typeof TABLE_FORMATS)[number];
export type RecordFormat = (typeof RECORD_FORMATS)[number];
export type StatementFormat = (typeof STATEMENT_FORMATS)[number];

export const isRecordFormat = (format: string): format is RecordFormat => (RECORD_FORMATS as readonly string[]).includes(format);
