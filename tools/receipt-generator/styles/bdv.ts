/** PagomóvilBDV Personas: the amount in a grey pill, then "Label: value" rows. */
import { BANKS, canonical, fmt } from '../data';
import { COLORS, esc, type ReceiptStyle } from '../page';

export const bdv: ReceiptStyle = {
  id: 'bdv',
  layout: 'inline Label: value, amount pill',
  currency: 'VES',
  bank: '0102',
  render({ p, theme }) {
    const c = COLORS[theme];
    const amount = `${fmt.ves(p.amount)} Bs`;
    const rows: [string, string][] = [
      ['Fecha', fmt.dmy(p.date)],
      ['Operación', p.reference],
      ['Identificación', p.idNumber],
      ['Origen', p.payerAccount],
      ['Destino', p.phone],
      ['Banco', `${p.payeeBank} - ${BANKS[p.payeeBank]!.short}`],
      ['Concepto', p.concept],
    ];
    return {
      css: `.title { text-align: center; font-size: 17px; font-weight: 600; margin-top: 26px; }
        .brand { text-align: center; font-size: 14px; margin-top: 4px; color: ${c.muted}; }
        .pill { margin: 22px auto 18px; width: max-content; padding: 10px 26px; border-radius: 22px; background: ${c.card}; font-size: 24px; font-weight: 700; }
        .row { padding: 7px 26px; font-size: 15px; } .row b { font-weight: 600; }
        .btn { margin: 26px 26px 0; padding: 12px; border-radius: 8px; text-align: center; background: #c8102e; color: #fff; font-size: 15px; }`,
      body: `<div class="title">Comprobante de operación</div><div class="brand">PagomóvilBDV Personas</div>
        <div class="pill">${esc(amount)}</div>
        ${rows.map(([k, v]) => `<div class="row"><b>${esc(k)}:</b> ${esc(v)}</div>`).join('')}
        <div class="btn">Compartir</div>`,
      truth: {
        monto: p.amount, currency: 'VES', fecha: canonical.date(p.date), referencia: p.reference, cedula: p.idNumber,
        cuenta_origen: p.payerAccount, banco_origen: p.payerBank, telefono: p.phone, banco_destino: p.payeeBank,
        concepto: p.concept, tipo_transaccion: 'pago_movil', canal_pago: 'bdv',
      },
      printed: { referencia: p.reference, monto: fmt.ves(p.amount) },
      lines: ['Comprobante de operación', 'PagomóvilBDV Personas', amount, ...rows.map(([k, v]) => `${k}: ${v}`), 'Compartir'],
    };
  },
};
