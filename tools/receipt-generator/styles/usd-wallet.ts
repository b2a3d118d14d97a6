/** Zinli-style USD wallet: "Enviaste dinero -$10.00"; the minus sign is the direction, not the value. */
import { canonical, fmt } from '../data';
import { COLORS, esc, type ReceiptStyle } from '../page';

export const usdWallet: ReceiptStyle = {
  id: 'usd-wallet',
  layout: 'USD wallet',
  currency: 'USD',
  render({ p, theme }) {
    const c = COLORS[theme];
    const when = `${fmt.dmy(p.date)} - ${fmt.time12(p.time, 'p. m.')}`;
    const rows: [string, string][] = [
      ['Para', p.payee],
      ['Fecha', when],
      ['ID de transacción', p.reference],
      ['Nota', p.concept],
      ['Método', 'Saldo Zinli'],
    ];
    return {
      css: `.hero { margin: 18px 16px; padding: 22px 18px; border-radius: 18px; background: linear-gradient(135deg, #6c2bd9, #a24bf0); color: #fff; }
        .hero .t { font-size: 15px; opacity: .9; } .hero .a { font-size: 34px; font-weight: 700; margin-top: 6px; }
        .r { display: flex; justify-content: space-between; padding: 11px 20px; font-size: 14px; border-bottom: 1px solid ${c.line}; }
        .r span:first-child { color: ${c.muted}; }`,
      body: `<div class="hero"><div class="t">Enviaste dinero</div><div class="a">-$${esc(fmt.usd(p.amount))}</div></div>
        ${rows.map(([k, v]) => `<div class="r"><span>${esc(k)}</span><span>${esc(v)}</span></div>`).join('')}`,
      truth: {
        monto: p.amount, currency: 'USD', beneficiario: p.payee, fecha: canonical.date(p.date), hora_operacion: canonical.time(p.time),
        referencia: p.reference, concepto: p.concept, tipo_transaccion: 'transferencia', canal_pago: 'zinli',
      },
      printed: { referencia: p.reference, monto: fmt.usd(p.amount) },
      lines: ['Enviaste dinero', `-$${fmt.usd(p.amount)}`, ...rows.map(([k, v]) => `${k} ${v}`)],
    };
  },
};
