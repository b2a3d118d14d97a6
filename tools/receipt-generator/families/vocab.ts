/**
 * How receipts word and print each field, as Venezuelan bank apps, wallets and web banking do.
 * Families draw a wording per receipt, so no family prints the same labels every time and the
 * extraction rules cannot lean on one app's vocabulary.
 */
import { BANKS, fmt, MONTHS, type Payment } from '../data';
import { chance, pick, type Rng } from '../random';

export const LABELS = {
  monto: ['Monto', 'Monto pagado', 'Monto enviado', 'Importe', 'Monto de la operación', 'Monto transferido', 'Monto Bs.'],
  referencia: ['Referencia', 'Nro. de referencia', 'Número de referencia', 'Referencia bancaria', 'Nro. de confirmación', 'N° de operación', 'Nro. de operación', 'Número de transacción'],
  fecha: ['Fecha', 'Fecha de operación', 'Fecha de pago', 'Fecha de la transacción'],
  hora: ['Hora', 'Hora de operación', 'Hora de la transacción'],
  telefono: ['Teléfono', 'Teléfono destino', 'Celular', 'Número de teléfono', 'Teléfono del beneficiario', 'Tlf.'],
  cedula: ['Cédula', 'Cédula del titular', 'C.I.', 'Documento de identidad', 'Identificación', 'Cédula beneficiario'],
  bancoOrigen: ['Banco emisor', 'Banco origen', 'Banco ordenante', 'Banco de origen', 'Banco pagador', 'Banco remitente'],
  bancoDestino: ['Banco receptor', 'Banco destino', 'Banco beneficiario', 'Banco de destino'],
  beneficiario: ['Beneficiario', 'Titular', 'Nombre del beneficiario', 'Destinatario', 'A nombre de'],
  concepto: ['Concepto', 'Descripción', 'Motivo', 'Detalle'],
  cuentaOrigen: ['Cuenta origen', 'Cuenta de origen', 'Cuenta a debitar', 'Desde mi cuenta'],
  cuentaDestino: ['Cuenta destino', 'Cuenta de destino', 'Cuenta a acreditar', 'Cuenta beneficiario'],
  comision: ['Comisión', 'Comisión bancaria', 'Cargo por servicio'],
  total: ['Total', 'Total debitado', 'Monto total'],
};

/** Section headings that scope the same "Banco", "Nombre", "Cédula" labels to one role. */
export const SECTIONS = {
  origen: ['Datos del ordenante', 'Datos del emisor', 'Origen', 'Datos de origen', 'Remitente', 'Datos del pagador'],
  destino: ['Datos del beneficiario', 'Datos del receptor', 'Destino', 'Datos de destino', 'Destinatario'],
};

export const TITLES = {
  pago_movil: ['Pago Móvil exitoso', 'Pago Móvil realizado', 'Comprobante de Pago Móvil', 'Pago móvil enviado'],
  transferencia: ['Transferencia exitosa', 'Transferencia realizada', 'Comprobante de transferencia'],
};

/** One printed amount: the number and, most of the time, the currency beside it. */
export function printAmount(rng: Rng, amount: string, currency: 'VES' | 'USD'): string {
  if (currency === 'USD') return pick(rng, [`$${fmt.usd(amount)}`, `$ ${fmt.usd(amount)}`, `${fmt.usd(amount)} USD`, `USD ${fmt.usd(amount)}`]);
  return pick(rng, [`Bs. ${fmt.ves(amount)}`, `${fmt.ves(amount)} Bs`, `Bs ${fmt.ves(amount)}`, `VES ${fmt.ves(amount)}`, `${fmt.ves(amount)} Bs.`]);
}

export function printDate(rng: Rng, d: Payment['date']): string {
  return pick(rng, [fmt.dmy(d), fmt.dmy(d, '-'), fmt.longDate(d), fmt.shortMonth(d), `${d.d} ${MONTHS[d.m - 1]!.slice(0, 3)}. ${d.y}`]);
}

export function printTime(rng: Rng, t: Payment['time']): string {
  return pick(rng, [fmt.time12(t, 'PM'), fmt.time12(t, 'p. m.'), fmt.time24(t), fmt.time24(t, true)]);
}

export function printPhone(rng: Rng, phone: string): string {
  return pick(rng, [fmt.phoneDash(phone), fmt.phoneIntl(phone), phone, `${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}`]);
}

/** The cédula as printed and its canonical value (the letter only when it is printed). */
export function printCedula(rng: Rng, p: Payment): { printed: string; truth: string } {
  if (chance(rng, 0.15)) return { printed: p.idNumber.replace(/\B(?=(\d{3})+(?!\d))/g, '.'), truth: p.idNumber };
  return { printed: pick(rng, [fmt.cedulaDots(p.idLetter, p.idNumber), `${p.idLetter}${p.idNumber}`, `${p.idLetter}-${p.idNumber}`]), truth: `${p.idLetter}-${p.idNumber}` };
}

export function printBank(rng: Rng, code: string): string {
  const b = BANKS[code]!;
  return pick(rng, [b.name, `${code} - ${b.short}`, b.short, `${b.name} (${code})`, `(${code}) ${b.name}`]);
}

/** A second person: the payer, whose name and cédula must never be taken for the payee's. */
export function payerIdentity(rng: Rng, p: Payment): { name: string; cedula: string } {
  const names = ['Carlos Mendoza', 'Luisa Fernández', 'Pedro Aguilar', 'Carmen Rojas', 'Rafael Suárez', 'Marisol Torres'];
  const name = pick(rng, names.filter((n) => n !== p.payee));
  const n = String(Number(p.idNumber.slice(0, 2)) % 9 + 1) + p.idNumber.slice(2).split('').reverse().join('') + '3';
  return { name, cedula: fmt.cedulaDots('V', n.slice(0, 8)) };
}
