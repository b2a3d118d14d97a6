import { describe, expect, it } from 'vitest';
import { missCause, sameValue, tally } from './field-compare';

describe('field comparison', () => {
  it('compares canonical values exactly, cédulas by digits', () => {
    expect(sameValue('monto', '1250.75', '1250.75')).toBe(true);
    expect(sameValue('monto', '1250.75', '1250.70')).toBe(false);
    expect(sameValue('cedula', 'V-12345678', '12345678')).toBe(true);
    expect(sameValue('fecha', '2025-06-20', undefined)).toBe(false);
  });

  it('blames the OCR only when the value is not in what it read', () => {
    expect(missCause('referencia', '003039965664', 'Operacion: 003039966664')).toBe('ocr');
    expect(missCause('referencia', '003039965664', 'Operacion: 0030 3996 5664')).toBe('extraction');
    expect(missCause('beneficiario', 'Begoña Peña', 'Para Begona Pena')).toBe('ocr-accents');
    expect(missCause('beneficiario', 'Begoña Peña', 'Para Begoña Peña')).toBe('extraction');
    expect(missCause('concepto', 'Cuota de junio', 'Concepto: Cuota de jumio')).toBe('ocr');
    expect(missCause('cuenta_origen', '0102****5071', 'Origen: 0102**5071')).toBe('ocr');
    expect(missCause('cuenta_origen', '0102**********5071', 'Origen: 0102-****-**-****5071 x')).toBe('extraction');
  });

  it('counts correct, total and spurious per field, currency from the amount', () => {
    const t = tally(
      [
        { truth: { monto: '10.00', currency: 'USD' }, predicted: { monto: { value: '10.00', currency: 'USD' }, fecha: { value: '2025-01-01' } } },
        { truth: { monto: '5.00', currency: 'VES', fecha: '2025-01-02' }, predicted: { monto: { value: '5.01', currency: 'VES' } } },
      ],
      ['monto', 'currency', 'fecha'],
    );
    expect(t).toEqual({ monto: { total: 2, correct: 1, spurious: 0 }, currency: { total: 2, correct: 2, spurious: 0 }, fecha: { total: 1, correct: 0, spurious: 1 } });
  });
});
