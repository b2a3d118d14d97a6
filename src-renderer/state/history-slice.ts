/** The history list's state: the query, its count, and the pages loaded so far. */
import type { ReceiptSummary } from '../../src-shared/ipc/contract';
import { EMPTY_QUERY, listRequest, PAGE_SIZE, pagesOf } from './history';
import type { HistorySlice, SliceArgs } from './types';

export function historySlice(...[client, set, get]: SliceArgs): HistorySlice {
  // Responses to an older query (or from before a refresh) are dropped, never merged.
  let generation = 0;
  let visible = { start: 0, end: PAGE_SIZE };
  const inFlight = new Set<string>();

  /** One page of the current query, or null when it failed or a newer query has begun. */
  const fetchPage = async (page: number, gen: number) => {
    const r = await client.invoke('receipts:list', listRequest(get().query, page));
    if (gen !== generation) return null;
    if (!r.ok) {
      get().fail(r.error);
      return null;
    }
    return { page, ...r.value };
  };
  type Page = NonNullable<Awaited<ReturnType<typeof fetchPage>>>;
  const put = (rows: Map<number, ReceiptSummary>, p: Page) => p.receipts.forEach((receipt, k) => rows.set(p.page * PAGE_SIZE + k, receipt));

  /** A page scrolled into view, merged into what is loaded. */
  const loadPage = async (page: number, gen: number): Promise<void> => {
    const key = `${gen}:${page}`;
    if (inFlight.has(key)) return;
    inFlight.add(key);
    try {
      const p = await fetchPage(page, gen);
      if (!p) return;
      set((s) => {
        const rows = new Map(s.rows);
        // A shorter list than before (receipts expired, a filter narrowed): drop the tail.
        for (const i of rows.keys()) if (i >= p.total) rows.delete(i);
        put(rows, p);
        return { rows, total: p.total, counts: p.counts };
      });
    } finally {
      inFlight.delete(key);
    }
  };

  /** The visible pages again, all of them replacing what was loaded at once (no flash of empty rows). */
  const reload = async () => {
    const gen = ++generation;
    const pages = await Promise.all(pagesOf(visible.start, Math.max(visible.end, visible.start + 1)).map((p) => fetchPage(p, gen)));
    if (gen !== generation || pages.some((p) => p === null)) return;
    const rows = new Map<number, ReceiptSummary>();
    for (const p of pages as Page[]) put(rows, p);
    const last = pages.at(-1)!;
    set({ rows, total: last.total, counts: last.counts });
  };

  return {
    query: EMPTY_QUERY,
    total: 0,
    rows: new Map(),
    counts: { queued: 0, processing: 0, done: 0, failed: 0, cancelled: 0 },

    setQuery: (change) => {
      set((s) => ({ query: { ...s.query, ...change } }));
      visible = { start: 0, end: PAGE_SIZE };
      void reload();
    },

    showRows: async (start, end) => {
      visible = { start, end };
      const { rows } = get();
      const missing = pagesOf(start, end).filter((p) => !rows.has(p * PAGE_SIZE));
      await Promise.all(missing.map((p) => loadPage(p, generation)));
    },

    refresh: reload,

    pin: async (sha256, pinned) => {
      const r = await client.invoke('receipts:pin', { sha256, pinned });
      if (!r.ok) return get().fail(r.error);
      if (get().selected === sha256) void get().select(sha256);
      await reload();
    },
  };
}
