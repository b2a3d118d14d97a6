import { describe, expect, it } from 'vitest';
import { bankDirectory } from '../banks';
import { normalizeAmount } from './amount';
import { normalizeAccount, normalizeBank } from './bank-account';
import { normalizeDate, normalizeTime } from './date-time';
import { isMaskedPhone, normalizeCedula, normalizeCode, normalizePhone, normalizeReference, normalizeRif } from './ids';
import { normalizeName, normalizeText } from './text';
import type { NormalizeContext } from './types';

const labelled: NormalizeContext = { labelled: true };
const free: NormalizeContext = { labelled: false };

describe('amount', () => {
  it.each([
    ['1.250,75 Bs', free, '1250.75', 'VES', 1],
    ['Bs. 1.250,75', free, '1250.75', 'VES', 1],
    ['VES 1250,75', free, '1250.75', 'VES', 1],
    ['522,70 Bs', free, '522.70', 'VES', 1],
    ['Bs.S 1.000,00', free, '1000.00', 'VES', 1],
    ['-$10.00', free, '10.00', 'USD', 1],
    ['$1,234.56', free, '1234.56', 'USD', 1],
    ['USD 15', free, '15.00', 'USD', 0.6],
    ['Bs. O,31', free, '0.31', 'VES', 1],
    ['1O4,54 Bs', free, '104.54', 'VES', 1],
    ['1,25', labelled, '1.25', 'VES', 0.85],
    ['1.250', labelled, '1250.00', 'VES', 0.5 * 0.85],
    ['1.250', { labelled: true, decimalMark: ',' }, '1250.00', 'VES', 0.75 * 0.85],
    ['1.250.000', labelled, '1250000.00', 'VES', 0.8 * 0.85],
    ['125075', labelled, '125075.00', 'VES', 0.6 * 0.85],
    ['210,00', { labelled: true, currency: 'USD' }, '210.00', 'USD', 0.85],
    // The decimal comma read as a dot after dotted thousands, and the other way round.
    ['13.903.00 Bs', free, '13903.00', 'VES', 0.8],
    ['1,234,56', labelled, '1234.56', 'VES', 0.8 * 0.85],
  ] as const)('%s -> %s', (text, ctx, value, currency, confidence) => {
    const r = normalizeAmount(text, ctx);
    expect(r?.value).toBe(value);
    expect(r?.currency).toBe(currency);
    expect(r?.confidence).toBeCloseTo(confidence, 5);
  });

  it('says why an ambiguous amount has a lower confidence', () => {
    expect(normalizeAmount('1.250', labelled)?.note).toMatch(/ambiguo/);
  });

  it.each([['104,54', free], ['Bs', labelled], ['1.250,75.3', labelled], ['1.25.00', labelled], ['0,00 Bs', free], ['12,3456', labelled]] as const)('rejects %s', (text, ctx) => {
    expect(normalizeAmount(text, ctx)).toBeNull();
  });
});

describe('date', () => {
  it.each([
    ['20/06/2025', '2025-06-20', 1],
    ['20-06-2025', '2025-06-20', 1],
    ['2025-06-20', '2025-06-20', 1],
    ['20/06/25 07:00 pm', '2025-06-20', 0.95],
    ['14 JUL 2025', '2025-07-14', 1],
    ['14 jul. 2025, 02:35 p. m.', '2025-07-14', 1],
    ['20 de junio de 2025', '2025-06-20', 1],
    ['17 de enero de 2026 7:04 p. m.', '2026-01-17', 1],
    ['16 dejunio de 20252:49 a. m.', '2025-06-16', 1],
    ['17 de enero de20267:04p.m.', '2026-01-17', 1],
    ['02 AG0 2026', '2026-08-02', 1],
    ['Jul 14, 2025', '2025-07-14', 0.95],
    ['May 21,2025', '2025-05-21', 0.95],
    ['14 abr: 2025', '2025-04-14', 1],
    ['2O/O6/2025', '2025-06-20', 1],
    ['09/01/2025 - 12:36 p. m.', '2025-01-09', 1],
    ['06/13/2025', '2025-06-13', 0.7],
    // Beyond Latin-1 in the same text (a bullet, a long dash): month words are still found.
    ['• 14 julio 2025 — 3:08 pm', '2025-07-14', 1],
    ['Fecha – 05 de marzo de 2025', '2025-03-05', 1],
  ])('%s -> %s', (text, value, confidence) => {
    const r = normalizeDate(text, free);
    expect(r?.value).toBe(value);
    expect(r?.confidence).toBeCloseTo(confidence, 5);
  });

  it.each(['31/02/2025', '20/06/1999', '14 XYZ 2025', '522,70 Bs', '13/13/2025'])('rejects %s', (text) => {
    expect(normalizeDate(text, free)).toBeNull();
  });
});

describe('time', () => {
  it.each([
    ['02:35 PM', '14:35'],
    ['2:35 p. m.', '14:35'],
    ['14:35', '14:35'],
    ['06:50:20', '06:50'],
    ['12:05 AM', '00:05'],
    ['12:30 p.m.', '12:30'],
    ['7:04 p. m.', '19:04'],
    ['07:00 pm', '19:00'],
    ['4:57 PM', '16:57'],
    ['9:15 a. m.', '09:15'],
    ['20/06/2025 - 06:50:20', '06:50'],
    ['O2:35 PM', '14:35'],
    ['17 de enero de20267:04p.m.', '19:04'],
    ['de 20253:08 a. m.', '03:08'],
  ])('%s -> %s', (text, value) => {
    expect(normalizeTime(text, free)?.value).toBe(value);
  });

  it.each(['10.00', '25:00', '13:30 PM', '12:75', '20.06.2025'])('rejects %s', (text) => {
    expect(normalizeTime(text, free)).toBeNull();
  });
});

describe('phone', () => {
  it.each([
    ['0412-5318244', '04125318244'],
    ['0412 531 8244', '04125318244'],
    ['+58 412-5318244', '04125318244'],
    ['584125318244', '04125318244'],
    ['0416.531.82.44', '04165318244'],
    ['(0424) 123-4567', '04241234567'],
    ['O414-1234567', '04141234567'],
    ['Destino: 04265318244', '04265318244'],
  ])('%s -> %s', (text, value) => {
    expect(normalizePhone(text, free)?.value).toBe(value);
  });

  it.each(['0212-5551234', '0412 - ••••244', '4125318244', '041253182441', '003039965664'])('rejects %s', (text) => {
    expect(normalizePhone(text, free)).toBeNull();
  });

  it('recognises a masked phone', () => {
    expect(isMaskedPhone('0412 - ••••244')).toBe(true);
    expect(isMaskedPhone('0412-5318244')).toBe(false);
  });
});

describe('cédula and RIF', () => {
  it.each([
    ['V-12.345.678', free, 'V-12345678'],
    ['V12345678', free, 'V-12345678'],
    ['E-81.234.567', free, 'E-81234567'],
    ['V - 27.061.025', free, 'V-27061025'],
    ['C.I.: V-8O54155', free, 'V-8054155'],
    ['27061025', labelled, '27061025'],
    ['12.345.678', labelled, '12345678'],
  ] as const)('cédula %s -> %s', (text, ctx, value) => {
    expect(normalizeCedula(text, ctx)?.value).toBe(value);
  });

  it.each([['27061025', free], ['J-12345678-9', free], ['V-12345678-9', free], ['V-12345', free], ['V-1234567890', free]] as const)('not a cédula: %s', (text, ctx) => {
    expect(normalizeCedula(text, ctx)).toBeNull();
  });

  it.each([
    ['RIF: J-12345678-9', free, 'J-12345678-9'],
    ['J123456789', free, 'J-12345678-9'],
    ['G-20.000.123-4', free, 'G-20000123-4'],
    ['V-12345678-9', free, 'V-12345678-9'],
    ['V123456789', labelled, 'V-12345678-9'],
  ] as const)('RIF %s -> %s', (text, ctx, value) => {
    expect(normalizeRif(text, ctx)?.value).toBe(value);
  });

  it('needs a label or a dash to read V or E numbers as a RIF', () => {
    expect(normalizeRif('V123456789', free)).toBeNull();
  });
});

describe('references and codes', () => {
  it.each([
    ['003039965664', '003039965664'],
    ['0O3039965664', '003039965664'],
    ['123456789012 0', '123456789012'],
    ['Nro: 927272286', '927272286'],
  ])('reference %s -> %s', (text, value) => {
    expect(normalizeReference(text, labelled)?.value).toBe(value);
  });

  it('reads references only after a label', () => {
    expect(normalizeReference('003039965664', free)).toBeNull();
    expect(normalizeReference('pago', labelled)).toBeNull();
  });

  it('keeps authorisation codes as printed', () => {
    expect(normalizeCode('282413', labelled)?.value).toBe('282413');
    expect(normalizeCode('AB12C34D', labelled)?.value).toBe('AB12C34D');
    expect(normalizeCode('ABC', labelled)).toBeNull();
  });
});

describe('banks and accounts', () => {
  const banks = bankDirectory({ '0169': ['r4 mi banco', 'mi banco'], '0105': ['banco mercantil'], '0102': ['bdv'] });
  it.each([
    ['0105 - BANCO MERCANTIL', '0105', 1],
    ['(0108) BBVA Provincial', '0108', 1],
    ['Banesco', '0134', 0.9],
    ['R4 Mi Banco', '0169', 0.9],
    ['BANCO DE VENEZUELA', '0102', 0.9],
    ['Banco Mercantil, C.A. S.A.C.A. Banco Universal', '0105', 0.9],
    ['0134 - BANCO MERCANTIL', '0134', 0.7],
  ])('bank %s -> %s', (text, code, confidence) => {
    const r = normalizeBank(text, { labelled: true, banks });
    expect(r?.value).toBe(code);
    expect(r?.confidence).toBe(confidence);
  });

  it('names the bank it found', () => {
    expect(normalizeBank('0105 - BANCO MERCANTIL', { labelled: true, banks })?.name).toBe('Mercantil');
  });

  it('needs a code, or a label, to read a bank', () => {
    expect(normalizeBank('Banesco', { labelled: false, banks })).toBeNull();
    expect(normalizeBank('0199 nada', { labelled: true, banks })).toBeNull();
  });

  it.each([
    ['0102****5071', '0102****5071'],
    ['0102-****-**-****5678', '0102**********5678'],
    ['Cuenta de Ahorro - •••• 3976', '****3976'],
    ['0102 0123 45 6789012345', '01020123456789012345'],
  ])('account %s -> %s', (text, value) => {
    expect(normalizeAccount(text, labelled)?.value).toBe(value);
  });

  it.each(['12345', '0102****', '01020123456789'])('not an account: %s', (text) => {
    expect(normalizeAccount(text, labelled)).toBeNull();
  });
});

describe('text', () => {
  it('keeps concepts as printed, trimmed', () => {
    expect(normalizeText('  4 15 89 88 107 ', labelled)?.value).toBe('4 15 89 88 107');
    expect(normalizeText(': Pago de mensualidad', labelled)?.value).toBe('Pago de mensualidad');
    expect(normalizeText('Pago factura 90.', labelled)?.value).toBe('Pago factura 90.');
  });
  it('drops the dot JPEG noise leaves after a concept of digits alone', () => {
    expect(normalizeText(':90.', labelled)?.value).toBe('90');
    expect(normalizeText('4 15 89 88 107.', labelled)?.value).toBe('4 15 89 88 107');
  });
  it('accepts names, not numbers or e-mails', () => {
    expect(normalizeName('Génesis Pérez', labelled)?.value).toBe('Génesis Pérez');
    expect(normalizeName('0412-5318244', labelled)).toBeNull();
    expect(normalizeName('ana@example.com', labelled)).toBeNull();
  });
});
