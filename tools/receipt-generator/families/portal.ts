/**
 * Web banking's "detalle de la operación": a table with two label/value pairs per row, so a
 * label's value sits in the next cell and the next label follows it on the same line; an
 * account summary beside it prints a balance that is not the payment.
 */
import { BANKS, fmt } from '../data';
import { COLORS, esc, type ReceiptStyle } from '../page';
import { chance, int, pick } from '../random';
import { accent, Items, type Item, labelText, shuffle } from './kit';
import { printAmount, TITLES } from './vocab';

const TOP = ['Posición global', 'Operaciones', 'Pagos y transferencias', 'Pago Móvil', 'Mensajes', 'Salir'];

export const desktopGrid: ReceiptStyle = {
  id: 'desktop-grid',
  layout: 'web banking detail table, two label/value pairs per row, 1366 to 1920 wide',
  currency: 'VES',
  viewport: (rng) => ({ widthCss: pick(rng, [1366, 1536, 1920]), dpr: 1 }),
  statusBar: false,
  render({ p, theme, rng }) {
    const c = COLORS[theme];
    const it = new Items(rng, p);
    it.kind(chance(rng, 0.5) ? 'pago_movil' : 'transferencia');
    const items = shuffle(rng, [it.amount(), it.reference(), it.date(), it.time(), it.payerBank(), it.payeeBank(), it.phone(), it.cedula(), it.payee(), it.concept()]);
    const bank = BANKS[p.payerBank]!;
    const title = pick(rng, it.truth.tipo_transaccion === 'pago_movil' ? TITLES.pago_movil : TITLES.transferencia);
    const balance = printAmount(rng, (int(rng, 100000, 99999999) / 100).toFixed(2), 'VES');
    const account = fmt.accountDashed(p.payerAccount);
    const size = int(rng, 13, 15);
    const cell = (i: Item | undefined) => (i ? `<td class="k">${esc(labelText(rng, i.label, 0.6))}</td><td class="v">${esc(i.value)}</td>` : '<td></td><td></td>');
    const pairs: [Item, Item | undefined][] = [];
    for (let i = 0; i < items.length; i += 2) pairs.push([items[i]!, items[i + 1]]);
    const rows = pairs.map(([a, b]) => `<tr>${cell(a)}${cell(b)}</tr>`).join('');
    const color = accent(rng);
    const summary = ['Mis cuentas', `Cuenta corriente ${account}`, 'Saldo disponible', balance];
    return {
      css: `#screen { min-height: 820px; } .top { display: flex; gap: 26px; align-items: center; padding: 12px 32px; background: ${color}; color: #fff; font-size: 14px; }
        .top b { font-size: 19px; margin-right: 24px; } .wrap { display: flex; gap: 32px; padding: 28px 32px; }
        .acct { width: 260px; padding: 16px; border: 1px solid ${c.line}; border-radius: 6px; font-size: 13px; line-height: 1.9; } .acct .bal { font-size: 18px; font-weight: 700; }
        .det { flex: 1; } .det h1 { font-size: 20px; margin-bottom: 14px; } table { width: 100%; border-collapse: collapse; font-size: ${size}px; }
        td { padding: 11px 10px; border-bottom: 1px solid ${c.line}; } td.k { color: ${c.muted}; width: 18%; } td.v { font-weight: 600; width: 32%; }`,
      body: `<div class="top"><b>${esc(bank.name)}</b>${TOP.map((m) => `<span>${esc(m)}</span>`).join('')}</div>
        <div class="wrap"><div class="acct">${summary.slice(0, 3).map((s) => `<div>${esc(s)}</div>`).join('')}<div class="bal">${esc(balance)}</div></div>
        <div class="det"><h1>${esc(title)}</h1><table>${rows}</table></div></div>`,
      truth: it.truth,
      printed: { referencia: p.reference, monto: fmt.ves(p.amount) },
      lines: [[bank.name, ...TOP].join(' '), ...summary, title, ...pairs.map((pair) => pair.flatMap((i) => (i ? [i.label, i.value] : [])).join(' '))],
    };
  },
};
