/** The open receipt: opening, moving through the list, correcting, reviewing, undoing. */
import { errorText, messages } from '../i18n';
import type { ReceiptSummary } from '../../src-shared/ipc/contract';
import type { FieldName } from '../../src-shared/receipt/fields';
import { indexOfReceipt, listRequest } from './history';
import type { ReviewSlice, SliceArgs } from './types';

export function reviewSlice(...[client, set, get]: SliceArgs): ReviewSlice {
  /** Sends a correction (null: back to what the OCR read) and shows the receipt as the core now has it. */
  const saveCorrection = async (sha256: string, field: FieldName, value: string | null): Promise<boolean> => {
    const r = await client.invoke('receipts:correct', { sha256, field, value });
    if (!r.ok) {
      set((s) => ({ fieldErrors: { ...s.fieldErrors, [field]: errorText(messages(), r.error) } }));
      return false;
    }
    set((s) => ({ detail: s.selected === sha256 ? r.value : s.detail, fieldErrors: { ...s.fieldErrors, [field]: undefined } }));
    void get().refresh();
    return true;
  };

  /** The row at a position of the list, fetching its page when it is not loaded yet. */
  const rowAt = async (index: number) => {
    if (!get().rows.has(index)) await get().showRows(index, index + 1);
    return get().rows.get(index);
  };

  return {
    selected: null,
    detail: null,
    fieldErrors: {},
    undo: [],
    activeField: null,
    picked: null,

    setActiveField: (field) => set({ activeField: field }),
    pickWord: (text, append, wordsBefore = []) => {
      const field = get().activeField;
      if (!field) return;
      set((s) => ({ picked: { field, text, append, seq: (s.picked?.seq ?? 0) + 1 } }));
      void get().offerLabel(field, wordsBefore);
    },

    select: async (sha256) => {
      set({ selected: sha256, fieldErrors: {} });
      if (!sha256) return set({ detail: null });
      const r = await client.invoke('receipts:get', { sha256 });
      if (get().selected !== sha256) return; // another receipt was opened meanwhile
      if (!r.ok) return get().fail(r.error);
      set({ detail: r.value });
    },

    selectNext: async (step) => {
      const { total, selected, rows } = get();
      if (total === 0) return;
      const at = indexOfReceipt(rows, selected);
      const next = await rowAt(Math.min(total - 1, Math.max(0, at + step)));
      if (next && next.sha256 !== selected) await get().select(next.sha256);
    },

    correct: async (field, value) => {
      const { selected: sha256, detail } = get();
      if (!sha256 || detail?.sha256 !== sha256) return false;
      const before = detail.corrected[field] ?? null;
      const saved = await saveCorrection(sha256, field, value);
      if (saved) set((s) => ({ undo: [...s.undo, { sha256, field, before }] }));
      return saved;
    },

    review: async (status) => {
      const sha256 = get().selected;
      if (!sha256) return false;
      const r = await client.invoke('receipts:review', { sha256, status });
      if (!r.ok) {
        get().fail(r.error);
        return false;
      }
      set((s) => ({
        detail: s.detail?.sha256 === sha256 ? { ...s.detail, review: status } : s.detail,
        rows: new Map([...s.rows].map(([i, x]) => [i, x.sha256 === sha256 ? { ...x, review: status } : x])),
      }));
      return true;
    },

    approveAndNext: async () => {
      const { detail } = get();
      if (!detail || detail.state !== 'done') return;
      if (!(await get().review('approved'))) return;
      const { rows, query } = get();
      const at = indexOfReceipt(rows, detail.sha256);
      const waiting = [...rows].filter(([, r]) => r.state === 'done' && r.review === 'pending' && r.sha256 !== detail.sha256);
      // A reading with warnings first (it is why the queue exists); then the next one down the
      // list; past the loaded rows, the first still waiting under the filter (warned first too).
      const warned = waiting.filter(([, r]) => r.warnings.length > 0);
      let next: ReceiptSummary | undefined = (warned.find(([i]) => i > at) ?? warned[0] ?? waiting.find(([i]) => i > at) ?? waiting[0])?.[1];
      if (!next) {
        const r = await client.invoke('receipts:list', { ...listRequest(query, 0), state: 'done', review: 'pending', limit: 1 });
        next = r.ok ? r.value.receipts[0] : undefined;
        if (next?.sha256 === detail.sha256) next = undefined;
      }
      if (next) await get().select(next.sha256);
    },

    undoCorrection: async () => {
      const sha256 = get().selected;
      const at = get().undo.findLastIndex((u) => u.sha256 === sha256);
      if (!sha256 || at < 0) return;
      const step = get().undo[at]!;
      if (await saveCorrection(sha256, step.field, step.before)) set((s) => ({ undo: s.undo.filter((_, i) => i !== at) }));
    },

    rerun: async (sha256) => {
      const r = await client.invoke('receipts:rerun', { sha256 });
      if (!r.ok) return get().fail(r.error);
      await Promise.all([get().refresh(), get().selected === sha256 ? get().select(sha256) : null]);
    },
  };
}
