/**
 * The words of bank statements and payment checks, in both languages (kept apart from es.ts and
 * en.ts, which hold the rest of the window; both include these under `statements`).
 */
type Verdict = 'verified' | 'amount_mismatch' | 'not_found' | 'duplicate_claim';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const statementsEs = {
  title: 'Extractos bancarios',
  choose: 'Importar un extracto…',
  hint: 'CSV, TSV o texto con encabezados (Fecha, Referencia, Monto…), QIF, MT940, el texto de ancho fijo del Banco de Venezuela o los registros del Provincial.',
  imported: (file: string, movements: number, credits: number, verified: number) => `${file}: ${plural(movements, 'movimiento', 'movimientos')} (${plural(credits, 'crédito', 'créditos')}); ${plural(verified, 'comprobante verificado', 'comprobantes verificados')}.`,
  again: (file: string) => `${file} ya estaba importado: no se agregó nada.`,
  kept: 'Extractos guardados',
  none: 'Todavía no hay extractos.',
  unclaimed: 'Créditos sin comprobante',
  unclaimedHint: 'Dinero que llegó sin que nadie enviara el comprobante (o cuyo comprobante aún no se leyó).',
  noneUnclaimed: 'Cada crédito tiene su comprobante.',
  columns: { file: 'Archivo', date: 'Fecha', reference: 'Referencia', description: 'Descripción', amount: 'Monto', movements: 'Movimientos', credits: 'Créditos' },
  payment: { verified: 'Pago verificado', amount_mismatch: 'Monto distinto', not_found: 'Pago no encontrado', duplicate_claim: 'Pago ya reclamado' } satisfies Record<Verdict, string>,
};

export const statementsEn: typeof statementsEs = {
  title: 'Bank statements',
  choose: 'Import a statement…',
  hint: "CSV, TSV or text with headers (Date, Reference, Amount…), QIF, MT940, Banco de Venezuela's fixed-width text or Provincial's records.",
  imported: (file, movements, credits, verified) => `${file}: ${plural(movements, 'movement', 'movements')} (${plural(credits, 'credit', 'credits')}); ${plural(verified, 'receipt verified', 'receipts verified')}.`,
  again: (file) => `${file} was already imported: nothing was added.`,
  kept: 'Statements kept',
  none: 'No statements yet.',
  unclaimed: 'Credits without a receipt',
  unclaimedHint: 'Money that arrived with no proof sent (or whose receipt is not read yet).',
  noneUnclaimed: 'Every credit has its receipt.',
  columns: { file: 'File', date: 'Date', reference: 'Reference', description: 'Description', amount: 'Amount', movements: 'Movements', credits: 'Credits' },
  payment: { verified: 'Payment verified', amount_mismatch: 'Amount differs', not_found: 'Payment not found', duplicate_claim: 'Payment already claimed' },
};
