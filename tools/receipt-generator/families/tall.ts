/**
 * Long scrolling captures: small text under one large header, and a receipt followed by the
 * account's recent movements (other amounts and dates that are not this payment's).
 */
import { BANKS, fmt } from '../data';
import { COLORS, esc, type ReceiptStyle } from '../page';
import { chance, int, pick } from '../random';
import { accent, besideRows, Items, itemLines, shuffle, stackedRows } from './kit';
import { TITLES } from './vocab';

const SERVICES = ['Recargas', 'Pago de servicios', 'Tarjetas de crédito', 'Divisas', 'Ahorro programado', 'Seguros', 'Préstamos', 'Cajeros cercanos'];

export const tallScroll: ReceiptStyle = {
  id: 'tall-scroll',
  layout: 'tall scrolling capture, small text, large header',
  currency: 'VES',
  viewport: (rng) => ({ widthCss: 360, dpr: pick(rng, [2, 2.5]) }),
  render({ p, theme, rng }) {
    const c = COLORS[theme];
    const it = new Items(rng, p);
    it.kind('pago_movil');
    const size = int(rng, 7, 8);
    const s = { label: size, value: size + 0.5 };
    const items = shuffle(rng, [it.amount(), it.date(), it.time(), it.reference(), it.payeeBank(), it.phone(), it.cedula(), it.concept()], 1);
    const rows = chance(rng, 0.5) ? besideRows(items, rng, theme, s) : stackedRows(items, rng, theme, s);
    const title = pick(rng, TITLES.pago_movil);
    // One large header over small print: the header alone must not decide how the page is read.
    const headerPx = int(rng, 30, 44);
    const extra = SERVICES.map((x) => `<div class="svc"><b>${esc(x)}</b><br>Disponible las 24 horas desde tu teléfono.</div>`).join('');
    return {
      css: `.big { font-size: ${headerPx}px; font-weight: 800; padding: 40px 16px 30px; color: ${accent(rng)}; text-align: center; }
        .list { margin: 0 14px; } ${rows.css} .more { margin: 40px 14px 0; } .svc { font-size: ${size}px; padding: 28px 0; border-bottom: 1px solid ${c.line}; color: ${c.muted}; }`,
      body: `<div class="big">${esc(title)}</div><div class="list">${rows.html}</div><div class="more">${extra}</div>`,
      truth: it.truth,
      printed: { referencia: p.reference, monto: fmt.ves(p.amount) },
      lines: [title, ...itemLines(items), ...SERVICES],
    };
  },
};

export const tallHistory: ReceiptStyle = {
  id: 'tall-history',
  layout: 'receipt followed by recent movements, up to 1080x5000',
  currency: 'VES',
  viewport: (rng) => ({ widthCss: pick(rng, [412, 540]), dpr: 2 }),
  render({ p, theme, rng }) {
    const c = COLORS[theme];
    const it = new Items(rng, p);
    it.kind('transferencia');
    const size = int(rng, 9, 11);
    const items = shuffle(rng, [it.amount(), it.dateTime(), it.reference(), it.payeeBank(), it.payeeAccount(), it.payee()], 1);
    const rows = besideRows(items, rng, theme, { label: size, value: size + 1 });
    const movements = Array.from({ length: int(rng, 14, 30) }, () => {
      const d = { y: p.date.y, m: int(rng, 1, 12), d: int(rng, 1, 28) };
      return `<div class="mv"><span>${fmt.dmy(d)} · ${pick(rng, ['Compra POS', 'Recarga', 'Abono nómina', 'Retiro'])}</span><span>${chance(rng, 0.5) ? '-' : '+'}${fmt.ves((int(rng, 100, 900000) / 100).toFixed(2))}</span></div>`;
    }).join('');
    const bank = BANKS[p.payerBank]!.short;
    const title = pick(rng, TITLES.transferencia);
    return {
      css: `.hd { padding: 16px; font-size: 22px; font-weight: 800; color: ${accent(rng)}; } h1 { font-size: 16px; margin: 4px 16px 10px; }
        .list { margin: 0 16px; } ${rows.css} .mh { margin: 40px 16px 8px; font-size: ${size + 3}px; font-weight: 700; }
        .mv { display: flex; justify-content: space-between; margin: 0 16px; padding: 14px 0; font-size: ${size}px; border-bottom: 1px solid ${c.line}; }`,
      body: `<div class="hd">${esc(bank)}</div><h1>${esc(title)}</h1><div class="list">${rows.html}</div><div class="mh">Movimientos recientes</div>${movements}`,
      truth: it.truth,
      printed: { referencia: p.reference, monto: fmt.ves(p.amount) },
      lines: [bank, title, ...itemLines(items), 'Movimientos recientes'],
    };
  },
};
