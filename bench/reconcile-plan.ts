/**
 * Statements generated for receipts whose truth is known (bench/reconcile.ts), as a bank would
 * show their payments, with the status each receipt should then get: the reference printed
 * whole, by its last 6 or 8 digits, zero-padded or inside the description; credits booked the
 * same day or up to three days later; wrong amounts; credits of the same amount and day under
 * another reference (traps that must not verify anything); payments with no credit at all; and
 * receipts sent twice (a second copy claims a credit the first already proved). Pure and seeded.
 */
import { digits, int, pick, seeded, type Rng } from '../tools/receipt-generator/random';
import type { StatementFormatName, WrittenMovement } from './statement-writers';

export interface KnownReceipt {
  file: string;
  /** The truth: the payer's reference, the amount (canonical) and the date (YYYY-MM-DD). */
  reference: string;
  amount: string;
  date: string;
}

type Expected = 'verified' | 'amount_mismatch' | 'not_found' | 'duplicate_claim';
type PrintedAs = 'whole' | 'last-6' | 'last-8' | 'zero-padded' | 'in-description';

/** The five statements of the judging: a Windows-1252 CSV, a BNC-style TSV, QIF, MT940, a web page saved as .xls. */
export const JUDGED_FORMATS: readonly StatementFormatName[] = ['csv-1252', 'bnc-tsv', 'qif', 'mt940', 'html-xls'];

/** What happens to each receipt's payment, in turn: most arrive, one in ten each goes wrong some way. */
const CASES = ['arrives', 'arrives', 'arrives', 'beside-a-trap', 'arrives', 'wrong-amount', 'never-arrives', 'sent-twice', 'arrives', 'beside-a-trap'] as const;

export interface StatementPlan {
  statements: { format: StatementFormatName; name: string; movements: WrittenMovement[] }[];
  /** What each receipt should get, by file; copies are named by `copyOf`'s file with `copy-` in front. */
  expected: Map<string, { status: Expected; format: StatementFormatName; printedAs: PrintedAs | null }>;
  /** Receipts sent twice: a second copy of these files is taken in after all the others. */
  sentTwice: string[];
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const cents = (amount: string) => BigInt(amount.replace('.', ''));
const amountOf = (c: bigint) => `${c / 100n}.${String(c % 100n).padStart(2, '0')}`;
const otherReference = (rng: Rng) => `${int(rng, 1, 9)}${digits(rng, int(rng, 7, 11))}`;

/** How a bank prints the reference; a short reference is printed whole (its last digits would be all of it). */
function printed(rng: Rng, reference: string, format: StatementFormatName): { reference: string; description: string; as: PrintedAs } {
  const bare = reference.replace(/^0+/, '');
  const ways: PrintedAs[] = format === 'bnc-tsv' ? ['in-description'] : ['whole', 'zero-padded', 'in-description', ...(bare.length > 8 ? (['last-6', 'last-8'] as const) : bare.length > 6 ? (['last-6'] as const) : [])];
  const as = pick(rng, ways);
  const credit = pick(rng, ['PAGO MOVIL RECIBIDO', 'TRANSFERENCIA RECIBIDA', 'CR.I/REC 0134']);
  switch (as) {
    case 'whole':
      return { reference, description: credit, as };
    case 'zero-padded':
      return { reference: reference.padStart(Math.max(12, reference.length + 2), '0'), description: credit, as };
    case 'last-6':
      return { reference: bare.slice(-6), description: credit, as };
    case 'last-8':
      return { reference: bare.slice(-8), description: credit, as };
    case 'in-description':
      return { reference: otherReference(rng), description: `${credit} REF: ${reference} 0102`, as };
  }
}

export function planStatements(receipts: readonly KnownReceipt[], seed = 43): StatementPlan {
  const rng = seeded(seed);
  const byFormat = new Map<StatementFormatName, WrittenMovement[]>(JUDGED_FORMATS.map((f) => [f, []]));
  const expected: StatementPlan['expected'] = new Map();
  const sentTwice: string[] = [];
  receipts.forEach((r, i) => {
    const format = JUDGED_FORMATS[i % JUDGED_FORMATS.length]!;
    const movements = byFormat.get(format)!;
    const kind = CASES[i % CASES.length]!;
    const booked = addDays(r.date, int(rng, 0, 3));
    const trap = () => movements.push({ date: r.date, reference: otherReference(rng), description: 'PAGO MOVIL RECIBIDO', amount: r.amount, direction: 'credit' });
    if (kind === 'never-arrives') {
      trap();
      expected.set(r.file, { status: 'not_found', format, printedAs: null });
      return;
    }
    const shown = printed(rng, r.reference, format);
    const amount = kind === 'wrong-amount' ? amountOf(cents(r.amount) > 10_000n ? (cents(r.amount) * 9n) / 10n : cents(r.amount) + 100n) : r.amount;
    movements.push({ date: booked, reference: shown.reference, description: shown.description, amount, direction: 'credit' });
    if (kind === 'beside-a-trap') trap();
    expected.set(r.file, { status: kind === 'wrong-amount' ? 'amount_mismatch' : 'verified', format, printedAs: shown.as });
    if (kind === 'sent-twice') {
      sentTwice.push(r.file);
      expected.set(`copy-${r.file}`, { status: 'duplicate_claim', format, printedAs: shown.as });
    }
  });
  // Each month also has fees and payments nobody sent a receipt for.
  const statements = JUDGED_FORMATS.map((format) => {
    const movements = byFormat.get(format)!;
    const first = movements[0]?.date ?? '2025-10-01';
    for (let k = 0; k < 4; k++) movements.push({ date: addDays(first, int(rng, 0, 20)), reference: digits(rng, 6), description: 'COMISION POR SERVICIO', amount: amountOf(BigInt(int(rng, 50, 5000))), direction: 'debit' });
    movements.push({ date: addDays(first, int(rng, 0, 20)), reference: otherReference(rng), description: 'TRANSFERENCIA RECIBIDA', amount: amountOf(BigInt(int(rng, 100_00, 50_000_00))), direction: 'credit' });
    movements.sort((a, b) => a.date.localeCompare(b.date));
    return { format, name: `estado-${format}.${{ 'csv-1252': 'csv', 'bnc-tsv': 'tsv', qif: 'qif', mt940: 'txt', 'html-xls': 'xls' }[format as string] ?? 'txt'}`, movements };
  });
  return { statements, expected, sentTwice };
}
