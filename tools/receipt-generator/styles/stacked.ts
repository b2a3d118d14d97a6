/** Banesco-style Pago Móvil: each label above its value, a check icon, a date with a month name. */
import { BANKS, canonical, fmt } from '../data';
import { CHECK_ICON, COLORS, esc, type ReceiptStyle } from '../page';

export const stacked: ReceiptStyle = {
  id: 'stacked',
  layout: 'label above value',
  currency: 'VES',
  bank: '0134',
  render({ p, theme }) {
    const c = COLORS[theme];
    const rows: [string, string][] = [
      ['Monto', `Bs. ${fmt.ves(p.amount)}`],
      ['Fecha', fmt.shortMonth(p.date)],
      ['Hora', fmt.time12(p.time, 'PM')],
      ['Número de referencia', p.reference],
      ['Banco receptor', BANKS[p.payeeBank]!.name],
      ['Teléfono receptor', fmt.phoneDash(p.phone)],
      ['Cédula receptor', fmt.cedulaDots(p.idLetter, p.idNumber)],
      ['Concepto', p.concept],
    ];
    return {
      css: `.app { padding: 12px 20px; font-size: 20px; font-weight: 800; color: #00a650; letter-spacing: -0.5px; }
        .head { display: flex; flex-direction: column; align-items: center; gap: 10px; margin: 12px 0 14px; }
        .head h1 { font-size: 19px; font-weight: 700; }
        .item { margin: 0 22px; padding: 10px 0; border-bottom: 1px solid ${c.line}; }
        .item .k { font-size: 13px; color: ${c.muted}; } .item .v { font-size: 16px; font-weight: 500; margin-top: 3px; }`,
      body: `<div class="app">Banesco</div><div class="head">${CHECK_ICON}<h1>Pago Móvil exitoso</h1></div>
        ${rows.map(([k, v]) => `<div class="item"><div class="k">${esc(k)}</div><div class="v">${esc(v)}</div></div>`).join('')}`,
      truth: {
        monto: p.amount, currency: 'VES', fecha: canonical.date(p.date), hora_operacion: canonical.time(p.time), referencia: p.reference,
        banco_origen: p.payerBank, banco_destino: p.payeeBank, telefono: p.phone, cedula: `${p.idLetter}-${p.idNumber}`, concepto: p.concept,
        tipo_transaccion: 'pago_movil', canal_pago: 'banesco',
      },
      printed: { referencia: p.reference, monto: fmt.ves(p.amount) },
      lines: ['Banesco', 'Pago Móvil exitoso', ...rows.flat()],
    };
  },
};
