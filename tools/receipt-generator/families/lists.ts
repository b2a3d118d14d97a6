/**
 * Bank-app receipts as lists of labelled rows, in drawn wordings and orders: the payer's and the
 * payee's banks both labelled, a fee and a total beside the amount, a large card with small
 * text, and an English wallet.
 */
import { BANKS, canonical, fmt } from '../data';
import { CHECK_ICON, COLORS, esc, type ReceiptStyle } from '../page';
import { chance, int, pick } from '../random';
import { accent, besideRows, Items, itemLines, shuffle, sizes, stackedRows } from './kit';
import { TITLES } from './vocab';

/** Both banks labelled by role under an app header that names the payer's bank. */
export const rolesList: ReceiptStyle = {
  id: 'roles-list',
  layout: 'rows with both banks labelled by role',
  currency: 'VES',
  render({ p, theme, rng }) {
    const it = new Items(rng, p);
    it.kind('pago_movil');
    const s = sizes(rng, [14, 17]);
    const items = shuffle(rng, [it.amount(), chance(rng, 0.5) ? it.dateTime() : it.date(), it.reference(), it.payerBank(), it.payeeBank(), it.phone(), it.cedula(), it.payee(), it.concept()], 1);
    const rows = chance(rng, 0.5) ? besideRows(items, rng, theme, s) : stackedRows(items, rng, theme, s);
    const app = BANKS[p.payerBank]!.name;
    const title = pick(rng, TITLES.pago_movil);
    return {
      css: `.app { padding: 12px 18px; font-size: ${s.title}px; font-weight: 800; color: ${accent(rng)}; }
        .head { text-align: center; margin: 8px 0 12px; } .head h1 { font-size: ${s.title - 2}px; margin-top: 8px; } .list { margin: 0 20px; } ${rows.css}`,
      body: `<div class="app">${esc(app)}</div><div class="head">${CHECK_ICON}<h1>${esc(title)}</h1></div><div class="list">${rows.html}</div>`,
      truth: it.truth,
      printed: { referencia: p.reference, monto: fmt.ves(p.amount) },
      lines: [app, title, ...itemLines(items)],
    };
  },
};

/** A shared receipt image at one density: a large card whose text is small for its size. */
export const smallTextCard: ReceiptStyle = {
  id: 'small-text-card',
  layout: 'large card, small text',
  currency: 'VES',
  viewport: (rng) => ({ widthCss: pick(rng, [680, 712, 720]), dpr: 1 }),
  statusBar: false,
  render({ p, theme, rng }) {
    const c = COLORS[theme];
    const it = new Items(rng, p);
    it.kind('transferencia');
    const s = sizes(rng, [12, 14]);
    const items = shuffle(rng, [it.amount(), it.date(), it.time(), it.reference(), it.payeeBank(), it.payeeAccount(), it.cedula(), it.payee(), it.concept()], 1);
    const rows = chance(rng, 0.5) ? besideRows(items, rng, theme, s) : stackedRows(items, rng, theme, s);
    const title = pick(rng, TITLES.transferencia);
    const pad = int(rng, 90, 160);
    return {
      css: `.wrap { padding: ${pad}px 120px; background: ${c.card}; } .cardx { background: ${c.bg}; border-radius: 18px; padding: 40px 36px ${pad}px; }
        .cardx h1 { font-size: ${s.title}px; text-align: center; margin: 12px 0 30px; } .logo { text-align: center; } ${rows.css}
        .foot { margin-top: 60px; font-size: ${s.label}px; color: ${c.muted}; text-align: center; }`,
      body: `<div class="wrap"><div class="cardx"><div class="logo">${CHECK_ICON}</div><h1>${esc(title)}</h1>${rows.html}
        <div class="foot">Conserve este comprobante para cualquier reclamo</div></div></div>`,
      truth: it.truth,
      printed: { referencia: p.reference, monto: fmt.ves(p.amount) },
      lines: [title, ...itemLines(items), 'Conserve este comprobante para cualquier reclamo'],
    };
  },
};

/** An English-language USD wallet: Amount, Reference, Date, Time, To. */
export const walletEnglish: ReceiptStyle = {
  id: 'wallet-en',
  layout: 'English wallet',
  currency: 'USD',
  render({ p, theme, rng }) {
    const c = COLORS[theme];
    const amount = `$${fmt.usd(p.amount)}`;
    const date = fmt.englishDate(p.date, !chance(rng, 0.5));
    const items = shuffle(rng, [
      { label: pick(rng, ['To', 'Recipient', 'Sent to']), value: p.payee },
      { label: pick(rng, ['Reference', 'Reference number', 'Transaction ID']), value: p.reference },
      { label: 'Date', value: date },
      { label: 'Time', value: fmt.time12(p.time, 'PM') },
      { label: 'Status', value: 'Completed' },
    ]);
    const rows = besideRows(items, rng, theme, sizes(rng, [14, 16]));
    const title = pick(rng, ['Payment sent', 'You sent money', 'Transfer complete']);
    const brand = pick(rng, ['Zinli', 'Wally', 'Ubii Wallet', 'Meru']);
    return {
      css: `.brand { padding: 12px 18px; font-size: 20px; font-weight: 800; color: ${accent(rng)}; }
        .hero { text-align: center; margin: 16px 0 22px; } .hero .t { font-size: 15px; color: ${c.muted}; } .hero .a { font-size: 34px; font-weight: 700; margin-top: 6px; }
        .list { margin: 0 22px; } ${rows.css}`,
      body: `<div class="brand">${esc(brand)}</div><div class="hero"><div class="t">${esc(title)}</div><div class="a">-${esc(amount)}</div></div><div class="list">${rows.html}</div>`,
      truth: { monto: p.amount, currency: 'USD', referencia: p.reference, fecha: canonical.date(p.date), hora_operacion: canonical.time(p.time), beneficiario: p.payee },
      printed: { referencia: p.reference, monto: fmt.usd(p.amount) },
      lines: [brand, title, `-${amount}`, ...itemLines(items)],
    };
  },
};

/** Amount, fee and total stacked one under the other, the total in bold. */
export const feeStacked: ReceiptStyle = {
  id: 'fee-stacked',
  layout: 'amount, fee and total stacked',
  currency: 'VES',
  render({ p, theme, rng }) {
    const it = new Items(rng, p);
    it.kind('transferencia');
    const s = sizes(rng, [13, 16]);
    const money = it.feeAndTotal();
    const rest = shuffle(rng, [it.date(), it.time(), it.reference(), it.payeeBank(), it.payee(), it.payeeAccount()]);
    const items = chance(rng, 0.5) ? [...rest, ...money] : [...money, ...rest];
    const rows = besideRows(items, rng, theme, s);
    const title = pick(rng, TITLES.transferencia);
    const app = BANKS[p.payerBank]!.short;
    return {
      css: `.app { padding: 12px 18px; font-size: ${s.title}px; font-weight: 800; color: ${accent(rng)}; } h1 { font-size: ${s.title}px; margin: 6px 20px 12px; }
        .list { margin: 0 20px; } ${rows.css} .bs:last-child .v { font-weight: 800; }`,
      body: `<div class="app">${esc(app)}</div><h1>${esc(title)}</h1><div class="list">${rows.html}</div>`,
      truth: it.truth,
      printed: { referencia: p.reference, monto: fmt.ves(p.amount) },
      lines: [app, title, ...itemLines(items)],
    };
  },
};
