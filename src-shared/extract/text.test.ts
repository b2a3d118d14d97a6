import { describe, expect, it } from 'vitest';
import { confusableKey, containsPhrase, editDistance, fold, phraseScore } from './text';

const words = (s: string) => fold(s).split(' ');

describe('fold', () => {
  it('drops case, accents and punctuation', () => {
    expect(fold('  Nº de Operación: ')).toBe('no de operacion');
    expect(fold('N° 123')).toBe('no 123');
    expect(fold('CI/RIF BENEFICIARIO:')).toBe('ci rif beneficiario');
  });
});

describe('phraseScore', () => {
  it.each([
    ['Operación', 'operacion', 1],
    ['Operaci6n', 'operacion', 0.88],
    ['ldentificaci6n', 'identificacion', 0.76],
    ['Identicacin', 'identificacion', 0.64],
    ['Se Envib', 'se envió', 0.88],
    ['Nro.deoperacion', 'nro de operacion', 0.92],
    ['Comprobantedetransferencia', 'comprobante de transferencia', 0.92],
  ])('reads %s as %s', (text, phrase, score) => {
    expect(phraseScore(words(text), words(phrase))).toBeCloseTo(score, 5);
  });

  it.each([
    ['Pago', 'tpago'],
    ['tel', 'el'],
    ['Cuenta destino', 'cuenta de origen'],
    ['Cuenta destino', 'cuenta origen'],
    ['Destino', 'desde'],
    ['Monto', 'total'],
  ])('does not read %s as %s', (text, phrase) => {
    expect(phraseScore(words(text), words(phrase))).toBe(0);
  });
});

describe('helpers', () => {
  it('measures edits, stopping past the limit', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
  });
  it('finds whole phrases only', () => {
    expect(containsPhrase('Saldo Zinli', ['zinli'])).toBe('zinli');
    expect(containsPhrase('Zinlify', ['zinli'])).toBeNull();
  });
  it('gives OCR look-alikes one key', () => {
    expect(confusableKey('jullo')).toBe(confusableKey('julio'));
    expect(confusableKey('novlembre')).toBe(confusableKey('noviembre'));
    expect(confusableKey('AG0')).toBe(confusableKey('ago'));
  });
});
