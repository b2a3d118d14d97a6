/**
 * A payment as a receipt shows it: every value in its canonical form (the truth) and the
 * pieces styles need to print it their own way. Names and banks are invented or public facts;
 * no real person's data.
 */
import { chance, digits, int, pick, type Rng } from './random';

export const BANKS: Record<string, { name: string; short: string }> = {
  '0102': { name: 'Banco de Venezuela', short: 'BANCO DE VENEZUELA' },
  '0104': { name: 'Venezolano de Crédito', short: 'VENEZOLANO DE CREDITO' },
  '0105': { name: 'Mercantil', short: 'BANCO MERCANTIL' },
  '0108': { name: 'BBVA Provincial', short: 'BBVA PROVINCIAL' },
  '0114': { name: 'Bancaribe', short: 'BANCARIBE' },
  '0115': { name: 'Banco Exterior', short: 'BANCO EXTERIOR' },
  '0134': { name: 'Banesco', short: 'BANESCO' },
  '0137': { name: 'Sofitasa', short: 'SOFITASA' },
  '0138': { name: 'Banco Plaza', short: 'BANCO PLAZA' },
  '0151': { name: 'BFC Fondo Común', short: 'BFC BANCO FONDO COMUN' },
  '0163': { name: 'Banco del Tesoro', short: 'BANCO DEL TESORO' },
  '0169': { name: 'R4 Mi Banco', short: 'R4 BANCO MICROFINANCIERO' },
  '0171': { name: 'Banco Activo', short: 'BANCO ACTIVO' },
  '0172': { name: 'Bancamiga', short: 'BANCAMIGA' },
  '0174': { name: 'Banplus', short: 'BANPLUS' },
  '0175': { name: 'Banco Digital de los Trabajadores', short: 'BANCO DIGITAL DE LOS TRABAJADORES' },
  '0191': { name: 'BNC Nacional de Crédito', short: 'BNC NACIONAL DE CREDITO' },
};

const FIRST = ['Génesis', 'José', 'María', 'Begoña', 'Iñaki', 'Andrés', 'Ramón', 'Nohemí', 'Yulimar', 'Ángel', 'Sofía', 'Jesús', 'Daniela', 'Luis', 'Rosángela', 'Maryelis', 'Yorman', 'Óscar', 'Inés', 'Simón', 'Zulay', 'Héctor'];
const LAST = ['Pérez', 'Peña', 'Ordóñez', 'González', 'Rodríguez', 'Hernández', 'Núñez', 'Muñoz', 'Briceño', 'Castañeda', 'Díaz', 'Márquez', 'Ibáñez', 'Zambrano', 'Rivas', 'Quintero', 'Álvarez', 'Montaño', 'Chacón', 'Salazar'];
const CONCEPTS = ['Pago de mensualidad', 'Pago factura 0045', 'Abono pedido', 'Cuota de junio', 'Reserva cancha', 'Pago curso inglés', 'Compra de repuestos', 'Alquiler habitación', 'Pago Móvil', 'Condominio torre B', 'Mercado semanal'];
/** English month abbreviations, as wallets print them ("Mar 12, 2025"). */
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const MONTHS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
const MOBILE_PREFIXES = ['0412', '0422', '0414', '0424', '0416', '0426'];

export interface Payment {
  currency: 'VES' | 'USD';
  /** Canonical amount: dot decimal, two decimals. */
  amount: string;
  commission: string;
  reference: string;
  date: { y: number; m: number; d: number };
  time: { h: number; min: number; s: number };
  phone: string;
  idLetter: 'V' | 'E';
  idNumber: string;
  payerBank: string;
  payeeBank: string;
  payerAccount: string;
  payeeAccount: string;
  concept: string;
  payee: string;
  rif: string;
  authCode: string;
}

export function randomPayment(rng: Rng, currency: 'VES' | 'USD'): Payment {
  const cents = currency === 'USD' ? int(rng, 100, 30000) : pick(rng, [int(rng, 1000, 99999), int(rng, 100000, 2500000), int(rng, 100000, 9999999)]);
  const codes = Object.keys(BANKS);
  const payerBank = pick(rng, codes);
  const payeeBank = pick(rng, codes);
  const idLen = int(rng, 7, 8);
  return {
    currency,
    amount: (cents / 100).toFixed(2),
    commission: (int(rng, 0, 900) / 100).toFixed(2),
    reference: chance(rng, 0.5) ? `00${digits(rng, 10)}` : String(int(rng, 1, 9)) + digits(rng, int(rng, 7, 11)),
    date: { y: pick(rng, [2025, 2026]), m: int(rng, 1, 12), d: int(rng, 1, 28) },
    time: { h: int(rng, 0, 23), min: int(rng, 0, 59), s: int(rng, 0, 59) },
    phone: pick(rng, MOBILE_PREFIXES) + digits(rng, 7),
    idLetter: chance(rng, 0.85) ? 'V' : 'E',
    idNumber: String(int(rng, 1, 9)) + digits(rng, idLen - 1),
    payerBank,
    payeeBank,
    payerAccount: `${payerBank}****${digits(rng, 4)}`,
    payeeAccount: `${payeeBank}****${digits(rng, 4)}`,
    concept: chance(rng, 0.2) ? Array.from({ length: 5 }, () => String(int(rng, 1, 120))).join(' ') : pick(rng, CONCEPTS),
    payee: `${pick(rng, FIRST)} ${pick(rng, LAST)}`,
    rif: `${pick(rng, ['J', 'G', 'V'])}-${digits(rng, 8)}-${int(rng, 0, 9)}`,
    authCode: digits(rng, 6),
  };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Printed forms, as Venezuelan banking apps write them. */
export const fmt = {
  ves: (amount: string) => {
    const [int, dec] = amount.split('.') as [string, string];
    return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${dec}`;
  },
  usd: (amount: string) => amount.replace(/\B(?=(\d{3})+(?!\d))/g, ','),
  dmy: (d: Payment['date'], sep = '/') => `${pad(d.d)}${sep}${pad(d.m)}${sep}${d.y}`,
  longDate: (d: Payment['date']) => `${d.d} de ${MONTHS[d.m - 1]} de ${d.y}`,
  shortMonth: (d: Payment['date']) => `${pad(d.d)} ${MONTHS[d.m - 1]!.slice(0, 3).toUpperCase()} ${d.y}`,
  time12: (t: Payment['time'], style: 'PM' | 'p. m.') => {
    const h12 = t.h % 12 === 0 ? 12 : t.h % 12;
    const pm = t.h >= 12;
    return style === 'PM' ? `${pad(h12)}:${pad(t.min)} ${pm ? 'PM' : 'AM'}` : `${h12}:${pad(t.min)} ${pm ? 'p. m.' : 'a. m.'}`;
  },
  time24: (t: Payment['time'], seconds = false) => `${pad(t.h)}:${pad(t.min)}${seconds ? `:${pad(t.s)}` : ''}`,
  phoneDash: (p: string) => `${p.slice(0, 4)}-${p.slice(4)}`,
  phoneIntl: (p: string) => `+58 ${p.slice(1, 4)}-${p.slice(4)}`,
  cedulaDots: (letter: string, n: string) => `${letter}-${n.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`,
  /** "Mar 12, 2025", or "12 Mar 2025" day first. */
  englishDate: (d: Payment['date'], dayFirst = false) => (dayFirst ? `${d.d} ${MONTHS_EN[d.m - 1]} ${d.y}` : `${MONTHS_EN[d.m - 1]} ${d.d}, ${d.y}`),
  accountDashed: (acc: string) => `${acc.slice(0, 4)}-****-**-****${acc.slice(-4)}`,
};

/** Canonical truth of the fields (../shared/docs/domain.md). */
export const canonical = {
  date: (d: Payment['date']) => `${d.y}-${pad(d.m)}-${pad(d.d)}`,
  time: (t: Payment['time']) => `${pad(t.h)}:${pad(t.min)}`,
};
