import { describe, expect, it } from 'vitest';
import { bankByName, bankDirectory } from './banks';

const directory = bankDirectory({});

describe('bankByName', () => {
  it('finds a name as whole words, longest first', () => {
    expect(bankByName('Banco de Venezuela', directory)?.code).toBe('0102');
    expect(bankByName('Pago a Banesco', directory)).toMatchObject({ code: '0134' });
  });

  it('forgives an OCR slip in a long name', () => {
    expect(bankByName('Banco Mercantl, C.A.', directory)?.code).toBe('0105');
  });

  it('joins a logo name split by its letter-spacing, and says where it is', () => {
    expect(bankByName('M ERCANTI L', directory)).toEqual({ code: '0105', start: 0, end: 11 });
    expect(bankByName('Pago B A N E S C O', directory)).toMatchObject({ code: '0134', start: 5 });
  });

  it('does not join words into a name they only begin', () => {
    expect(bankByName('BAN ES', directory)).toBeNull();
    expect(bankByName('Referencia 0105', directory)).toBeNull();
  });
});
