import { describe, expect, it } from 'vitest';
import { containsToken, f1, lineScore, missKind, percentile, scoreWords, unspacedCer } from './metrics';

describe('percentile (nearest rank)', () => {
  it('takes the value at the rank, not an interpolation', () => {
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(percentile([10, 20, 30, 40], 50)).toBe(20);
    expect(percentile([10, 20, 30, 40], 95)).toBe(40);
    expect(percentile([7], 95)).toBe(7);
  });
  it('is NaN for no values', () => {
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('word scores', () => {
  it('counts repeated words as a multiset', () => {
    const s = scoreWords('TOTAL 2.28 TOTAL', 'TOTAL 2.28 2.28', false);
    expect(s).toEqual({ matched: 2, predicted: 3, expected: 3 });
  });
  it('folds case only when asked', () => {
    expect(scoreWords('GUARDIAN HEALTH', 'Guardian Health', false).matched).toBe(0);
    expect(scoreWords('GUARDIAN HEALTH', 'Guardian Health', true).matched).toBe(2);
  });
  it('punishes glued words on both sides', () => {
    expect(scoreWords('BANCO MERCANTIL', 'BANCOMERCANTIL', false)).toEqual({ matched: 0, predicted: 1, expected: 2 });
  });
  it('combines receipts into one precision, recall and F1', () => {
    const r = f1([
      { matched: 3, predicted: 4, expected: 6 },
      { matched: 1, predicted: 1, expected: 2 },
    ]);
    expect(r.precision).toBeCloseTo(0.8);
    expect(r.recall).toBeCloseTo(0.5);
    expect(r.f1).toBeCloseTo((2 * 0.8 * 0.5) / 1.3);
  });
});

describe('containsToken', () => {
  it('finds a reference only as a whole token', () => {
    expect(containsToken('Operación: 003039965664', '003039965664')).toBe(true);
    expect(containsToken('Operación: 9003039965664', '003039965664')).toBe(false);
    expect(containsToken('Monto 1.250,75 Bs', '1.250,75')).toBe(true);
    expect(containsToken('Monto 11.250,75 Bs', '1.250,75')).toBe(false);
  });
});

describe('missKind', () => {
  it('tells a lost or added space from a wrong character', () => {
    expect(missKind('FECHA Y HORA', 'FECHAY HORA')).toBe('spaces');
    expect(missKind('Pago Móvil', 'Pago Móvi l')).toBe('spaces');
    expect(missKind('Pago Móvil', 'Pago Movil')).toBe('other');
  });
  it('counts a comma read as a period, or a colon dropped, as separators', () => {
    expect(missKind('USD 55,72', 'USD 55.72')).toBe('separators');
    expect(missKind('4:04 P. M.', '4.04 P.M.')).toBe('separators');
    expect(missKind('DATE: 12/10/26', 'DATE 12/10/26')).toBe('separators');
    expect(missKind('DATE: 12/10/26', 'DATE: 12/10/28')).toBe('other');
  });
});

describe('unspacedCer', () => {
  it('leaves out the spaces a line lost or gained, and counts every other edit', () => {
    const spacesOnly = [{ expected: 'DESCRIPTION U.P ISS', read: 'DESCR IPT ION U.PISS' }];
    expect(lineScore(spacesOnly).cer).toBeGreaterThan(0);
    expect(unspacedCer(spacesOnly)).toBe(0);
    // Two letters wrong in 10 unspaced characters (GSTSUMMARY), whatever the spaces.
    expect(unspacedCer([{ expected: 'GST SUMMARY', read: 'GSL SUMMARV' }])).toBeCloseTo(0.2);
    expect(unspacedCer([{ expected: 'GST SUMMARY', read: 'GSLSUMMARV' }])).toBeCloseTo(0.2);
  });
});
