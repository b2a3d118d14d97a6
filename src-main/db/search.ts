/**
 * Finding receipts in the history: by what an operator types (a reference, a phone, an amount,
 * a name) and by filters (state, review, bank, day received, possible duplicates), newest first
 * (the review queue: warned readings first),
 * a page at a time, with the number of matches for the window's scroll bar. Digit lookups go
 * through the field-value indexes (as read and as corrected): a prefix of a reference or a
 * phone is a range on them; names go through the trigram index of migration 0004.
 */
import type { Db } from './open';
import type { ReceiptRow, ReceiptState } from './receipts';

export interface SearchQuery {
  /**
   * A reference, phone or amount, whole or its first digits ("0412531", "1250.75", "1.250,75"),
   * or part of a name: the payee's, or the sender's in the WhatsApp file name.
   */
  text?: string;
  state?: ReceiptState;
  review?: 'pending' | 'approved' | 'flagged';
  duplicatesOnly?: boolean;
  /** A 4-digit bank code, paying or paid. */
  bank?: string;
  /** Received at or after / before these instants (ISO 8601, UTC). */
  receivedFrom?: string;
  receivedBefore?: string;
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

/** The WHERE clause of a query, with its arguments; null when the text cannot match anything. */
function filters(q: SearchQuery): { sql: string; args: (string | number)[] } | null {
  const where: string[] = [];
  const args: (string | number)[] = [];
  const text = q.text?.trim();
  if (text) {
    const found = lookups(text);
    const byValue = found.flatMap((l) => {
      args.push(l.name, l.from, l.to, l.name, l.from, l.to);
      return ['SELECT receipt_id FROM fields WHERE name = ? AND value >= ? AND value <= ?', 'SELECT receipt_id FROM fields WHERE name = ? AND corrected >= ? AND corrected <= ?'];
    });
    // Part of a name (three letters at least: the index is of trigrams), as one phrase.
    if (/\p{L}/u.test(text) && [...text].length >= 3) {
      byValue.push('SELECT rowid / 2 FROM receipt_names WHERE receipt_names MATCH ?');
      args.push(`"${text.replaceAll('"', '""')}"`);
    }
    if (byValue.length === 0) return null;
    where.push(`r.id IN (${byValue.join(' UNION ')})`);
  }
  const equal = (column: string, value: string | undefined) => {
    if (value === undefined) return;
    where.push(`${column} = ?`);
    args.push(value);
  };
  equal('r.state', q.state);
  equal('r.review', q.review);
  if (q.bank) {
    // Within a span of days, checking each receipt of the span is cheapest (3.5 ms for a day of
    // 100,000 receipts, against 36 ms the other way); over the whole history, the set of the
    // bank's receipts from the value indexes is (41 ms against 113 ms).
    const banks = "name IN ('banco_origen', 'banco_destino')";
    if (q.receivedFrom || q.receivedBefore) {
      where.push(`EXISTS (SELECT 1 FROM fields b WHERE b.receipt_id = r.id AND b.${banks} AND coalesce(b.corrected, b.value) = ?)`);
      args.push(q.bank);
    } else {
      where.push(`r.id IN (SELECT receipt_id FROM fields WHERE ${banks} AND value = ? AND corrected IS NULL UNION SELECT receipt_id FROM fields WHERE ${banks} AND corrected = ?)`);
      args.push(q.bank, q.bank);
    }
  }
  if (q.receivedFrom) {
    where.push('r.received_at >= ?');
    args.push(q.receivedFrom);
  }
  if (q.receivedBefore) {
    where.push('r.received_at < ?');
    args.push(q.receivedBefore);
  }
  if (q.duplicatesOnly) where.push('r.duplicate_of IS NOT NULL');
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', args };
}

export function searchReceipts(db: Db, q: SearchQuery): SearchHit[] {
  const f = filters(q);
  if (!f) return [];
  // The review queue (pending receipts) puts the readings with warnings first: they are the
  // ones an operator must not miss. Everything else is newest first.
  const order = q.review === 'pending' ? 'r.warned DESC, r.received_at DESC, r.id DESC' : 'r.received_at DESC, r.id DESC';
  // The page's ids first, from the indexes alone, then their rows: a deep OFFSET then skips
  // index entries rather than whole receipts.
  return db
    .prepare(
      `WITH page AS (SELECT r.id FROM receipts r ${f.sql} ORDER BY ${order} LIMIT ? OFFSET ?)
       SELECT r.*, d.sha256 AS duplicate_sha FROM page JOIN receipts r ON r.id = page.id LEFT JOIN receipts d ON d.id = r.duplicate_of
       ORDER BY ${order}`,
    )
    .all(...f.args, q.limit ?? 50, q.offset ?? 0) as SearchHit[];
}

/** The ids of the receipts a query matches, as a subquery (`r.id IN (...)`) with its arguments. */
export function matchingIds(q: SearchQuery): { sql: string; args: (string | number)[] } {
  const f = filters(q);
  return f ? { sql: `SELECT r.id FROM receipts r ${f.sql}`, args: f.args } : { sql: 'SELECT NULL WHERE 0', args: [] };
}

/** How many receipts the query matches (the length of the window's list). */
export function countReceipts(db: Db, q: SearchQuery): number {
  const f = filters(q);
  if (!f) return 0;
  return (db.prepare(`SELECT count(*) AS n FROM receipts r ${f.sql}`).get(...f.args) as { n: number }).n;
}
