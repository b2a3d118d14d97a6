/** Bancamiga-style transfer voucher: "Label:" rows inside a card, ISO date, RIF and authorisation code. */
import { canonical, fmt } from '../data';
import { COLORS, esc, type ReceiptStyle } from '../page';

export const card: ReceiptStyle = {
  id: 'card',
  layout: 'card with inline labels, RIF and authorisation code',
  currency: 'VES',
  bank: '0172',
  render({ p, theme }) {
    const c = COLORS[theme];
    const iso = canonical.date(p.date);
    const rows: [string, string][] = [
      ['Nro. de operación', p.reference],
      ['Fecha', iso],
      ['Hora', fmt.time12(p.time, 'p. m.')],
      ['Monto', `VES ${p.amount.replace('.', ',')}`],
      ['Beneficiario', p.payee],
      ['RIF', p.rif],
      ['Cuenta destino', fmt.accountDashed(p.payeeAccount)],
      ['Código autorizador', p.authCode],
    ];
    return {
      css: `.brand { padding: 18px 20px 4px; font-size: 22px; font-weight: 800; color: #00a19a; }
        .doc { padding: 0 20px 12px; font-size: 14px; color: ${c.muted}; }
        .card { margin: 6px 14px; padding: 12px 16px; border-radius: 14px; background: ${c.card}; }
        .card p { font-size: 14.5px; padding: 6px 0; } .card p b { font-weight: 600; }`,
      body: `<div class="brand">Bancamiga</div><div class="doc">Comprobante de transferencia</div>
        <div class="card">${rows.map(([k, v]) => `<p><b>${esc(k)}:</b> ${esc(v)}</p>`).join('')}</div>`,
      truth: {
        referencia: p.reference, fecha: iso, hora_operacion: canonical.time(p.time), monto: p.amount, currency: 'VES', beneficiario: p.payee,
        identificador_fiscal: p.rif, cuenta_destino: fmt.accountDashed(p.payeeAccount).replace(/-/g, ''), comprobante: p.authCode,
        banco_origen: p.payerBank, banco_destino: p.payeeBank, tipo_transaccion: 'transferencia', canal_pago: 'bancamiga',
      },
      printed: { referencia: p.reference, monto: p.amount.replace('.', ',') },
      lines: ['Bancamiga', 'Comprobante de transferencia', ...rows.map(([k, v]) => `${k}: ${v}`)],
    };
  },
};
