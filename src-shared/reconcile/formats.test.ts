import { describe, expect, it } from 'vitest';
import { canonicalAmount, canonicalDate, dateOrderOf, decimalMarkOf } from './formats';

describe('a statement file\'s amounts', () => {
  it('take their decimal mark from the whole file, not from each value', () => {
    expect(decimalMarkOf(['1.250', '3.098,59', '75,00'])).toBe(',');
    expect(decimalMarkOf(['1,250', '1,188,801.28', '-23,264.45'])).toBe('.');
    expect(decimalMarkOf(['3098,59', '75,00', '0,00'])).toBe(',');
    // Nothing tells (thousands only, whole numbers): the Venezuelan comma.
    expect(decimalMarkOf(['1.250', '75', ''])).toBe(',');
  });

  it('are read whole and exact, the same value in either file', () => {
    expect(canonicalAmount('1.250', ',')).toBe('1250.00');
    expect(canonicalAmount('1,250', '.')).toBe('1250.00');
    expect(canonicalAmount('3.098,59', ',')).toBe('3098.59');
    expect(canonicalAmount('1,188,801.28', '.')).toBe('1188801.28');
    expect(canonicalAmount(' 80,000,000.00 ', '.')).toBe('80000000.00');
    expect(canonicalAmount('+13.000.000,00', ',')).toBe('13000000.00');
    expect(canonicalAmount('7020,5', ',')).toBe('7020.50');
  });

  it('keep a debit\'s sign however the file writes it', () => {
    expect(canonicalAmount('-23,264.45', '.')).toBe('-23264.45');
    expect(canonicalAmount('(75,00)', ',')).toBe('-75.00');
    expect(canonicalAmount('75,00-', ',')).toBe('-75.00');
    expect(canonicalAmount('-0,00', ',')).toBe('0.00');
  });

  it('refuse what is not one amount', () => {
    expect(canonicalAmount('', ',')).toBeNull();
    expect(canonicalAmount('Saldo', ',')).toBeNull();
    expect(canonicalAmount('1.25.3', ',')).toBeNull();
    expect(canonicalAmount('12,345', ',')).toBeNull();
  });
});

describe('a statement file\'s dates', () => {
  it('take their order from the whole file', () => {
    expect(dateOrderOf(['03/04/2017', '26/07/2017'])).toBe('dmy');
    expect(dateOrderOf(['11/30/2017', '12/28/2017', '03/04/2017'])).toBe('mdy');
    expect(dateOrderOf(['2019-10-01'])).toBe('ymd');
    expect(dateOrderOf(['03/04/2017', '05/06/2017'])).toBe('dmy');
  });

  it('are read as YYYY-MM-DD in that order, and refused when they are no day of the calendar', () => {
    expect(canonicalDate('03/04/2017', 'dmy')).toBe('2017-04-03');
    expect(canonicalDate('03/04/2017', 'mdy')).toBe('2017-03-04');
    expect(canonicalDate('28-12-17', 'dmy')).toBe('2017-12-28');
    expect(canonicalDate('2019.10.01', 'ymd')).toBe('2019-10-01');
    expect(canonicalDate('31/04/2017', 'dmy')).toBeNull();
    expect(canonicalDate('12/28/2017', 'dmy')).toBeNull();
    expect(canonicalDate('Saldo Inicial', 'dmy')).toBeNull();
  });
});
