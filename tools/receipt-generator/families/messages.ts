/**
 * A bank's SMS in the phone's own messages app: the sender is a short code, each message has
 * the clock it arrived at, an earlier message carries a one-time key (a number that is not the
 * reference), and the payment message puts one field per line, the date and time on rows of
 * their own or split from their labels.
 */
import { BANKS, fmt, type Payment } from '../data';
import { COLORS, esc, type ReceiptStyle } from '../page';
import { int, pick, type Rng } from '../random';
import { accent } from './kit';
import { smsTruth } from './prose';
import { printPhone, printTime } from './vocab';

const pad = (n: number) => String(n).padStart(2, '0');

/** The payment SMS, one field per line, in one of several banks' wordings. */
function paymentLines(rng: Rng, p: Payment): string[] {
  const amount = fmt.ves(p.amount);
  const bank = BANKS[p.payerBank]!.short.toUpperCase();
  const date = pick(rng, [fmt.dmy(p.date), fmt.dmy(p.date, '-'), fmt.longDate(p.date)]);
  const time = printTime(rng, p.time);
  const phone = printPhone(rng, p.phone);
  return pick(rng, [
    [`${bank} informa:`, 'Pago Movil enviado', `Monto: Bs ${amount}`, `Destino: ${phone}`, `Ref: ${p.reference}`, `Fecha: ${date}`, `Hora: ${time}`],
    [`${bank}: Operacion exitosa`, `PAGO MOVIL Bs.${amount}`, `al ${phone}`, `Referencia ${p.reference}`, `${date} ${time}`],
    ['Notificacion de Pago Movil', `Usted envio Bs ${amount}`, `Telefono receptor ${phone}`, `Nro de operacion: ${p.reference}`, 'Fecha y hora:', `${date} ${time}`],
  ]);
}

export const smsInbox: ReceiptStyle = {
  id: 'sms-inbox',
  layout: "bank SMS in the phone's messages app, one field per line",
  currency: 'VES',
  render({ p, theme, rng }) {
    const c = COLORS[theme];
    const sender = pick(rng, ['2662', '88232', '3223', 'BANCO']);
    const at = (minutes: number) => {
      const t = (p.time.h * 60 + p.time.min + minutes + 24 * 60) % (24 * 60);
      return `${pad(Math.floor(t / 60))}:${pad(t % 60)}`;
    };
    const key = String(int(rng, 100000, 999999));
    const earlier = `Su clave de un solo uso es ${key}. No la comparta con nadie.`;
    const lines = paymentLines(rng, p);
    const [tKey, tPay] = [at(-int(rng, 1, 4)), at(int(rng, 0, 3))];
    const day = pick(rng, ['Hoy', fmt.dmy(p.date)]);
    const bubble = theme === 'dark' ? '#2b2f36' : '#e9edf2';
    return {
      css: `.hdr { display: flex; align-items: center; gap: 12px; padding: 12px 16px; border-bottom: 1px solid ${c.line}; }
        .av { width: 38px; height: 38px; border-radius: 19px; background: ${accent(rng)}; } .hdr b { font-size: 18px; }
        .day { text-align: center; font-size: 12px; color: ${c.muted}; margin: 14px 0 6px; }
        .m { max-width: 78%; margin: 8px 14px; padding: 9px 12px; border-radius: 18px; background: ${bubble}; font-size: ${int(rng, 15, 17)}px; line-height: 1.4; }
        .tm { font-size: 11px; color: ${c.muted}; margin: 0 18px; }`,
      body: `<div class="hdr"><div class="av"></div><b>${esc(sender)}</b></div><div class="day">${esc(day)}</div>
        <div class="m">${esc(earlier)}</div><div class="tm">${tKey}</div>
        <div class="m">${lines.map((l) => `<div>${esc(l)}</div>`).join('')}</div><div class="tm">${tPay}</div>`,
      truth: smsTruth(p),
      printed: { referencia: p.reference, monto: fmt.ves(p.amount) },
      lines: [sender, day, earlier, tKey, ...lines, tPay],
    };
  },
};
