/**
 * Web banking captured on a desktop: menus, a sidebar and a header that name the app's bank
 * (which is neither role's label), the receipt in a panel, wide gaps between labels and values.
 */
import { BANKS, fmt } from '../data';
import { COLORS, esc, type ReceiptStyle } from '../page';
import { chance, pick } from '../random';
import { accent, besideRows, Items, itemLines, labelText, shuffle, sizes } from './kit';
import { TITLES } from './vocab';

const MENU = ['Inicio', 'Mis cuentas', 'Transferencias', 'Pago Móvil', 'Tarjetas', 'Servicios', 'Mis datos', 'Cerrar sesión'];

export const desktopWeb: ReceiptStyle = {
  id: 'desktop-web',
  layout: 'web banking page with a sidebar, 1366 wide',
  currency: 'VES',
  viewport: (rng) => ({ widthCss: pick(rng, [1280, 1366, 1440]), dpr: 1 }),
  statusBar: false,
  render({ p, theme, rng }) {
    const c = COLORS[theme];
    const it = new Items(rng, p);
    it.kind(chance(rng, 0.5) ? 'pago_movil' : 'transferencia');
    const items = shuffle(rng, [it.amount(), it.date(), it.time(), it.reference(), it.payeeBank(), it.phone(), it.cedula(), it.payee(), it.concept()]);
    if (chance(rng, 0.5)) items.push(it.payerAccount());
    const rows = besideRows(items, rng, theme, sizes(rng, [13, 15]));
    const bank = BANKS[p.payerBank]!;
    const title = pick(rng, it.truth.tipo_transaccion === 'pago_movil' ? TITLES.pago_movil : TITLES.transferencia);
    const color = accent(rng);
    return {
      css: `#screen { min-height: 768px; } .shell { display: flex; min-height: 740px; }
        .side { width: 230px; background: ${color}; color: #fff; padding: 18px 0; } .side .bk { font-size: 18px; font-weight: 800; padding: 0 18px 18px; }
        .side .mi { padding: 9px 18px; font-size: 14px; } .main { flex: 1; padding: 24px 40px; }
        .crumb { font-size: 12px; color: ${c.muted}; } .panel { max-width: 620px; margin-top: 16px; padding: 20px 28px; border: 1px solid ${c.line}; border-radius: 8px; }
        .panel h2 { font-size: 18px; margin-bottom: 10px; } ${rows.css}`,
      body: `<div class="shell"><div class="side"><div class="bk">${esc(bank.name)}</div>${MENU.map((m) => `<div class="mi">${esc(m)}</div>`).join('')}</div>
        <div class="main"><div class="crumb">Inicio / ${esc(title)}</div><div class="panel"><h2>${esc(title)}</h2>${rows.html}</div></div></div>`,
      truth: it.truth,
      printed: { referencia: p.reference, monto: fmt.ves(p.amount) },
      lines: [bank.name, ...MENU, `Inicio / ${title}`, title, ...itemLines(items)],
    };
  },
};

export const desktopPortal: ReceiptStyle = {
  id: 'desktop-portal',
  layout: 'full-HD web portal, label and value columns far apart',
  currency: 'VES',
  viewport: () => ({ widthCss: 1920, dpr: 1 }),
  statusBar: false,
  render({ p, theme, rng }) {
    const c = COLORS[theme];
    const it = new Items(rng, p);
    it.kind('transferencia');
    const items = shuffle(rng, [it.amount(), it.dateTime(), it.reference(), it.payerBank(), it.payeeBank(), it.payerAccount(), it.payeeAccount(), it.payee(), it.concept()]);
    const bank = BANKS[p.payerBank]!;
    const color = accent(rng);
    const nav = ['Personas', 'Empresas', 'Consultas', 'Transferencias', 'Pagos', 'Ayuda'];
    const title = pick(rng, TITLES.transferencia);
    const tr = items.map((i) => `<tr><td class="k">${esc(labelText(rng, i.label, 0))}</td><td class="v">${esc(i.value)}</td></tr>`).join('');
    return {
      css: `#screen { min-height: 1080px; } .top { display: flex; align-items: center; gap: 36px; padding: 16px 48px; background: ${color}; color: #fff; font-size: 15px; }
        .top .bk { font-size: 22px; font-weight: 800; margin-right: 40px; } .user { margin-left: auto; }
        .page { display: flex; gap: 48px; padding: 36px 120px; } .rec { flex: 1; max-width: 980px; }
        .rec h1 { font-size: 24px; margin-bottom: 18px; } table { width: 100%; border-collapse: collapse; }
        td { padding: 11px 8px; border-bottom: 1px solid ${c.line}; font-size: 15px; } td.k { color: ${c.muted}; width: 55%; } td.v { font-weight: 600; }
        .ad { width: 340px; padding: 20px; background: ${c.card}; border-radius: 10px; font-size: 14px; line-height: 1.5; } .ad b { font-size: 17px; }
        .foot { padding: 20px 120px; font-size: 12px; color: ${c.muted}; }`,
      body: `<div class="top"><span class="bk">${esc(bank.short)}</span>${nav.map((n) => `<span>${n}</span>`).join('')}<span class="user">Bienvenido(a)</span></div>
        <div class="page"><div class="rec"><h1>${esc(title)}</h1><table>${tr}</table></div>
        <div class="ad"><b>Crédito al instante</b><br>Solicita tu crédito desde la banca en línea y recíbelo hoy.</div></div>
        <div class="foot">${esc(bank.name)} · Todos los derechos reservados · RIF J-00000000-0</div>`,
      truth: it.truth,
      printed: { referencia: p.reference, monto: fmt.ves(p.amount) },
      lines: [[bank.short, ...nav, 'Bienvenido(a)'].join(' '), title, ...items.map((i) => `${i.label} ${i.value}`), 'Crédito al instante'],
    };
  },
};

/** Web banking on a wide screen as a two-column table, the values far right of their labels. */
export const desktopTable: ReceiptStyle = {
  id: 'desktop-table',
  layout: 'web banking, label and value columns far apart, 1600 wide',
  currency: 'VES',
  viewport: (rng) => ({ widthCss: pick(rng, [1536, 1600, 1680]), dpr: 1 }),
  statusBar: false,
  render({ p, theme, rng }) {
    const c = COLORS[theme];
    const it = new Items(rng, p);
    it.kind(chance(rng, 0.5) ? 'pago_movil' : 'transferencia');
    const items = shuffle(rng, [it.amount(), it.date(), it.time(), it.reference(), it.payerBank(), it.payeeBank(), it.phone(), it.cedula(), it.payee(), it.concept()]);
    const bank = BANKS[p.payerBank]!;
    const title = pick(rng, it.truth.tipo_transaccion === 'pago_movil' ? TITLES.pago_movil : TITLES.transferencia);
    const menu = ['Resumen', 'Pagos', 'Pago Móvil', 'Transferencias', 'Divisas', 'Ayuda'];
    const rows = items.map((i) => `<div class="tr"><span class="k">${esc(labelText(rng, i.label, 0.5))}</span><span class="v">${esc(i.value)}</span></div>`).join('');
    return {
      css: `#screen { min-height: 900px; } .nav { display: flex; gap: 28px; align-items: center; padding: 14px 40px; border-bottom: 1px solid ${c.line}; font-size: 14px; }
        .nav b { font-size: 20px; color: ${accent(rng)}; margin-right: 30px; } .box { margin: 30px 160px; } .box h1 { font-size: 22px; margin-bottom: 16px; }
        .tr { display: flex; justify-content: space-between; padding: 10px 12px; border-bottom: 1px solid ${c.line}; font-size: 14px; } .tr .k { color: ${c.muted}; } .tr .v { font-weight: 600; }`,
      body: `<div class="nav"><b>${esc(bank.name)}</b>${menu.map((m) => `<span>${esc(m)}</span>`).join('')}</div><div class="box"><h1>${esc(title)}</h1>${rows}</div>`,
      truth: it.truth,
      printed: { referencia: p.reference, monto: fmt.ves(p.amount) },
      lines: [[bank.name, ...menu].join(' '), title, ...items.map((i) => `${i.label} ${i.value}`)],
    };
  },
};
