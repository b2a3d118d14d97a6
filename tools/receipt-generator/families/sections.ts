/**
 * Receipts in two sections, payer and payee, each repeating the same generic labels ("Banco",
 * "Nombre", "Cédula"): only the section heading says whose they are.
 */
import { fmt, type Payment } from '../data';
import { COLORS, esc, type ReceiptStyle, type Theme } from '../page';
import { chance, pick, type Rng } from '../random';
import { accent, besideRows, type Item, Items, itemLines, shuffle, sizes, stackedRows } from './kit';
import { payerIdentity, printBank, SECTIONS, TITLES } from './vocab';

interface Sectioned {
  top: Item[];
  payer: Item[];
  payee: Item[];
  headings: [string, string];
  it: Items;
}

function sectioned(rng: Rng, p: Payment): Sectioned {
  const it = new Items(rng, p);
  const who = payerIdentity(rng, p);
  const top = shuffle(rng, [it.amount(), it.date(), it.time(), it.reference(), it.concept()], 1);
  it.truth.banco_origen = p.payerBank;
  const payer = shuffle(rng, [
    { label: pick(rng, ['Nombre', 'Titular']), value: who.name },
    { label: pick(rng, ['Cédula', 'C.I.', 'Documento']), value: who.cedula },
    { label: pick(rng, ['Banco', 'Entidad']), value: printBank(rng, p.payerBank) },
  ]);
  if (chance(rng, 0.5)) payer.push({ ...it.payerAccount(), label: 'Cuenta' });
  const payee = shuffle(rng, [
    { ...it.payee(), label: pick(rng, ['Nombre', 'Titular', 'Nombre y apellido']) },
    { ...it.cedula(), label: pick(rng, ['Cédula', 'C.I.', 'Documento']) },
    { ...it.payeeBank(), label: pick(rng, ['Banco', 'Entidad']) },
    { ...it.phone(), label: pick(rng, ['Teléfono', 'Celular']) },
  ]);
  it.kind('pago_movil');
  return { top, payer, payee, headings: [pick(rng, SECTIONS.origen), pick(rng, SECTIONS.destino)], it };
}

function sectionHtml(heading: string, rows: { html: string }, theme: Theme): string {
  return `<div class="sec"><div class="sh" style="color:${COLORS[theme].fg}">${esc(heading)}</div>${rows.html}</div>`;
}

function build(rng: Rng, p: Payment, theme: Theme, stacked: boolean) {
  const s = sizes(rng, [13, 16]);
  const d = sectioned(rng, p);
  const rowsOf = (items: Item[]) => (stacked ? stackedRows(items, rng, theme, s) : besideRows(items, rng, theme, s));
  const [top, payer, payee] = [rowsOf(d.top), rowsOf(d.payer), rowsOf(d.payee)];
  const title = pick(rng, TITLES.pago_movil);
  // Payer first, as most apps print it; some put the payee first.
  const order = chance(rng, 0.8) ? [sectionHtml(d.headings[0], payer, theme), sectionHtml(d.headings[1], payee, theme)] : [sectionHtml(d.headings[1], payee, theme), sectionHtml(d.headings[0], payer, theme)];
  return {
    css: `h1 { font-size: ${s.title}px; margin: 14px 20px 8px; color: ${accent(rng)}; } .body { margin: 0 20px; } ${top.css}
      .sec { margin-top: 16px; } .sh { font-size: ${s.value}px; font-weight: 800; padding: 8px 0 4px; text-transform: ${chance(rng, 0.4) ? 'uppercase' : 'none'}; }`,
    body: `<h1>${esc(title)}</h1><div class="body">${top.html}${order.join('')}</div>`,
    truth: d.it.truth,
    printed: { referencia: p.reference, monto: fmt.ves(p.amount) },
    lines: [title, ...itemLines(d.top), d.headings[0], ...itemLines(d.payer), d.headings[1], ...itemLines(d.payee)],
  };
}

export const sectionsBeside: ReceiptStyle = {
  id: 'sections-beside',
  layout: 'payer and payee sections, label beside value',
  currency: 'VES',
  render: ({ p, theme, rng }) => build(rng, p, theme, false),
};

export const sectionsStacked: ReceiptStyle = {
  id: 'sections-stacked',
  layout: 'payer and payee sections, label above value',
  currency: 'VES',
  render: ({ p, theme, rng }) => build(rng, p, theme, true),
};
