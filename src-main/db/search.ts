/**
 * Finding receipts in the history: by what an operator types (a reference, a phone, an amount,
 * a name) and by filters (state, review, bank, day received, possible duplicates), newest first
 * (the review queue: warned readings first),
 * a page at a time, with the number of matches for the window's scroll bar. Text of three
 * characters or more is found in any part of the file name, payee, reference, phone, cédula,
 * fiscal id or concept (the trigram index of migration 0008): "the last 6 digits" of a
 * reference, the end of a phone. An amount, in either format, is a lookup on the field-value
 * indexes (as read and as corrected).
 */
import type { Db } from './open';
import type { ReceiptRow, ReceiptState } from './receipts';

export interface SearchQuery {
  /**
   * Any part (three characters or more) of a reference, phone, cédula, fiscal id, payee, concept
   * or file name ("463", "0412531", "V-12.345.678"), or an amount in either format ("1250.75",
   * "1.250,75").
   */
  text?: string;
  state?: ReceiptState;
  review?: 'pending' | 'approved' | 'flagged';
  duplicatesOnly?: boolean;
  /** Only receipts whose payment the statements kept do not verify (migration 0010). */
  unverified?: boolean;
  /** A 4-digit bank code, paying or paid. */
  bank?: string;
  /** Received at or after / before these instants (ISO 8601, UTC). */
  receivedFrom?: string;
  receivedBefore?: string;
  /** Newest batch first, its files in natural order (the default); or the whole history by name. */
  sort?: 'newest' | 'name' | 'name-desc';
  limit?: number;
  offset?: number;
}

/** Every order descending or every one ascending: each is one walk down an index (migration 9). */
function orderOf(q: SearchQuery): string {
  if (q.sort === 'name') return 'r.name_order DESC, r.id DESC';
  if (q.sort === 'name-desc') return 'r.name_order ASC, r.id ASC';
  // The review queue (pending receipts) puts the readings with warnings first: they are the
  // ones an operator must not miss.
  if (q.review === 'pending') return 'r.warned DESC, r.received_at DESC, r.name_order DESC, r.id DESC';
  return 'r.received_at DESC, r.name_order DESC, r.id DESC';
}

/** A receipt found, with the sha256 of the receipt it may duplicate. */
export type SearchHit = ReceiptRow & { duplicate_sha: string | null };

/** The amount the typed text may be ("1.250,75", "1250,75", "1250.75", "1250"), canonical. */
function amountOf(text: string): string | null {
  const amount = text.trim().replace(/\s|bs\.?|\$/gi, '');
  const canonical = /,\d{1,2}$/.test(amount) ? amount.replace(/\./g, '').replace(',', '.') : amount.replace(/,/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(canonical)) return null;
  const [int, dec = ''] = canonical.split('.');
  return `${String(BigInt(int!))}.${dec.padEnd(2, '0')}`;
}

/**
 * The full-text query for typed text: the text as one phrase, and for an identifier typed with
 * separators ("V-12.345.678", "0412-531 22 33") its digits too; a phone typed with the country
 * code (58412…) also without it. Null when nothing is three characters long (the index is of
 * trigrams).
 */
function phrases(text: string): string | null {
  const out = new Set<string>();
  if ([...text].length >= 3) out.add(text);
  const digits = text.replace(/[\s.\-+/]/g, '');
  if (/^[A-Za-z]?\d{3,}$/.test(digits)) {
    out.add(digits.replace(/^[A-Za-z]/, ''));
    if (digits.startsWith('58') && digits.length > 10) out.add(digits.slice(2));
  }
  if (out.size === 0) return null;
  return [...out].map((p) => `"${p.replaceAll('"', '""')}"`).join(' OR ');
}

/**
 * Above this many text matches, a page is found by walking the order's index and testing each
 * receipt against the matches (the matches are built once, with a Bloom filter: about 5 ms over
 * 100,000 receipts, however many match); at or below it, by looking each match up and sorting
 * them (about 3 µs a match). On a history of 100,000 the two cross at about 2,000 matches.
 */
const WALK_ABOVE = 2_000;

/**
 * Whether the typed text matches so many receipts that walking the index is cheaper: counted on
 * the trigram index alone (an upper bound: a receipt matches once per field that holds the text).
 */
function walkTheIndex(db: Db, q: SearchQuery): boolean {
  const match = q.text?.trim() ? phrases(q.text.trim()) : null;
  if (!match) return false;
  return (db.prepare('SELECT count(*) FROM receipt_search WHERE receipt_search MATCH ?').pluck().get(match) as number) > WALK_ABOVE;
}

/**
 * The WHERE clause of a query, with its arguments; null when the text cannot match anything.
 * `walk`: the text's matches are a filter on a walk of the order's index (`+r.id` keeps SQLite
 * from driving the query from them), for text that matches a large part of the history.
 */
function filters(q: SearchQuery, walk = false): { sql: string; args: (string | number)[]; textIds?: { sql: string; args: (string | number)[] } } | null {
  const where: string[] = [];
  const args: (string | number)[] = [];
  let textIds: { sql: string; args: (string | number)[] } | undefined;
  const text = q.text?.trim();
  if (text) {
    const byValue: string[] = [];
    const amount = amountOf(text);
    if (amount) {
      byValue.push("SELECT receipt_id AS id FROM fields WHERE name = 'monto' AND value = ?", "SELECT receipt_id AS id FROM fields WHERE name = 'monto' AND corrected = ?");
      args.push(amount, amount);
    }
    const match = phrases(text);
    if (match) {
      byValue.push('SELECT rowid / 8 AS id FROM receipt_search WHERE receipt_search MATCH ?');
      args.push(match);
    }
    if (byValue.length === 0) return null;
    textIds = { sql: byValue.join(' UNION '), args: [...args] };
    where.push(`${walk ? '+r.id' : 'r.id'} IN (${textIds.sql})`);
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
  if (q.unverified) where.push("r.id IN (SELECT receipt_id FROM reconciliations WHERE verdict <> 'verified')");
  // The text alone: its matches are the answer, and can be counted without the receipts.
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', args, ...(textIds && where.length === 1 ? { textIds } : {}) };
}

/** A page of the receipts the query matches, in its order, and how many match in all. */
export function searchHistory(db: Db, q: SearchQuery): { hits: SearchHit[]; total: number } {
  const f = filters(q, walkTheIndex(db, q));
  if (!f) return { hits: [], total: 0 };
  const order = orderOf(q);
  // The page's ids first, from the indexes alone, then their rows: a deep OFFSET then skips
  // index entries rather than whole receipts.
  const hits = db
    .prepare(
      `WITH page AS (SELECT r.id FROM receipts r ${f.sql} ORDER BY ${order} LIMIT ? OFFSET ?)
       SELECT r.*, d.sha256 AS duplicate_sha FROM page JOIN receipts r ON r.id = page.id LEFT JOIN receipts d ON d.id = r.duplicate_of
       ORDER BY ${order}`,
    )
    .all(...f.args, q.limit ?? 50, q.offset ?? 0) as SearchHit[];
  // Every id the text indexes hold is a receipt's (deleting a receipt deletes its entries); a
  // receipt whose text matches in several of its fields is there once for each.
  const total = (f.textIds ? db.prepare(`SELECT count(DISTINCT id) FROM (${f.textIds.sql})`).pluck().get(...f.textIds.args) : db.prepare(`SELECT count(*) FROM receipts r ${f.sql}`).pluck().get(...f.args)) as number;
  return { hits, total };
}

/** A page of the receipts the query matches (searchHistory without the count). */
export const searchReceipts = (db: Db, q: SearchQuery): SearchHit[] => searchHistory(db, q).hits;

/** The ids of the receipts a query matches, as a subquery (`r.id IN (...)`) with its arguments. */
export function matchingIds(q: SearchQuery): { sql: string; args: (string | number)[] } {
  const f = filters(q);
  return f ? { sql: `SELECT r.id FROM receipts r ${f.sql}`, args: f.args } : { sql: 'SELECT NULL WHERE 0', args: [] };
}

/** How many receipts the query matches (the length of the window's list). */
export const countReceipts = (db: Db, q: SearchQuery): number => searchHistory(db, { ...q, limit: 0 }).total;
