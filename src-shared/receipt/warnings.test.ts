import { describe, expect, it } from 'vitest';
import { extractFields } from '../extract/extract';
import { drawPage } from '../extract/test-page';
import { shippedRules } from '../extract/test-rules';
import { readWarnings } from './warnings';

const rules = shippedRules();
const warningsOf = (rows: string[], inkLines = 0) => {
  const lines = drawPage(rows);
  const { fields, amountCheck } = extractFields(lines, rules);
  return readWarnings({ lines, fields, inkLines, ...(amountCheck ? { amountCheck } : {}) }).map((w) => w.code);
};

describe('warnings: no silent miss', () => {
  it('says so when nothing was read', () => {
    expect(readWarnings({ lines: [], fields: {}, inkLines: 40 }).map((w) => w.code)).toEqual(['nothing_read']);
    expect(warningsOf(['.', '-'])).toEqual(['nothing_read']);
  });

  it('says which of amount and reference is missing', () => {
    expect(warningsOf(['Pago Móvil exitoso', 'Fecha 12/03/2025', 'Referencia 12345678'])).toEqual(['no_amount']);
    expect(warningsOf(['Pago Móvil exitoso', 'Monto Bs. 10,00'])).toEqual(['no_reference']);
    expect(warningsOf(['Monto Bs. 10,00', 'Referencia 12345678'])).toEqual([]);
  });

  it('warns when far fewer lines were read than the page holds', () => {
    expect(warningsOf(['Monto Bs. 10,00', 'Referencia 12345678'], 30)).toEqual(['few_lines']);
    expect(warningsOf(['Monto Bs. 10,00', 'Referencia 12345678'], 4)).toEqual([]);
  });

  it('checks amount + fee = total when all three are printed', () => {
    expect(warningsOf(['Monto      Bs. 100,00', 'Comisión   Bs. 2,00', 'Total      Bs. 150,00', 'Referencia 123456'])).toEqual(['amount_mismatch']);
    expect(warningsOf(['Monto      Bs. 100,00', 'Comisión   Bs. 2,00', 'Total      Bs. 102,00', 'Referencia 123456'])).toEqual([]);
  });
});
