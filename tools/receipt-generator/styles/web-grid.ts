/** Mercantil en Línea "Envío de Tpago": a small-text web grid, date and time in the page header. */
import { BANKS, canonical, fmt } from '../data';
import { COLORS, esc, type ReceiptStyle } from '../page';

export const webGrid: ReceiptStyle = {
  id: 'web-grid',
  layout: 'multi-column web grid',
  currency: 'VES',
  bank: '0105',
  render({ p, theme }) {
    const c = COLORS[theme];
    const header = `${fmt.longDate(p.date)} ${fmt.time12(p.time, 'p. m.')}`;
    const maskedPhone = `${p.phone.slice(0, 4)} - ••••${p.phone.slice(-3)}`;
    const cells: [string, string][][] = [
      [['Cuenta origen', fmt.accountDashed(p.payerAccount)], ['Teléfono destino', maskedPhone]],
      [['Monto', `Bs. ${fmt.ves(p.amount)}`], ['Número de referencia', p.reference]],
      [['Banco destino', `${p.payeeBank} - ${BANKS[p.payeeBank]!.short}`], ['Cédula destino', `${p.idLetter}${p.idNumber}`]],
      [['Concepto', p.concept], ['Estatus', 'Procesada']],
    ];
    return {
      css: `.top { display: flex; justify-content: space-between; align-items: center; padding: 10px 14px; background: #003c7d; color: #fff; font-size: 13px; }
        .top b { font-size: 15px; } .when { padding: 10px 14px; font-size: 12px; color: ${c.muted}; }
        h2 { font-size: 15px; padding: 4px 14px 10px; }
        .grid { display: grid; grid-template-columns: 1fr 1fr; gap: 0; margin: 0 10px; border: 1px solid ${c.line}; }
        .cell { padding: 8px; border: 1px solid ${c.line}; } .cell .k { font-size: 11px; color: ${c.muted}; } .cell .v { font-size: 12.5px; margin-top: 2px; }`,
      body: `<div class="top"><b>Mercantil en Línea</b><span>Personas</span></div>
        <div class="when">${esc(header)}</div><h2>Envío de Tpago</h2>
        <div class="grid">${cells.flat().map(([k, v]) => `<div class="cell"><div class="k">${esc(k)}</div><div class="v">${esc(v)}</div></div>`).join('')}</div>`,
      truth: {
        monto: p.amount, currency: 'VES', fecha: canonical.date(p.date), hora_operacion: canonical.time(p.time), referencia: p.reference,
        cuenta_origen: fmt.accountDashed(p.payerAccount).replace(/-/g, ''), banco_origen: p.payerBank, banco_destino: p.payeeBank,
        cedula: `${p.idLetter}-${p.idNumber}`, concepto: p.concept, tipo_transaccion: 'pago_movil', canal_pago: 'mercantil',
      },
      printed: { referencia: p.reference, monto: fmt.ves(p.amount) },
      lines: ['Mercantil en Línea Personas', header, 'Envío de Tpago', ...cells.flatMap((row) => [row.map(([k]) => k).join(' '), row.map(([, v]) => v).join(' ')])],
    };
  },
};
