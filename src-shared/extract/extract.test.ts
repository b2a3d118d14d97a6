import { describe, expect, it } from 'vitest';
import { dedupeKey } from './dedupe';
import { extractFields } from './extract';
import { drawPage } from './test-page';
import { shippedRules } from './test-rules';
import type { Fields } from './types';

const rules = shippedRules();
const extract = (rows: string[]) => extractFields(drawPage(rows), rules).fields;
const values = (fields: Fields) => Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.value]));

describe('extracting fields from a page', () => {
  it('reads inline "Label: value" rows and the amount pill (BDV)', () => {
    const f = extract([
      'Comprobante de operación',
      'PagomóvilBDV Personas',
      '      5.524,40 Bs',
      'Fecha: 03/10/2025',
      'Operación: 406884463',
      'Identificación: V-9.911.509',
      'Origen: 0102****1427',
      'Destino: 0414-5790392',
      'Banco: 0174 - BANPLUS',
      'Concepto: Mercado semanal',
    ]);
    expect(values(f)).toMatchObject({
      monto: '5524.40', fecha: '2025-10-03', referencia: '406884463', cedula: 'V-9911509', cuenta_origen: '0102****1427',
      banco_origen: '0102', telefono: '04145790392', banco_destino: '0174', concepto: 'Mercado semanal', canal_pago: 'bdv', tipo_transaccion: 'pago_movil',
    });
    expect(f.monto).toMatchObject({ currency: 'VES', raw: '5.524,40 Bs', source: { via: 'standalone' } });
    // The box is the union of the words the value came from, in page pixels.
    expect(f.monto!.box).toEqual([60, 64, 170, 84]);
    expect(f.referencia).toMatchObject({ raw: '406884463', box: [110, 128, 200, 148], source: { via: 'inline', label: 'Operación:' } });
    expect(f.banco_destino).toMatchObject({ name: expect.stringMatching(/BANPLUS/i) });
    expect(f.banco_origen).toMatchObject({ source: { via: 'derived', from: 'cuenta_origen' } });
    for (const field of Object.values(f)) expect(field.confidence).toBeGreaterThan(0.5);
  });

  it('takes the amount, not the commission, total or balance beside it (BNC)', () => {
    const f = extract([
      'Monto                 Bs. 150,00',
      'Comisión              Bs. 1,50',
      'Total                 Bs. 151,50',
      'Saldo disponible      Bs. 9.000,00',
    ]);
    expect(f.monto).toMatchObject({ value: '150.00', currency: 'VES', source: { via: 'right', label: 'Monto' } });
  });

  it('finds no amount where only a balance and a total are printed', () => {
    const f = extract(['Saldo disponible', 'Bs. 9.000,00', 'Total: Bs. 151,50']);
    expect(f.monto).toBeUndefined();
  });

  it('reads values stacked under their labels, with Spanish month names', () => {
    const f = extract([
      'Monto',
      '1.250,75 Bs',
      '',
      'Número de referencia',
      '000123456789',
      '',
      'Fecha',
      '20 de junio de 2025',
      'Hora',
      '2:35 p. m.',
      'Beneficiario',
      'Génesis Pérez',
    ]);
    expect(values(f)).toMatchObject({ monto: '1250.75', referencia: '000123456789', fecha: '2025-06-20', hora_operacion: '14:35', beneficiario: 'Génesis Pérez' });
    expect(f.referencia!.source.via).toBe('below');
  });

  it('reads a web grid, each header over its own value', () => {
    const f = extract([
      'Fecha           Referencia        Monto (Bs.)',
      '20/06/2025      123456789         1.250,75',
    ]);
    expect(values(f)).toMatchObject({ fecha: '2025-06-20', referencia: '123456789', monto: '1250.75' });
  });

  it('reads labels through OCR slips and fixes look-alike letters only inside digit values', () => {
    const f = extract(['Referencla: 1234O678', 'Teléfono: O414-579O392', 'Concepto: Pago 1O']);
    expect(values(f)).toMatchObject({ referencia: '12340678', telefono: '04145790392', concepto: 'Pago 1O' });
  });

  it('reads a USD wallet: the sign is the direction, the currency comes from the app', () => {
    const f = extract(['Zinli', 'Enviaste dinero', '-$10.00', 'Para: Génesis Pérez']);
    expect(f.monto).toMatchObject({ value: '10.00', currency: 'USD' });
    expect(f.canal_pago?.value).toBe('zinli');
  });

  it('marks an ambiguous amount with a lower confidence and a note, never a silent guess', () => {
    const f = extract(['Monto: 1.250']);
    expect(f.monto).toMatchObject({ value: '1250.00', note: expect.stringMatching(/ambiguo/) });
    expect(f.monto!.confidence).toBeLessThanOrEqual(0.5);
  });

  it('does not take a status-bar clock for the operation time', () => {
    expect(extract(['9:41', 'Monto: Bs. 10,00']).hora_operacion).toBeUndefined();
  });
});

describe('dedupe key', () => {
  const field = (value: string, extra: object = {}) => ({ value, raw: value, confidence: 1, box: [0, 0, 1, 1] as [number, number, number, number], source: { via: 'inline' as const }, ...extra });

  it('is the same for the same payment whatever zeros pad the reference', () => {
    const a = dedupeKey({ referencia: field('003039965664'), monto: field('1250.75', { currency: 'VES' }), fecha: field('2025-06-20'), banco_destino: field('0105') });
    const b = dedupeKey({ referencia: field('3039965664'), monto: field('1250.75', { currency: 'VES' }), fecha: field('2025-06-20'), banco_destino: field('0105') });
    expect(a).toBe('3039965664|1250.75 VES|2025-06-20|0105');
    expect(b).toBe(a);
  });

  it('tells apart another amount, currency or bank, and needs a reference and an amount', () => {
    const base = { referencia: field('123'), monto: field('10.00', { currency: 'VES' }) };
    expect(dedupeKey(base)).toBe('123|10.00 VES||');
    expect(dedupeKey({ ...base, monto: field('10.00', { currency: 'USD' }) })).not.toBe(dedupeKey(base));
    expect(dedupeKey({ ...base, banco_destino: field('0134') })).not.toBe(dedupeKey(base));
    expect(dedupeKey({ monto: base.monto })).toBeNull();
    expect(dedupeKey({ referencia: base.referencia })).toBeNull();
  });
});
