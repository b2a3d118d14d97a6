/** A two-column grid of cells (label over value) where the amount sits beside its fee and total. */
import { fmt } from '../data';
import { COLORS, esc, type ReceiptStyle } from '../page';
import { chance, pick } from '../random';
import { accent, Items, labelText, shuffle, sizes } from './kit';
import { TITLES } from './vocab';

export const feeGrid: ReceiptStyle = {
  id: 'fee-grid',
  layout: 'two-column grid, amount beside fee and total',
  currency: 'VES',
  render({ p, theme, rng }) {
    const c = COLORS[theme];
    const it = new Items(rng, p);
    it.kind('transferencia');
    const s = sizes(rng, [12, 15]);
    const [amount, fee, total] = it.feeAndTotal();
    const rest = shuffle(rng, [it.reference(), it.date(), it.time(), it.payeeBank(), it.cedula(), it.payee(), it.payerAccount(), it.concept()]);
    // Money first or last, but always amount, fee and total in reading order.
    const cells = chance(rng, 0.6) ? [amount, fee, total, ...rest] : [...rest, amount, fee, total];
    if (cells.length % 2) cells.push({ label: 'Estatus', value: 'Exitosa' });
    const title = pick(rng, TITLES.transferencia);
    const app = pick(rng, ['BNC en línea', 'Mi Conexión Bancaribe', 'BDV en línea', 'Banplus Online']);
    const lines = [app, title];
    for (let i = 0; i < cells.length; i += 2) lines.push(`${cells[i]!.label} ${cells[i + 1]!.label}`, `${cells[i]!.value} ${cells[i + 1]!.value}`);
    return {
      css: `.top { padding: 12px 16px; background: ${accent(rng)}; color: #fff; font-weight: 700; font-size: ${s.title}px; } h1 { font-size: ${s.title}px; margin: 12px 16px; }
        .grid { display: grid; grid-template-columns: 1fr 1fr; margin: 0 12px; border-top: 1px solid ${c.line}; }
        .cell { padding: 9px 6px; border-bottom: 1px solid ${c.line}; } .cell .k { font-size: ${s.label}px; color: ${c.muted}; } .cell .v { font-size: ${s.value}px; font-weight: 600; margin-top: 2px; }`,
      body: `<div class="top">${esc(app)}</div><h1>${esc(title)}</h1><div class="grid">${cells.map((x) => `<div class="cell"><div class="k">${esc(labelText(rng, x.label, 0))}</div><div class="v">${esc(x.value)}</div></div>`).join('')}</div>`,
      truth: it.truth,
      printed: { referencia: p.reference, monto: fmt.ves(p.amount) },
      lines,
    };
  },
};
