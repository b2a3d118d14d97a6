/**
 * A statement's header row, in any of the banks' wordings, to the role of each column: date,
 * the bank's reference, description, debit, credit, a signed amount, balance. Accents, case,
 * spacing and punctuation aside ("Débito", " Debe ", "DEBITOS", "Cod, Transacción").
 */
import type { ColumnMapping, ColumnRole } from '../../src-shared/reconcile/column-roles';

const WORDS: Record<ColumnRole, readonly string[]> = {
  date: ['fecha', 'fecha operacion', 'fecha valor', 'fecha contable', 'date'],
  reference: ['referencia', 'ref', 'nro referencia', 'numero de referencia', 'documento', 'nro documento', 'reference'],
  description: ['descripcion', 'detalle', 'movimiento', 'description'],
  concept: ['concepto', 'observacion', 'observaciones'],
  debit: ['debito', 'debitos', 'debe', 'cargo', 'cargos', 'retiro', 'retiros', 'egreso', 'debit'],
  credit: ['credito', 'creditos', 'haber', 'abono', 'abonos', 'deposito', 'depositos', 'ingreso', 'credit'],
  amount: ['monto', 'importe', 'amount'],
  balance: ['saldo', 'saldo disponible', 'balance'],
};

/** A header cell as compared: lower case, accents and punctuation gone, single spaces. */
export const headerKey = (cell: string) =>
  cell
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const ROLE_OF = new Map<string, ColumnRole>(Object.entries(WORDS).flatMap(([role, words]) => words.map((w) => [w, role as ColumnRole])));

/**
 * The roles a row's cells name, or null when it is not a header: a header names a date and at
 * least two more roles. A role named twice keeps its first column ("Referencia" and a later
 * "Referencia 2").
 */
export function mappingOf(row: readonly string[]): ColumnMapping | null {
  const mapping: ColumnMapping = {};
  row.forEach((cell, i) => {
    const role = ROLE_OF.get(headerKey(cell));
    if (role && mapping[role] === undefined) mapping[role] = i;
  });
  const roles = Object.keys(mapping).length;
  return mapping.date !== undefined && roles >= 3 ? mapping : null;
}

/** What the rows need and the mapping lacks: a date, or money (a debit and credit pair or one signed amount). */
export function mappingProblem(mapping: ColumnMapping): 'date' | 'money' | null {
  if (mapping.date === undefined) return 'date';
  if (mapping.amount === undefined && (mapping.debit === undefined || mapping.credit === undefined)) return 'money';
  return null;
}
