import { describe, expect, it } from 'vitest';
import { shippedRules } from './test-rules';
import { validateFieldValue } from './validate';

const rules = shippedRules();

describe('re-validating an edited field', () => {
  it.each([
    ['monto', '1.250,75', { value: '1250.75', currency: 'VES' }],
    ['monto', 'Bs. 1.250,75', { value: '1250.75', currency: 'VES' }],
    ['monto', '$10.00', { value: '10.00', currency: 'USD' }],
    ['monto', '1.250', { value: '1250.00', note: expect.stringMatching(/ambiguo/) }],
    ['referencia', '003039965664', { value: '003039965664' }],
    ['fecha', '20 de junio de 2025', { value: '2025-06-20' }],
    ['hora_operacion', '2:35 p. m.', { value: '14:35' }],
    ['telefono', '+58 412-5318244', { value: '04125318244' }],
    ['cedula', 'V-12.345.678', { value: 'V-12345678' }],
    ['identificador_fiscal', 'J-12345678-9', { value: 'J-12345678-9' }],
    ['banco_destino', 'Banesco', { value: '0134', name: expect.stringMatching(/BANESCO/i) }],
    ['banco_origen', '0105', { value: '0105', name: expect.stringMatching(/MERCANTIL/i) }],
    ['cuenta_origen', '0102-****-**-****5678', { value: '0102**********5678' }],
    ['beneficiario', '  Génesis Pérez ', { value: 'Génesis Pérez' }],
    // Free text is kept as typed: a leading "-" is the operator's, not OCR noise to trim.
    ['concepto', '-2+3 cuotas  de la rifa', { value: '-2+3 cuotas de la rifa' }],
    ['concepto', ': pago', { value: ': pago' }],
    ['tipo_transaccion', 'pago_movil', { value: 'pago_movil' }],
    ['canal_pago', 'bdv', { value: 'bdv' }],
  ])('%s "%s" is accepted as its canonical value', (field, text, expected) => {
    expect(validateFieldValue(field as never, text, rules)).toMatchObject({ ok: true, ...expected });
  });

  it.each([
    ['monto', ''],
    ['monto', 'mil bolívares'],
    ['referencia', '123 abc'],
    ['fecha', '31/02/2025'],
    ['telefono', '0212-5551234'],
    ['cedula', 'Juan'],
    ['banco_destino', 'Banco de la Luna'],
    ['tipo_transaccion', 'Pago Móvil'],
    ['canal_pago', 'whatsapp'],
  ])('%s "%s" is refused with a reason', (field, text) => {
    const check = validateFieldValue(field as never, text, rules);
    expect(check.ok).toBe(false);
    expect((check as { message: string }).message.length).toBeGreaterThan(10);
  });
});
