/**
 * Receipts that are not cards: one sentence, and a bank's SMS forwarded in a chat, whose own
 * clock is not the operation's time.
 */
import { BANKS, canonical, fmt, type Payment } from '../data';
import { COLORS, esc, type ReceiptStyle, type Theme } from '../page';
import { int, pick, type Rng } from '../random';
import { accent, Items } from './kit';
import { printAmount, printDate, printPhone, printTime } from './vocab';

const pad = (n: number) => String(n).padStart(2, '0');

/** A clock some minutes after the operation: when the message arrived, not when money moved. */
function laterClock(p: Payment, rng: Rng): string {
  const t = (p.time.h * 60 + p.time.min + int(rng, 7, 300)) % (24 * 60);
  return `${Math.floor(t / 60)}:${pad(t % 60)}`;
}

function paragraphPage(theme: Theme, rng: Rng, heading: string, text: string) {
  const c = COLORS[theme];
  const size = int(rng, 15, 18);
  return {
    css: `.hd { padding: 14px 20px; font-size: 19px; font-weight: 800; color: ${accent(rng)}; }
      .para { margin: 14px 20px; padding: 16px; background: ${c.card}; border-radius: 14px; font-size: ${size}px; line-height: 1.45; }`,
    body: `<div class="hd">${esc(heading)}</div><div class="para">${esc(text)}</div>`,
  };
}

export const sentenceEs: ReceiptStyle = {
  id: 'sentence-es',
  layout: 'one Spanish sentence',
  currency: 'VES',
  render({ p, theme, rng }) {
    const it = new Items(rng, p);
    it.amount();
    it.payee();
    it.phone();
    it.payeeBank();
    it.date();
    it.time();
    it.reference();
    const amount = printAmount(rng, p.amount, 'VES');
    const bank = BANKS[p.payeeBank]!.name;
    const ref = pick(rng, ['Número de referencia', 'Referencia', 'Nro. de referencia']);
    const text = pick(rng, [
      `Enviaste ${amount} a ${p.payee} (${printPhone(rng, p.phone)}) en ${bank} el ${fmt.longDate(p.date)} a las ${fmt.time12(p.time, 'p. m.')}. ${ref} ${p.reference}.`,
      `Realizaste un Pago Móvil por ${amount} a ${p.payee}, teléfono ${printPhone(rng, p.phone)}, ${bank}, el ${printDate(rng, p.date)} a las ${printTime(rng, p.time)}. ${ref}: ${p.reference}`,
    ]);
    const heading = pick(rng, ['Pago Móvil', 'Operación exitosa', 'Listo']);
    // The kind is in the truth only when the page says it.
    if (/pago m[oó]vil/i.test(`${heading} ${text}`)) it.kind('pago_movil');
    return { ...paragraphPage(theme, rng, heading, text), truth: it.truth, printed: { referencia: p.reference, monto: fmt.ves(p.amount) }, lines: [heading, text] };
  },
};

export const sentenceEn: ReceiptStyle = {
  id: 'sentence-en',
  layout: 'one English sentence, USD',
  currency: 'USD',
  render({ p, theme, rng }) {
    const amount = `$${fmt.usd(p.amount)}`;
    const date = fmt.englishDate(p.date);
    const text = pick(rng, [
      `You sent ${amount} to ${p.payee} on ${date} at ${fmt.time12(p.time, 'PM')}. Reference: ${p.reference}`,
      `${p.payee} received ${amount} from you on ${date}, ${fmt.time12(p.time, 'PM')}. Transaction ID ${p.reference}.`,
    ]);
    const heading = pick(rng, ['Zinli', 'Wally', 'Meru']);
    return {
      ...paragraphPage(theme, rng, heading, text),
      truth: { monto: p.amount, currency: 'USD', beneficiario: p.payee, fecha: canonical.date(p.date), hora_operacion: canonical.time(p.time), referencia: p.reference },
      printed: { referencia: p.reference, monto: fmt.usd(p.amount) },
      lines: [heading, text],
    };
  },
};

export const noticeEn: ReceiptStyle = {
  id: 'notice-en',
  layout: 'English wallet notice, one line of details',
  currency: 'USD',
  render({ p, theme, rng }) {
    const amount = pick(rng, [`$${fmt.usd(p.amount)}`, `USD ${fmt.usd(p.amount)}`]);
    const text = pick(rng, [
      `Payment of ${amount} sent to ${p.payee} · ${fmt.englishDate(p.date)} ${fmt.time12(p.time, 'PM')} · Ref ${p.reference}`,
      `Transfer completed: ${amount} to ${p.payee} on ${fmt.englishDate(p.date, true)} at ${fmt.time24(p.time)}. Confirmation number: ${p.reference}`,
    ]);
    const heading = pick(rng, ['Notifications', 'Activity', 'Ubii Wallet']);
    return {
      ...paragraphPage(theme, rng, heading, text),
      truth: { monto: p.amount, currency: 'USD', beneficiario: p.payee, fecha: canonical.date(p.date), hora_operacion: canonical.time(p.time), referencia: p.reference },
      printed: { referencia: p.reference, monto: fmt.usd(p.amount) },
      lines: [heading, text],
    };
  },
};

/** An English receipt written as a sentence, in wordings of its own (tuning, beside notice-en). */
export const paidEn: ReceiptStyle = {
  id: 'paid-en',
  layout: 'English sentence, paid to',
  currency: 'USD',
  render({ p, theme, rng }) {
    const amount = `$${fmt.usd(p.amount)}`;
    const text = pick(rng, [
      `You paid ${p.payee} ${amount} on ${fmt.englishDate(p.date)} at ${fmt.time12(p.time, 'PM')}. Transaction reference: ${p.reference}`,
      `Sent! ${amount} to ${p.payee} on ${fmt.englishDate(p.date)}, ${fmt.time24(p.time)}. Reference number ${p.reference}`,
    ]);
    const heading = pick(rng, ['Receipt', 'Done', 'Payment details']);
    return {
      ...paragraphPage(theme, rng, heading, text),
      truth: { monto: p.amount, currency: 'USD', beneficiario: p.payee, fecha: canonical.date(p.date), hora_operacion: canonical.time(p.time), referencia: p.reference },
      printed: { referencia: p.reference, monto: fmt.usd(p.amount) },
      lines: [heading, text],
    };
  },
};

/** A bank's SMS shown as the phone's notification, in wordings of its own (tuning). */
export const smsNotice: ReceiptStyle = {
  id: 'sms-notice',
  layout: 'bank SMS as a notification card',
  currency: 'VES',
  render({ p, theme, rng }) {
    const c = COLORS[theme];
    const amount = fmt.ves(p.amount);
    const bank = BANKS[p.payerBank]!.short;
    const sms = pick(rng, [
      `${bank}: Ud realizo un PagoMovil de Bs. ${amount} a ${fmt.phoneDash(p.phone)}, Ref ${p.reference}, ${fmt.dmy(p.date)} ${fmt.time24(p.time)}`,
      `Pago movil exitoso por Bs ${amount} al ${p.phone}. Referencia: ${p.reference}. ${fmt.dmy(p.date, '-')} ${fmt.time12(p.time, 'PM')}`,
    ]);
    const when = laterClock(p, rng);
    return {
      css: `.shade { margin: 16px 12px; padding: 12px 14px; border-radius: 16px; background: ${c.card}; }
        .shade .top { display: flex; justify-content: space-between; font-size: 13px; color: ${c.muted}; } .shade .txt { margin-top: 6px; font-size: 15px; line-height: 1.4; }`,
      body: `<div class="shade"><div class="top"><span>Mensajes</span><span>${when}</span></div><div class="txt">${esc(sms)}</div></div>`,
      truth: smsTruth(p),
      printed: { referencia: p.reference, monto: amount },
      lines: ['Mensajes', when, sms],
    };
  },
};

/** The SMS a bank sends after a Pago Móvil, in one of several banks' wordings (chat and thread differ). */
function bankSms(rng: Rng, p: Payment, inThread: boolean): string {
  const amount = fmt.ves(p.amount);
  if (inThread) {
    return pick(rng, [
      `Tpago: Ud. envio Bs. ${amount} al ${fmt.phoneDash(p.phone)}. Nro. Ref. ${p.reference}. Fecha: ${fmt.dmy(p.date)} Hora: ${fmt.time24(p.time)}`,
      `Su Pago Movil de Bs ${amount} a ${p.phone} fue exitoso. Ref. ${p.reference} el ${fmt.dmy(p.date, '-')} a las ${fmt.time12(p.time, 'p. m.')}`,
    ]);
  }
  return pick(rng, [
    `${BANKS[p.payerBank]!.short}: Pago Movil enviado por Bs. ${amount} al ${p.phone}, Ref: ${p.reference}, fecha ${fmt.dmy(p.date)} ${fmt.time24(p.time)}.`,
    `Usted realizo un Pago Movil por Bs.${amount} al telefono ${fmt.phoneDash(p.phone)} el ${fmt.dmy(p.date)} a las ${fmt.time24(p.time)}. Referencia ${p.reference}`,
    `PagoMovil: Bs ${amount} a ${p.phone} Ref ${p.reference} ${fmt.dmy(p.date, '-')} ${fmt.time12(p.time, 'PM')}`,
  ]);
}

/** What a Pago Móvil SMS states: amount, reference, date, time and the payee's phone. */
export const smsTruth = (p: Payment) => {
  const it = new Items(() => 0, p);
  it.amount();
  it.reference();
  it.date();
  it.time();
  it.phone();
  it.kind('pago_movil');
  return it.truth;
};

export const smsChat: ReceiptStyle = {
  id: 'sms-chat',
  layout: 'bank SMS forwarded in a WhatsApp chat',
  currency: 'VES',
  render({ p, theme, rng }) {
    const c = COLORS[theme];
    const sms = bankSms(rng, p, false);
    const contact = pick(rng, ['Sra. Carmen', 'Tienda El Sol', 'José (cliente)', 'Mamá']);
    const [t1, t2] = [laterClock(p, rng), laterClock(p, rng)];
    const bubbleIn = theme === 'dark' ? '#1f2c34' : '#ffffff';
    const bubbleOut = theme === 'dark' ? '#005c4b' : '#d9fdd3';
    return {
      css: `.bar { background: ${theme === 'dark' ? '#1f2c34' : '#008069'}; color: #fff; padding: 12px 16px; font-size: 17px; font-weight: 600; }
        .chat { background: ${theme === 'dark' ? '#0b141a' : '#efeae2'}; padding: 12px 10px 30px; min-height: 600px; }
        .b { max-width: 82%; padding: 7px 10px 5px; border-radius: 8px; margin: 6px 0; font-size: 15px; line-height: 1.35; color: ${c.fg}; }
        .in { background: ${bubbleIn}; } .out { background: ${bubbleOut}; margin-left: auto; } .fw { font-size: 12px; font-style: italic; color: ${c.muted}; }
        .tm { font-size: 11px; color: ${c.muted}; text-align: right; margin-top: 2px; }`,
      body: `<div class="bar">${esc(contact)}</div><div class="chat">
        <div class="b in">Buenas, ya le hice el pago<div class="tm">${t1}</div></div>
        <div class="b in"><div class="fw">Reenviado</div>${esc(sms)}<div class="tm">${t1}</div></div>
        <div class="b out">Recibido, gracias<div class="tm">${t2}</div></div></div>`,
      truth: smsTruth(p),
      printed: { referencia: p.reference, monto: fmt.ves(p.amount) },
      lines: [contact, 'Buenas, ya le hice el pago', t1, 'Reenviado', sms, t1, 'Recibido, gracias', t2],
    };
  },
};

export const smsThread: ReceiptStyle = {
  id: 'sms-thread',
  layout: 'bank SMS in the phone messages app',
  currency: 'VES',
  render({ p, theme, rng }) {
    const c = COLORS[theme];
    const sms = bankSms(rng, p, true);
    const sender = pick(rng, ['2662', '88232', 'BDV', 'Banesco', '22741']);
    const when = `Hoy ${laterClock(p, rng)}`;
    return {
      css: `.bar { padding: 12px 16px; font-size: 18px; font-weight: 700; border-bottom: 1px solid ${c.line}; text-align: center; }
        .day { text-align: center; font-size: 12px; color: ${c.muted}; margin: 16px 0 8px; }
        .msg { margin: 0 60px 0 12px; background: ${c.card}; padding: 10px 12px; border-radius: 18px; font-size: 16px; line-height: 1.4; }`,
      body: `<div class="bar">${esc(sender)}</div><div class="day">${esc(when)}</div><div class="msg">${esc(sms)}</div>`,
      truth: smsTruth(p),
      printed: { referencia: p.reference, monto: fmt.ves(p.amount) },
      lines: [sender, when, sms],
    };
  },
};
