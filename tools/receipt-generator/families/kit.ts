/**
 * Pieces every family builds from: one labelled item per field (a drawn wording, a drawn
 * printed form, and the canonical truth it implies), shuffling, and the HTML of item lists.
 */
import { canonical, fmt, type Payment } from '../data';
import { COLORS, esc, type StyleOutput, type Theme } from '../page';
import { chance, int, pick, type Rng } from '../random';
import { LABELS, printAmount, printBank, printCedula, printDate, printPhone, printTime } from './vocab';

export type Truth = StyleOutput['truth'];

export interface Item {
  label: string;
  value: string;
}

/** A label as an app prints it: sometimes with a colon, sometimes upper case. */
export function labelText(rng: Rng, label: string, colonChance = 0.3): string {
  const text = chance(rng, 0.15) ? label.toUpperCase() : label;
  return chance(rng, colonChance) ? `${text}:` : text;
}

/** Builds items and fills the truth of the fields they print. */
export class Items {
  readonly truth: Truth = {};
  constructor(private readonly rng: Rng, private readonly p: Payment) {}

  amount(labels = LABELS.monto): Item {
    this.truth.monto = this.p.amount;
    this.truth.currency = this.p.currency;
    return { label: pick(this.rng, labels), value: printAmount(this.rng, this.p.amount, this.p.currency) };
  }
  reference(labels = LABELS.referencia): Item {
    this.truth.referencia = this.p.reference;
    return { label: pick(this.rng, labels), value: this.p.reference };
  }
  date(): Item {
    this.truth.fecha = canonical.date(this.p.date);
    return { label: pick(this.rng, LABELS.fecha), value: printDate(this.rng, this.p.date) };
  }
  time(): Item {
    this.truth.hora_operacion = canonical.time(this.p.time);
    return { label: pick(this.rng, LABELS.hora), value: printTime(this.rng, this.p.time) };
  }
  /** Date and time on one row, as many apps print them. */
  dateTime(): Item {
    this.truth.fecha = canonical.date(this.p.date);
    this.truth.hora_operacion = canonical.time(this.p.time);
    return { label: pick(this.rng, ['Fecha y hora', 'Fecha']), value: `${printDate(this.rng, this.p.date)} ${printTime(this.rng, this.p.time)}` };
  }
  phone(labels = LABELS.telefono): Item {
    this.truth.telefono = this.p.phone;
    return { label: pick(this.rng, labels), value: printPhone(this.rng, this.p.phone) };
  }
  cedula(labels = LABELS.cedula): Item {
    const c = printCedula(this.rng, this.p);
    this.truth.cedula = c.truth;
    return { label: pick(this.rng, labels), value: c.printed };
  }
  payeeBank(labels = LABELS.bancoDestino): Item {
    this.truth.banco_destino = this.p.payeeBank;
    return { label: pick(this.rng, labels), value: printBank(this.rng, this.p.payeeBank) };
  }
  payerBank(labels = LABELS.bancoOrigen): Item {
    this.truth.banco_origen = this.p.payerBank;
    return { label: pick(this.rng, labels), value: printBank(this.rng, this.p.payerBank) };
  }
  payee(labels = LABELS.beneficiario): Item {
    this.truth.beneficiario = this.p.payee;
    return { label: pick(this.rng, labels), value: this.p.payee };
  }
  concept(): Item {
    this.truth.concepto = this.p.concept;
    return { label: pick(this.rng, LABELS.concepto), value: this.p.concept };
  }
  payerAccount(): Item {
    this.truth.cuenta_origen = fmt.accountDashed(this.p.payerAccount).replace(/-/g, '');
    return { label: pick(this.rng, LABELS.cuentaOrigen), value: fmt.accountDashed(this.p.payerAccount) };
  }
  payeeAccount(): Item {
    this.truth.cuenta_destino = fmt.accountDashed(this.p.payeeAccount).replace(/-/g, '');
    return { label: pick(this.rng, LABELS.cuentaDestino), value: fmt.accountDashed(this.p.payeeAccount) };
  }
  /** Amount, fee and total: the amount is the payment, never the fee or the total. */
  feeAndTotal(): [Item, Item, Item] {
    const fee = this.p.commission;
    const total = (Number(this.p.amount) + Number(fee)).toFixed(2);
    const print = (v: string) => printAmount(this.rng, v, this.p.currency);
    const amount = this.amount(['Monto', 'Monto enviado', 'Monto de la operación', 'Importe']);
    return [amount, { label: pick(this.rng, LABELS.comision), value: print(fee) }, { label: pick(this.rng, LABELS.total), value: print(total) }];
  }
  kind(type: 'pago_movil' | 'transferencia'): void {
    this.truth.tipo_transaccion = type;
  }
}

/** Fisher-Yates with the seeded generator; `keepFirst` items stay where they are. */
export function shuffle<T>(rng: Rng, items: T[], keepFirst = 0): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > keepFirst; i--) {
    const j = keepFirst + Math.floor(rng() * (i - keepFirst + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Text sizes of one receipt, in CSS pixels: label, value and title. */
export function sizes(rng: Rng, base: [number, number]): { label: number; value: number; title: number } {
  const value = int(rng, base[0], base[1]);
  return { label: Math.max(7, value - int(rng, 1, 3)), value, title: value + int(rng, 3, 7) };
}

export const accent = (rng: Rng) => pick(rng, ['#0b57d0', '#00a650', '#d32f2f', '#6a1b9a', '#ef6c00', '#00796b', '#1565c0', '#ad1457']);

/** Label left, value right on one row. */
export function besideRows(items: readonly Item[], rng: Rng, theme: Theme, s = { label: 14, value: 15 }): { html: string; css: string } {
  const c = COLORS[theme];
  const colon = chance(rng, 0.4);
  return {
    css: `.bs { display: flex; justify-content: space-between; gap: 14px; padding: 9px 0; border-bottom: 1px solid ${c.line}; }
      .bs .k { font-size: ${s.label}px; color: ${c.muted}; white-space: nowrap; } .bs .v { font-size: ${s.value}px; font-weight: 600; text-align: right; }`,
    html: items.map((i) => `<div class="bs"><span class="k">${esc(labelText(rng, i.label, colon ? 1 : 0))}</span><span class="v">${esc(i.value)}</span></div>`).join(''),
  };
}

/** Label above its value. */
export function stackedRows(items: readonly Item[], rng: Rng, theme: Theme, s = { label: 13, value: 16 }): { html: string; css: string } {
  const c = COLORS[theme];
  return {
    css: `.st { padding: 8px 0; border-bottom: 1px solid ${c.line}; } .st .k { font-size: ${s.label}px; color: ${c.muted}; }
      .st .v { font-size: ${s.value}px; font-weight: 500; margin-top: 3px; }`,
    html: items.map((i) => `<div class="st"><div class="k">${esc(labelText(rng, i.label, 0))}</div><div class="v">${esc(i.value)}</div></div>`).join(''),
  };
}

export const itemLines = (items: readonly Item[]) => items.flatMap((i) => [i.label, i.value]);
