/**
 * Finding receipts in the history: by what an operator types (a reference, a phone, an amount)
 * and by filters (state, review, possible duplicates), newest first, a page at a time. Lookups
 * go through the field-value index: a prefix of a reference or a phone is a range on it.
 */
import type { Db } from './open';
import type { ReceiptRow, ReceiptState } from './receipts';

export interface SearchQuery {
  /** A reference, phone or amount, whole or its first digits ("0412531", "1250.75", "1.250,75"). */
  text?: string;
  state?: ReceiptState;
  review?: 'pending' | 'approved' | 'flagged';
  duplicatesOnly?: boolean;
  limit?: number;
  offset?: number;
}

/** A receipt found, with the sha256 of the receipt it may duplicate. */
export type SearchHit = ReceiptRow & { duplicate_sha: string | null };

/** Field values the typed text may be: digits for references and phones, a canonical amount. */
function lookups(text: string): { name: string; from: string; to: string }[] {
  const digits = text.replace(/[\s.\-+]/g, '');
  const out: { name: string; from: string; to: string }[] = [];
  const prefix = (name: string, v: string) => out.push({ name, from: v, to: `${v}\u{10FFFF}` });
  if (/^\d{3,}$/.test(digits)) {
    prefix('referencia', digits);
    prefix('telefono', digits.startsWith('58') && digits.length > 10 ? `0${digits.slice(2)}` : digits);
  }
  // An amount as typed in either format: "1.250,75", "1250,75", "1250.75", "1250".
  const amount = text.trim().replace(/\s|bs\.?|\$/gi, '');
  const canonical = /,\d{1,2}$/.test(amount) ? amount.replace(/\./g, '').replace(',', '.') : amount.replace(/,/g, '');
  if (/^\d+(\.\d{1,2})?$/.test(canonical)) {
    const [int, dec = ''] = canonical.split('.');
    const value = `${String(BigInt(int!))}.${dec.padEnd(2, '0')}`;
    out.push({ name: 'monto', from: value, to: value });
  }
  return out;
}

export function searchReceipts(db: Db, q: SearchQuery): SearchHit[] {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (q.text?.trim()) {
    const found = lookups(q.text);
    if (found.length === 0) return [];
    where.push(
      `r.id IN (${found.map(() => 'SELECT receipt_id FROM fields WHERE name = ? AND value >= ? AND value <= ?').join(' UNION ')})`,
    );
    for (const l of found) args.push(l.name, l.from, l.to);
  }
  if (q.state) {
    where.push('r.state = ?');
    args.push(q.state);
  }
  if (q.review) {
    where.push('r.review = ?');
    args.push(q.review);
  }
  if (q.duplicatesOnly) where.push('r.duplicate_of IS NOT NULL');
  args.push(q.limit ?? 50, q.offset ?? 0);
  return db
    .prepare(
      `SELECT r.*, d.sha256 AS duplicate_sha FROM receipts r LEFT JOIN receipts d ON d.id = r.duplicate_of
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY r.received_at DESC, r.id DESC LIMIT ? OFFSET ?`,
    )
    .all(...args) as SearchHit[];
}
