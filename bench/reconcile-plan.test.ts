/**
 * The reconciliation benchmark's statements, read back by the product's readers and matched
 * against receipts read perfectly (their truth): every receipt gets the status the plan says.
 * What the benchmark then measures is the reading's share of errors, not the matcher's.
 */
import { describe, expect, it } from 'vitest';
import { reconcile, type Claim, type Movement } from '../src-shared/reconcile/match';
import { readStatement } from '../src-main/statements/read-statement';
import { digits, int, seeded } from '../tools/receipt-generator/random';
import { JUDGED_FORMATS, planStatements, type KnownReceipt } from './reconcile-plan';
import { writeStatement } from './statement-writers';

/** Sixty receipts as the families print them: 6 to 12-digit references, amounts from cents to millions. */
function receipts(): KnownReceipt[] {
  const rng = seeded(7);
  return Array.from({ length: 60 }, (_, i) => ({
    file: `r${String(i).padStart(3, '0')}.png`,
    reference: `${int(rng, 1, 9)}${digits(rng, int(rng, 5, 11))}`,
    amount: `${int(rng, 1, 2_000_000)}.${digits(rng, 2)}`,
    date: `2025-${String(int(rng, 1, 12)).padStart(2, '0')}-${String(int(rng, 1, 28)).padStart(2, '0')}`,
  }));
}

describe('the reconciliation benchmark’s generated statements', () => {
  it('give every receipt its planned status when every field is read right, in all five formats', async () => {
    const known = receipts();
    const plan = planStatements(known);
    expect(plan.statements.map((s) => s.format)).toEqual(JUDGED_FORMATS);
    const movements: Movement[] = [];
    for (const s of plan.statements) movements.push(...(await readStatement(await writeStatement(s.format, s.movements), s.name)).movements);
    const claims: Claim[] = [...known, ...known.filter((r) => plan.sentTwice.includes(r.file)).map((r) => ({ ...r, file: `copy-${r.file}` }))].map((r, i) => ({ receiptId: i, reference: r.reference, amount: r.amount, date: r.date }));
    const files = [...known.map((r) => r.file), ...plan.sentTwice.map((f) => `copy-${f}`)];
    const decided = reconcile(claims, movements).map((d) => [files[d.receiptId], d.verdict]);
    expect(decided).toEqual(files.map((f) => [f, plan.expected.get(f)!.status]));
    // Every status and every way of printing a reference is there to be judged.
    const statuses = new Set([...plan.expected.values()].map((e) => e.status));
    expect([...statuses].sort()).toEqual(['amount_mismatch', 'duplicate_claim', 'not_found', 'verified']);
    expect(new Set([...plan.expected.values()].map((e) => e.printedAs))).toEqual(new Set(['whole', 'zero-padded', 'in-description', 'last-6', 'last-8', null]));
  });
});
