/** The history list's state: the query, its count, and the pages loaded so far. */
import type { ReceiptSummary } from '../../src-shared/ipc/contract';
import { EMPTY_QUERY, listRequest, PAGE_SIZE, pagesOf } from './history';
import type { HistorySlice, SliceArgs } from './types';

export function historySlice(...[client, set, get]: SliceArgs): HistorySlice {
  // Responses to an older query (or from before a refresh) are dropped, never merged.
  let generation = 0;
  let visible = { start: 0, end: PAGE_SIZE };
  const inFlight = new Set<string>();

  const loadPage = async (page: number, gen: number): Promise<void> => {
    const key = `${gen}:${page}`;
    if (inFlight.has(key)) return;
    inFlight.add(key);
    try {
      const r = await client.invoke('receipts:list', listRequest(get().query, page));
      if (gen !== generation) return;
      if (!r.ok) return get().fail(r.error.message);
      set((s) => {
        const rows = new Map(s.rows);
        // A shorter list than before (receipts expired, a filter narrowed): drop the tail.
        for (const i of rows.keys()) if (i >= r.value.total) rows.delete(i);
        r.value.receipts.forEach((receipt, k) => rows.set(page * PAGE_SIZE + k, receipt));
        return { rows, total: r.value.total, counts: r.value.counts };
      });
    } finally {
      inFlight.delete(key);
    }
  };

  const reload = async () => {
    const gen = ++generation;
    const pages = pagesOf(visible.start, Math.max(visible.end, visible.start + 1));
    const first = await client.invoke('receipts:list', listRequest(get().query, pages[0] ?? 0));
    if (gen !== generation) return;
    if (!first.ok) return get().fail(first.error.message);
    const rows = new Map<number, ReceiptSummary>();
    first.value.receipts.forEach((receipt, k) => rows.set((pages[0] ?? 0) * PAGE_SIZE + k, receipt));
    set({ rows, total: first.value.total, counts: first.value.counts });
    await Promise.all(pages.slice(1).map((p) => loadPage(p, gen)));
  };

  return {
    query: EMPTY_QUERY,
    total: 0,
    rows: new Map(),
    counts: { queued: 0, processing: 0, done: 0, failed: 0 },

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
      if (!r.ok) return get().fail(r.error.message);
      if (get().selected === sha256) void get().select(sha256);
      await reload();
    },
  };
}
