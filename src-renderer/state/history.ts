/**
 * The history as the window shows it: every stored receipt matching the operator's search and
 * filters, newest first, loaded a page at a time as the list scrolls (the list is virtualised:
 * 100,000 receipts are 100,000 rows of scroll, but only the visible pages are ever fetched).
 */
import type { Req, ReceiptSummary } from '../../src-shared/ipc/contract';

export const PAGE_SIZE = 100;

/** One filter for "what happened to it": the reading's state or, once read, the review's. */
export type StatusFilter = '' | 'queued' | 'processing' | 'failed' | 'cancelled' | 'pending' | 'approved' | 'flagged' | 'unverified';

export interface HistoryQuery {
  /** A reference, phone, amount or part of a name. */
  text: string;
  status: StatusFilter;
  /** A 4-digit bank code, paying or paid; '' for any. */
  bank: string;
  /** A day received, YYYY-MM-DD in the operator's time zone; '' for any. */
  day: string;
  duplicatesOnly: boolean;
  /** The list's order: newest batch first (its files in natural order), or by name. */
  sort: HistorySort;
}

export type HistorySort = 'newest' | 'name' | 'name-desc';

export const EMPTY_QUERY: HistoryQuery = { text: '', status: '', bank: '', day: '', duplicatesOnly: false, sort: 'newest' };

/** A search or a filter is on: an empty list then means "nothing matched", not "no receipts". */
export const isFiltered = (q: HistoryQuery) => q.text.trim() !== '' || q.status !== '' || q.bank !== '' || q.day !== '' || q.duplicatesOnly;

/** The contract's request for one page of the query. */
export function listRequest(q: HistoryQuery, page: number): Req<'receipts:list'> {
  const req: Req<'receipts:list'> = { limit: PAGE_SIZE, offset: page * PAGE_SIZE };
  if (q.text.trim()) req.text = q.text.trim();
  if (q.status === 'pending' || q.status === 'approved' || q.status === 'flagged') Object.assign(req, { state: 'done', review: q.status });
  // Read receipts the bank statements do not show as paid.
  else if (q.status === 'unverified') Object.assign(req, { state: 'done', unverified: true });
  else if (q.status) req.state = q.status;
  if (q.bank) req.bank = q.bank;
  if (q.duplicatesOnly) req.duplicatesOnly = true;
  if (q.sort !== 'newest') req.sort = q.sort;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(q.day);
  if (day) {
    // The operator's day, local midnight to local midnight, as the core's UTC instants.
    const from = new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
    const to = new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3]) + 1);
    req.receivedFrom = from.toISOString();
    req.receivedBefore = to.toISOString();
  }
  return req;
}

/** Page numbers covering rows [start, end). */
export function pagesOf(start: number, end: number): number[] {
  const out: number[] = [];
  if (end <= start) return out;
  for (let p = Math.floor(Math.max(0, start) / PAGE_SIZE); p * PAGE_SIZE < end; p++) out.push(p);
  return out;
}

/** Where a receipt is among the loaded rows, or -1. */
export function indexOfReceipt(rows: ReadonlyMap<number, ReceiptSummary>, sha256: string | null): number {
  if (!sha256) return -1;
  for (const [i, r] of rows) if (r.sha256 === sha256) return i;
  return -1;
}

/** "caduca en 5 h", "caduca en 20 min", "caducado": the retention policy at a glance. */
/** Time left before a receipt expires (0 when it has), in hours and in whole minutes up. */
export function expiresIn(expiresAt: string, now: number): { hours: number; minutes: number } {
  const ms = Date.parse(expiresAt) - now;
  if (ms <= 0) return { hours: 0, minutes: 0 };
  return { hours: ms / 3_600_000, minutes: Math.ceil(ms / 60_000) };
}
