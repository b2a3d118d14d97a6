/**
 * The words of bank statements and payment checks, in both languages (kept apart from es.ts and
 * en.ts, which hold the rest of the window; both include these under `statements`).
 */
import type { ColumnRole } from '../../src-shared/reconcile/column-roles';
import type { RecordFormat, StatementFormat } from '../../src-shared/reconcile/statement-formats';
import { problemSentence, type StatementProblem } from '../../src-shared/reconcile/statement-problems';

type Verdict = 'verified' | 'amount_mismatch' | 'not_found' | 'duplicate_claim';

const RECORDS_ES: Record<RecordFormat, string> = {
  qif: 'registros QIF (D fecha, T monto, terminados en ^)',
  mt940: 'líneas de movimiento MT940 (:61: fecha valor, C o D, monto)',
  'bdv-fixed': 'líneas de ancho fijo del Banco de Venezuela (cuenta, fecha, referencia, descripción, montos)',
  'provincial-records': 'registros de movimiento del Provincial (22, con fecha, sentido y monto)',
};
const MISSING_ES = { date: 'ninguna columna de fecha', money: 'ninguna columna de monto, ni una de débito y otra de crédito' };

/** Why a statement cannot be read, in Spanish (the English is the core's own sentence). */
function problemEs(p: StatementProblem): string {
  switch (p.code) {
    case 'empty':
      return 'El archivo está vacío.';
    case 'too_large':
      return `El archivo pesa ${p.mb} MB; un extracto pesa como mucho ${p.maxMb} MB.`;
    case 'excel_97':
      return 'Es un libro de Excel 97-2003 (.xls): ábralo y guárdelo como .xlsx o CSV.';
    case 'not_a_statement':
      return 'No es un extracto (es un PDF, una imagen u otro archivo binario): exporte el extracto como CSV, Excel o texto.';
    case 'not_a_zip':
      return 'El libro está dañado: no es un archivo .xlsx legible.';
    case 'unpacks_too_large':
      return `El libro se descomprime en ${p.mb} MB; un extracto ocupa como mucho ${p.maxMb} MB.`;
    case 'workbook_unreadable':
      return 'No se pudo abrir el libro.';
    case 'no_table':
      return 'El archivo no tiene ninguna tabla.';
    case 'no_header':
      return `Ninguna de las primeras ${p.rows} filas nombra una columna de fecha y columnas de monto: indique qué es cada columna.`;
    case 'header_lacks':
      return `La fila de títulos (línea ${p.line}) no tiene ${MISSING_ES[p.missing]}.`;
    case 'chosen_columns_lack':
      return `Con las columnas elegidas no hay ${MISSING_ES[p.missing]}.`;
    case 'not_an_amount':
      return `Línea ${p.line}: «${p.text}» no es un monto.`;
    case 'not_a_date':
      return `Línea ${p.line}: «${p.text}» no es una fecha.`;
    case 'broken_record':
      return `La línea ${p.line} no es una de las ${RECORDS_ES[p.format]}.`;
    case 'no_records':
      return `No se encontraron ${RECORDS_ES[p.format]}.`;
    case 'nothing_to_map':
      return 'Este formato no tiene columnas que elegir.';
  }
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const statementsEs = {
  title: 'Extractos bancarios',
  choose: 'Importar un extracto…',
  hint: 'Suelte aquí el archivo del banco, o impórtelo: CSV, TSV o texto con títulos (Fecha, Referencia, Monto…), Excel (.xlsx), la página web guardada como .xls, QIF, MT940, el texto de ancho fijo del Banco de Venezuela o los registros del Provincial.',
  imported: (file: string, movements: number, credits: number, verified: number) => `${file}: ${plural(movements, 'movimiento', 'movimientos')} (${plural(credits, 'crédito', 'créditos')}); ${plural(verified, 'comprobante verificado', 'comprobantes verificados')}.`,
  again: (file: string) => `${file} ya estaba importado: no se agregó nada.`,
  kept: 'Extractos guardados',
  none: 'Todavía no hay extractos.',
  unclaimed: 'Créditos sin comprobante',
  unclaimedHint: 'Dinero que llegó sin que nadie enviara el comprobante (o cuyo comprobante aún no se leyó).',
  noneUnclaimed: 'Cada crédito tiene su comprobante.',
  columns: { file: 'Archivo', date: 'Fecha', reference: 'Referencia', description: 'Descripción', amount: 'Monto', movements: 'Movimientos', credits: 'Créditos' },
  payment: { verified: 'Pago verificado', amount_mismatch: 'Monto distinto', not_found: 'Pago no encontrado', duplicate_claim: 'Pago ya reclamado' } satisfies Record<Verdict, string>,
  problem: problemEs,
  creditDays: {
    legend: 'Extractos bancarios',
    label: 'Aceptar créditos hasta',
    days: 'días después de la fecha del comprobante',
    invalid: 'Indique un número de días entre 0 y 15.',
    kept: (d: number) => (d === 0 ? 'Solo créditos del mismo día del comprobante.' : `Créditos del día del comprobante hasta ${plural(d, 'día', 'días')} después; los comprobantes se deciden de nuevo.`),
  },
  unreadable: (file: string, problem: StatementProblem) => `${file}: ${problemEs(problem)}`,
  preview: {
    title: (file: string) => `Vista previa: ${file}`,
    reading: 'Leyendo el extracto…',
    format: {
      delimited: 'Texto con columnas (CSV, TSV)',
      xlsx: 'Libro de Excel (.xlsx)',
      'html-table': 'Página web guardada como .xls',
      'xml-spreadsheet': 'Hoja XML de Excel',
      qif: 'QIF (Banesco)',
      mt940: 'MT940 (Mercantil)',
      'bdv-fixed': 'Ancho fijo (Banco de Venezuela)',
      'provincial-records': 'Registros del Provincial',
    } satisfies Record<StatementFormat, string>,
    summary: (movements: number, credits: number, skipped: number) => `${plural(movements, 'movimiento', 'movimientos')} (${plural(credits, 'crédito', 'créditos')})${skipped ? `; ${plural(skipped, 'fila que no es movimiento', 'filas que no son movimientos')}` : ''}.`,
    known: 'Este archivo ya estaba importado: importarlo de nuevo no agrega nada.',
    columns: 'Columnas',
    mappingFrom: {
      remembered: 'Columnas como usted las indicó para los extractos de este banco.',
      recognised: 'Columnas reconocidas por sus títulos. Corrija lo que haga falta: se recordará para los próximos extractos con estos títulos.',
      guessed: 'Recibo no reconoce estos títulos: indique qué es cada columna. Se recordará para los próximos extractos con estos títulos.',
    },
    column: (index: number, title: string) => `Columna ${index + 1}${title ? ` (${title})` : ''}`,
    unused: '— sin usar —',
    roles: { date: 'Fecha', reference: 'Referencia', description: 'Descripción', concept: 'Concepto', credit: 'Crédito', debit: 'Débito', amount: 'Monto (con signo)', balance: 'Saldo' } satisfies Record<ColumnRole, string>,
    first: 'Primeros movimientos leídos',
    line: 'Línea',
    direction: { credit: 'Crédito', debit: 'Débito' },
    importButton: 'Importar',
    cancel: 'Cancelar',
  },
};

export const statementsEn: typeof statementsEs = {
  title: 'Bank statements',
  choose: 'Import a statement…',
  hint: "Drop the bank's file here, or import it: CSV, TSV or text with titles (Date, Reference, Amount…), Excel (.xlsx), the web page saved as .xls, QIF, MT940, Banco de Venezuela's fixed-width text or Provincial's records.",
  imported: (file, movements, credits, verified) => `${file}: ${plural(movements, 'movement', 'movements')} (${plural(credits, 'credit', 'credits')}); ${plural(verified, 'receipt verified', 'receipts verified')}.`,
  again: (file) => `${file} was already imported: nothing was added.`,
  kept: 'Statements kept',
  none: 'No statements yet.',
  unclaimed: 'Credits without a receipt',
  unclaimedHint: 'Money that arrived with no proof sent (or whose receipt is not read yet).',
  noneUnclaimed: 'Every credit has its receipt.',
  columns: { file: 'File', date: 'Date', reference: 'Reference', description: 'Description', amount: 'Amount', movements: 'Movements', credits: 'Credits' },
  payment: { verified: 'Payment verified', amount_mismatch: 'Amount differs', not_found: 'Payment not found', duplicate_claim: 'Payment already claimed' },
  problem: problemSentence,
  creditDays: {
    legend: 'Bank statements',
    label: 'Accept credits up to',
    days: "days after the receipt's date",
    invalid: 'Enter a number of days between 0 and 15.',
    kept: (d) => (d === 0 ? "Only credits of the receipt's own day." : `Credits from the receipt's day to ${plural(d, 'day', 'days')} later; the receipts are decided again.`),
  },
  unreadable: (file, problem) => `${file}: ${problemSentence(problem)}`,
  preview: {
    title: (file) => `Preview: ${file}`,
    reading: 'Reading the statement…',
    format: {
      delimited: 'Text in columns (CSV, TSV)',
      xlsx: 'Excel workbook (.xlsx)',
      'html-table': 'Web page saved as .xls',
      'xml-spreadsheet': 'Excel XML spreadsheet',
      qif: 'QIF (Banesco)',
      mt940: 'MT940 (Mercantil)',
      'bdv-fixed': 'Fixed width (Banco de Venezuela)',
      'provincial-records': "Provincial's records",
    },
    summary: (movements, credits, skipped) => `${plural(movements, 'movement', 'movements')} (${plural(credits, 'credit', 'credits')})${skipped ? `; ${plural(skipped, 'row that is not a movement', 'rows that are not movements')}` : ''}.`,
    known: 'This file was already imported: importing it again adds nothing.',
    columns: 'Columns',
    mappingFrom: {
      remembered: "Columns as you set them for this bank's statements.",
      recognised: 'Columns recognised by their titles. Correct what is wrong: it will be remembered for the next statements with these titles.',
      guessed: 'Recibo does not recognise these titles: say what each column is. It will be remembered for the next statements with these titles.',
    },
    column: (index, title) => `Column ${index + 1}${title ? ` (${title})` : ''}`,
    unused: '— not used —',
    roles: { date: 'Date', reference: 'Reference', description: 'Description', concept: 'Concept', credit: 'Credit', debit: 'Debit', amount: 'Amount (signed)', balance: 'Balance' },
    first: 'First movements read',
    line: 'Line',
    direction: { credit: 'Credit', debit: 'Debit' },
    importButton: 'Import',
    cancel: 'Cancel',
  },
};
