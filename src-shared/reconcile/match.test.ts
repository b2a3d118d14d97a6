import { describe, expect, it } from 'vitest';
import { cents, reconcile, referenceMatch, type Claim, type Movement } from './match';

let line = 0;
const credit = (date: string, reference: string, amount: string, description = 'PAGO MOVIL RECIBIDO'): Movement => ({ statementId: 's1', line: ++line, date, reference, description, amount, direction: 'credit' });
const claim = (receiptId: number, reference: string | null, amount: string | null, date: string | null): Claim => ({ receiptId, reference, amount, date });

describe('a statement reference naming a receipt', () => {
  it('whole, zero-padded, by its last 6 to 8 digits, or after REF in the description', () => {
    expect(referenceMatch('003039965664', { reference: '003039965664', description: '' })).toBe('whole');
    expect(referenceMatch('3039965664', { reference: '003039965664', description: '' })).toBe('zero-padded');
    expect(referenceMatch('003039965664', { reference: '965664', description: '' })).toBe('last-digits');
    expect(referenceMatch('003039965664', { reference: '39965664', description: '' })).toBe('last-digits');
    expect(referenceMatch('003039965664', { reference: '00965664', description: '' })).toBe('last-digits');
    // Last digits that begin with a zero: 073449 are the last six of 40073449.
    expect(referenceMatch('40073449', { reference: '073449', description: '' })).toBe('last-digits');
    expect(reconcile([claim(1, '40073449', '10.00', '2025-05-04')], [credit('2025-05-06', '073449', '10.00')])[0]!.verdict).toBe('verified');
    expect(referenceMatch('75572442', { reference: '000123456789', description: 'PAGO MOVIL REF: 75572442 DE 0102' })).toBe('in-description');
    expect(referenceMatch('75572442', { reference: '', description: 'TRANSFERENCIA Ref.75572442' })).toBe('in-description');
    expect(referenceMatch('75572442', { reference: '45775572442', description: 'TRANSFERENCIA RECIBIDA REF,,,,,,,: 75572442 / 000028122017' })).toBe('in-description');
    // The bank's code or the payer's phone after it is not part of the reference.
    expect(referenceMatch('75572442', { reference: '', description: 'PAGO MOVIL REF: 75572442 0102 04125318244' })).toBe('in-description');
  });

  it('not by fewer than 6 digits, another number, or digits elsewhere in the description', () => {
    expect(referenceMatch('003039965664', { reference: '65664', description: '' })).toBeNull();
    expect(referenceMatch('003039965664', { reference: '965665', description: '' })).toBeNull();
    // The payer's cédula and phone in a description are not a reference.
    expect(referenceMatch('12345678', { reference: '', description: 'CR.I/REC 0134 V12345678' })).toBeNull();
    expect(referenceMatch('4521', { reference: '4521', description: '' })).toBeNull();
  });
});

describe('cents', () => {
  it('reads canonical amounts exactly, without floating point', () => {
    expect(cents('1250.75')).toBe(125075n);
    expect(cents('0.1')).toBe(10n);
    expect(cents('13000000')).toBe(1300000000n);
    expect(cents('-10.00')).toBe(-1000n);
    expect(cents('1.250,75')).toBeNull();
  });
});

describe('reconciling receipts against a statement', () => {
  it('verifies a receipt by reference and amount on its day or up to three days later, saying what matched', () => {
    const m = credit('2026-11-24', '965664', '1250.75');
    const [d] = reconcile([claim(1, '003039965664', '1250.75', '2026-11-23')], [m]);
    expect(d).toEqual({ receiptId: 1, verdict: 'verified', movement: m, why: { reference: 'last-digits', daysLater: 1, amount: 'exact' } });
  });

  it('never verifies on amount and date alone: the same amount on the same day with another reference is not this payment', () => {
    const [d] = reconcile([claim(1, '003039965664', '1250.75', '2026-11-23')], [credit('2026-11-23', '777888999', '1250.75')]);
    expect(d).toMatchObject({ verdict: 'not_found', movement: null });
    expect(reconcile([claim(2, null, '1250.75', '2026-11-23')], [credit('2026-11-23', '777888999', '1250.75')])[0]!.verdict).toBe('not_found');
  });

  it('the reference with another amount is a mismatch, shown with its movement', () => {
    const m = credit('2026-11-23', '003039965664', '125.07');
    expect(reconcile([claim(1, '003039965664', '1250.75', '2026-11-23')], [m])[0]).toMatchObject({ verdict: 'amount_mismatch', movement: m, why: { reference: 'whole', amount: 'differs' } });
  });

  it('keeps to the date window: not before the receipt, not after the days allowed (configurable)', () => {
    const claims = [claim(1, '4831114614', '104.54', '2026-11-20')];
    expect(reconcile(claims, [credit('2026-11-19', '4831114614', '104.54')])[0]!.verdict).toBe('not_found');
    expect(reconcile(claims, [credit('2026-11-24', '4831114614', '104.54')])[0]!.verdict).toBe('not_found');
    expect(reconcile(claims, [credit('2026-11-23', '4831114614', '104.54')])[0]!.verdict).toBe('verified');
    expect(reconcile(claims, [credit('2026-11-24', '4831114614', '104.54')], { maxDaysLater: 5, minDigits: 6, maxDaysBeforeArrival: 7 })[0]!.verdict).toBe('verified');
  });

  it('with no date read, looks from a week before the receipt came to the days allowed after', () => {
    const unread: Claim = { ...claim(1, '4831114614', '104.54', null), receivedOn: '2026-11-20' };
    const verdictFor = (date: string) => reconcile([unread], [credit(date, '4831114614', '104.54')])[0]!.verdict;
    expect(['2026-11-12', '2026-11-13', '2026-11-20', '2026-11-23', '2026-11-24'].map(verdictFor)).toEqual(['not_found', 'verified', 'verified', 'verified', 'not_found']);
    // Without either date nothing bounds it (a claim built by hand).
    expect(reconcile([claim(1, '4831114614', '104.54', null)], [credit('2020-01-01', '4831114614', '104.54')])[0]!.verdict).toBe('verified');
  });

  it('a movement proves one payment: a second receipt it would verify is a duplicate claim, naming the first', () => {
    const m = credit('2026-11-23', '48311146148', '104.54');
    const [first, second] = reconcile([claim(7, '48311146148', '104.54', '2026-11-23'), claim(9, '48311146148', '104.54', '2026-11-23')], [m]);
    expect(first).toMatchObject({ verdict: 'verified', movement: m });
    expect(second).toMatchObject({ verdict: 'duplicate_claim', movement: m, why: { claimedBy: 7 } });
  });

  it('two payments with one reference and two credits are both verified, each by its own', () => {
    const a = credit('2026-11-23', '48311146148', '104.54');
    const b = credit('2026-11-24', '48311146148', '104.54');
    // The second receipt's date rules the first credit out.
    const dated = reconcile([claim(1, '48311146148', '104.54', '2026-11-23'), claim(2, '48311146148', '104.54', '2026-11-24')], [a, b]);
    expect(dated.map((d) => [d.verdict, d.movement?.line])).toEqual([
      ['verified', a.line],
      ['verified', b.line],
    ]);
    // Both of one day: the first takes the nearest credit, the second the one left.
    const sameDay = reconcile([claim(1, '48311146148', '104.54', '2026-11-23'), claim(2, '48311146148', '104.54', '2026-11-23')], [a, b]);
    expect(sameDay.map((d) => [d.verdict, d.movement?.line, d.why.daysLater])).toEqual([
      ['verified', a.line, 0],
      ['verified', b.line, 1],
    ]);
  });

  it('prefers the surest reference and matches credits only', () => {
    const debit: Movement = { ...credit('2026-11-23', '003039965664', '1250.75'), direction: 'debit' };
    const bySuffix = credit('2026-11-23', '965664', '1250.75');
    const whole = credit('2026-11-24', '003039965664', '1250.75');
    const [d] = reconcile([claim(1, '003039965664', '1250.75', '2026-11-23')], [debit, bySuffix, whole]);
    expect(d).toMatchObject({ verdict: 'verified', movement: whole, why: { reference: 'whole', daysLater: 1 } });
  });
});
