/**
 * "Did the money arrive?": each receipt's claimed payment against the credits of the account's
 * statements. Pure: no files, no database; the statement parsers and the storage feed it, and
 * every decision carries the movement that proves it and which parts matched.
 *
 * A receipt is `verified` by one credit whose reference is the receipt's (as banks print it:
 * whole, zero-padded, only its last 6 to 8 digits, or inside the description after "REF"), whose
 * amount is the receipt's to the cent, dated the receipt's day or up to `maxDaysLater` days
 * after (with no date read, within a week before the day it was taken in). The same reference with another amount is `amount_mismatch`; nothing with the reference
 * is `not_found`, whatever the amounts and dates say: a movement of the same amount on the same
 * day with another reference is not this payment. A movement proves one payment: a second
 * receipt that it would verify is a `duplicate_claim`.
 */

/** One line of a statement, as a parser gives it. */
export interface Movement {
  /** Where it comes from: the statement and its line, for the operator to look it up. */
  statementId: string;
  line: number;
  /** YYYY-MM-DD. */
  date: string;
  /** The bank's reference column, as printed (may be empty). */
  reference: string;
  description: string;
  /** Canonical decimal, dot, two decimals: "1250.75"; credits only are matched. */
  amount: string;
  direction: 'credit' | 'debit';
}

/** What a receipt claims, from its fields as corrected. */
export interface Claim {
  receiptId: number;
  /** The payer's reference, digits as read; null when the receipt has none. */
  reference: string | null;
  /** Canonical decimal ("1250.75"), or null. */
  amount: string | null;
  /** YYYY-MM-DD, or null. */
  date: string | null;
  /** The day the receipt was taken in (YYYY-MM-DD): bounds the credit's date when `date` was not read. */
  receivedOn?: string | null;
}

type Verdict = 'verified' | 'amount_mismatch' | 'not_found' | 'duplicate_claim';

/** How a movement's reference names the receipt's. */
export type ReferenceMatch = 'whole' | 'zero-padded' | 'last-digits' | 'in-description';

export interface Decision {
  receiptId: number;
  verdict: Verdict;
  /** The movement the verdict is about (the one that proves it, differs in amount, or was claimed first). */
  movement: Movement | null;
  why: {
    reference: ReferenceMatch | null;
    /** Days from the receipt's date to the movement's; null when either has none. */
    daysLater: number | null;
    amount: 'exact' | 'differs' | null;
    /** duplicate_claim: the receipt the movement already proves. */
    claimedBy?: number;
  };
}

export interface MatchOptions {
  /** Days after the receipt's date a credit may be booked (weekends, holidays, cut-off hours). */
  maxDaysLater: number;
  /** The fewest trailing digits a bank's shortened reference may have. */
  minDigits: number;
  /**
   * For a receipt whose date was not read: the days before it was taken in that its credit may
   * be dated (a payer sends the proof after paying, rarely a week later).
   */
  maxDaysBeforeArrival: number;
}

export const MATCH_DEFAULTS: MatchOptions = { maxDaysLater: 3, minDigits: 6, maxDaysBeforeArrival: 7 };

const digitsOf = (text: string) => text.replace(/\D/g, '');
const stripZeros = (digits: string) => digits.replace(/^0+/, '');

/**
 * References printed in a description: "REF: 75572442", "Ref.75572442", "REF 0007557", and with
 * the runs of commas some exports leave where dots were ("REF,,,,: 75572442").
 */
const DESCRIPTION_REFERENCE = /\bref(?:erencia)?\b[\s.,:#]*(\d[\d-]*\d)/gi;

/** How `movement` names `reference` (the receipt's digits), or null when it does not. */
export function referenceMatch(reference: string, movement: Pick<Movement, 'reference' | 'description'>, minDigits = MATCH_DEFAULTS.minDigits): ReferenceMatch | null {
  const whole = digitsOf(reference);
  const claimed = stripZeros(whole);
  if (claimed.length < minDigits) return null;
  const named = (printed: string): 'whole' | 'zero-padded' | 'last-digits' | null => {
    const digits = digitsOf(printed);
    if (digits === '') return null;
    if (digits === whole) return 'whole';
    const bare = stripZeros(digits);
    if (bare === claimed) return 'zero-padded';
    // A bank keeps the reference's last 6 to 8 digits, zeros among them ("073449" of 40073449),
    // sometimes padded back with zeros ("00965664" of 3039965664).
    const last = (d: string, of: string) => d.length >= minDigits && d.length <= 8 && d.length < of.length && of.endsWith(d);
    return last(digits, whole) || last(bare, claimed) ? 'last-digits' : null;
  };
  const byColumn = named(movement.reference);
  if (byColumn) return byColumn;
  for (const m of movement.description.matchAll(DESCRIPTION_REFERENCE)) if (named(m[1]!)) return 'in-description';
  return null;
}

/** Cents of a canonical decimal ("1250.75" -> 125075), exactly; null when it is not one. */
export function cents(amount: string): bigint | null {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount.trim());
  if (!m) return null;
  const value = BigInt(m[2]!) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -value : value;
}

/** Whole days from `from` to `to` (YYYY-MM-DD), negative when `to` is earlier. */
function daysBetween(from: string, to: string): number | null {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return Number.isNaN(a) || Number.isNaN(b) ? null : Math.round((b - a) / 86_400_000);
}

/** The preference between candidate movements: the surest reference, then the nearest date. */
const REFERENCE_RANK: Record<ReferenceMatch, number> = { whole: 0, 'zero-padded': 1, 'in-description': 2, 'last-digits': 3 };

interface Candidate {
  movement: Movement;
  reference: ReferenceMatch;
  daysLater: number | null;
  sameAmount: boolean;
}

/** The last `n` digits of every number a movement prints as a reference (its column, and after "REF"). */
function referenceKeys(m: Movement, n: number): string[] {
  const printed = [m.reference, ...[...m.description.matchAll(DESCRIPTION_REFERENCE)].map((r) => r[1]!)];
  return printed.map(digitsOf).filter((d) => d.length >= n).map((d) => d.slice(-n));
}

/**
 * The credits by the last `minDigits` digits of what they print as a reference: every way a
 * movement can name a receipt keeps those digits, so a claim looks only at its own key's.
 */
function creditsByKey(credits: readonly Movement[], minDigits: number): Map<string, Movement[]> {
  const byKey = new Map<string, Movement[]>();
  for (const m of credits) for (const key of new Set(referenceKeys(m, minDigits))) byKey.set(key, [...(byKey.get(key) ?? []), m]);
  return byKey;
}

/** The credits naming this claim's reference inside its date window, best first. */
function candidates(claim: Claim, byKey: ReadonlyMap<string, readonly Movement[]>, options: MatchOptions): Candidate[] {
  if (!claim.reference) return [];
  const credits = byKey.get(digitsOf(claim.reference).slice(-options.minDigits)) ?? [];
  const claimed = claim.amount === null ? null : cents(claim.amount);
  const found: Candidate[] = [];
  for (const movement of credits) {
    const reference = referenceMatch(claim.reference, movement, options.minDigits);
    if (!reference) continue;
    const daysLater = claim.date ? daysBetween(claim.date, movement.date) : null;
    if (daysLater !== null && (daysLater < 0 || daysLater > options.maxDaysLater)) continue;
    const sinceArrival = !claim.date && claim.receivedOn ? daysBetween(claim.receivedOn, movement.date) : null;
    if (sinceArrival !== null && (sinceArrival < -options.maxDaysBeforeArrival || sinceArrival > options.maxDaysLater)) continue;
    const amount = cents(movement.amount);
    found.push({ movement, reference, daysLater, sameAmount: claimed !== null && amount !== null && (amount < 0n ? -amount : amount) === claimed });
  }
  return found.sort((a, b) => Number(b.sameAmount) - Number(a.sameAmount) || REFERENCE_RANK[a.reference] - REFERENCE_RANK[b.reference] || (a.daysLater ?? 0) - (b.daysLater ?? 0));
}

const movementKey = (m: Movement) => `${m.statementId}#${m.line}`;

/**
 * A decision for every claim, in the claims' order. Claims are taken in that order when two
 * would be verified by one movement: give them oldest first, and the first keeps it.
 */
export function reconcile(claims: readonly Claim[], movements: readonly Movement[], options: MatchOptions = MATCH_DEFAULTS): Decision[] {
  const byKey = creditsByKey(movements.filter((m) => m.direction === 'credit'), options.minDigits);
  const provenBy = new Map<string, number>();
  return claims.map((claim): Decision => {
    const found = candidates(claim, byKey, options);
    const best = found[0];
    if (!best) return { receiptId: claim.receiptId, verdict: 'not_found', movement: null, why: { reference: null, daysLater: null, amount: null } };
    const why = (c: Candidate) => ({ reference: c.reference, daysLater: c.daysLater, amount: c.sameAmount ? ('exact' as const) : claim.amount === null ? null : ('differs' as const) });
    if (!best.sameAmount) return { receiptId: claim.receiptId, verdict: 'amount_mismatch', movement: best.movement, why: why(best) };
    // The best credit no other receipt has taken: two payments of one reference and amount are
    // two credits. Only when every such credit is taken is this receipt a second claim.
    const free = found.find((c) => c.sameAmount && !provenBy.has(movementKey(c.movement)));
    if (!free) return { receiptId: claim.receiptId, verdict: 'duplicate_claim', movement: best.movement, why: { ...why(best), claimedBy: provenBy.get(movementKey(best.movement))! } };
    provenBy.set(movementKey(free.movement), claim.receiptId);
    return { receiptId: claim.receiptId, verdict: 'verified', movement: free.movement, why: why(free) };
  });
}
