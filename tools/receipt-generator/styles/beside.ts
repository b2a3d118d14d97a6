/** BNC-style transfer: label at the left, value at the right; Monto, Comisión and Total together. */
import { BANKS, canonical, fmt } from '../data';
import { COLORS, esc, type ReceiptStyle } from '../page';

export const beside: ReceiptStyle = {
  id: 'beside',
  layout: 'label beside value',
  currency: 'VES',
  bank: '0191',
  render({ p, theme }) {
    const c = COLORS[theme];
    const total = (Number(p.amount) + Number(p.commission)).toFixed(2);
    const rows: [string, string][] = [
      ['Monto', `${fmt.ves(p.amount)} Bs`],
      ['Comisión', `${fmt.ves(p.commission)} Bs`],
      ['Total', `${fmt.ves(total)} Bs`],
      ['Referencia', p.reference],
      ['Fecha', fmt.dmy(p.date, '-')],
      ['Hora', fmt.time24(p.time, true)],
      ['Beneficiario', p.payee],
      ['Banco destino', `(${p.payeeBank}) ${BANKS[p.payeeBank]!.name}`],
      ['Cuenta destino', fmt.accountDashed(p.payeeAccount)],
      ['Cédula', fmt.cedulaDots(p.idLetter, p.idNumber)],
      ['Concepto', p.concept],
    ];
    return {
      css: `.bar { background: #0b3d91; color: #fff; padding: 14px 18px; font-size: 17px; font-weight: 600; }
        .sub { padding: 16px 18px 6px; font-size: 14px; color: ${c.muted}; }
        .kv { display: flex; justify-content: space-between; gap: 16px; padding: 9px 18px; font-size: 14px; border-bottom: 1px solid ${c.line}; }
        .kv span:first-child { color: ${c.muted}; } .kv span:last-child { text-align: right; font-weight: 500; }`,
      body: `<div class="bar">BNC Transferencias</div><div class="sub">Transferencia realizada con éxito</div>
        ${rows.map(([k, v]) => `<div class="kv"><span>${esc(k)}</span><span>${esc(v)}</span></div>`).join('')}`,
      truth: {
        monto: p.amount, currency: 'VES', referencia: p.reference, fecha: canonical.date(p.date), hora_operacion: canonical.time(p.time),
        beneficiario: p.payee, banco_origen: p.payerBank, banco_destino: p.payeeBank, cuenta_destino: fmt.accountDashed(p.payeeAccount).replace(/-/g, ''),
        cedula: `${p.idLetter}-${p.idNumber}`, concepto: p.concept, tipo_transaccion: 'transferencia', canal_pago: 'bnc',
      },
      printed: { referencia: p.reference, monto: fmt.ves(p.amount) },
      lines: ['BNC Transferencias', 'Transferencia realizada con éxito', ...rows.map(([k, v]) => `${k} ${v}`)],
    };
  },
};
