/**
 * The window's state (zustand): the receipts list and counts, the open receipt, what this
 * session dropped (for the batch progress and the files refused at intake), and the connection.
 * Every change goes through the contract; the core's events refresh what they concern.
 */
import { create } from 'zustand';
import type { ReceiptDetail, ReceiptSummary, Res } from '../../src-shared/ipc/contract';
import type { FieldName } from '../../src-shared/receipt/fields';
import type { Client } from '../ipc/client';
import type { ConnectionState } from '../ipc/websocket-api';
import { chunkFiles, readAsBase64 } from './read-files';

/** A dropped file the core refused before it became a receipt (empty, not an image...). */
export interface RefusedFile {
  key: string;
  name: string;
  error: { code: string; message: string };
}

type Counts = Res<'receipts:list'>['counts'];

export interface AppState {
  connection: ConnectionState;
  receipts: ReceiptSummary[];
  counts: Counts;
  selected: string | null;
  detail: ReceiptDetail | null;
  /** Receipts dropped in this session, for the batch progress. */
  dropped: string[];
  refused: RefusedFile[];
  sending: { done: number; total: number } | null;
  /** The last failure the operator should see (a call refused, a lost connection). */
  problem: string | null;
  /** The core's reason when a typed value was refused, per field of the open receipt. */
  fieldErrors: Partial<Record<FieldName, string>>;
  /** This session's corrections, newest last, with the value each replaced (null: the OCR's). */
  undo: { sha256: string; field: FieldName; before: string | null }[];

  refresh(): Promise<void>;
  select(sha256: string | null): Promise<void>;
  selectNext(step: 1 | -1): Promise<void>;
  addFiles(files: readonly File[]): Promise<void>;
  correct(field: FieldName, value: string | null): Promise<boolean>;
  /** Marks the open receipt approved or flagged (or back to pending). */
  review(status: 'pending' | 'approved' | 'flagged'): Promise<boolean>;
  /** Enter: approve the open receipt and open the next one waiting for review. */
  approveAndNext(): Promise<void>;
  /** Ctrl+Z: the open receipt's last correction taken back (itself recorded in the audit trail). */
  undoCorrection(): Promise<void>;
  exportAs(format: 'csv' | 'json'): Promise<Res<'export:run'> | null>;
  dismissProblem(): void;
}

let refusedKey = 0;

export function createStore(client: Client) {
  const store = create<AppState>()((set, get) => {
    const fail = (message: string) => set({ problem: message });
    const takeResult = (res: Res<'intake:add'>) => {
      const accepted = res.items.flatMap((i) => (i.sha256 ? [i.sha256] : []));
      const refused = res.items.flatMap((i) => (i.error ? [{ key: `r${refusedKey++}`, name: i.name, error: i.error }] : []));
      set((s) => ({ dropped: [...s.dropped, ...accepted.filter((sha) => !s.dropped.includes(sha))], refused: [...refused, ...s.refused] }));
      if (!get().selected && accepted[0]) void get().select(accepted[0]);
    };

    /** Sends a correction (null: back to what the OCR read) and shows the receipt as the core now has it. */
    const saveCorrection = async (sha256: string, field: FieldName, value: string | null): Promise<boolean> => {
      const r = await client.invoke('receipts:correct', { sha256, field, value });
      if (!r.ok) {
        set((s) => ({ fieldErrors: { ...s.fieldErrors, [field]: r.error.message } }));
        return false;
      }
      set((s) => ({ detail: s.selected === sha256 ? r.value : s.detail, fieldErrors: { ...s.fieldErrors, [field]: undefined } }));
      void get().refresh();
      return true;
    };

    return {
      connection: 'connecting',
      undo: [],
      receipts: [],
      counts: { queued: 0, processing: 0, done: 0, failed: 0 },
      selected: null,
      detail: null,
      dropped: [],
      refused: [],
      sending: null,
      problem: null,
      fieldErrors: {},

      refresh: async () => {
        const r = await client.invoke('receipts:list', { limit: 500 });
        if (!r.ok) return fail(r.error.message);
        set({ receipts: r.value.receipts, counts: r.value.counts });
      },

      select: async (sha256) => {
        set({ selected: sha256, fieldErrors: {} });
        if (!sha256) return set({ detail: null });
        const r = await client.invoke('receipts:get', { sha256 });
        if (get().selected !== sha256) return; // another receipt was opened meanwhile
        if (!r.ok) return fail(r.error.message);
        set({ detail: r.value });
      },

      selectNext: async (step) => {
        const { receipts, selected } = get();
        if (receipts.length === 0) return;
        const at = receipts.findIndex((r) => r.sha256 === selected);
        const next = receipts[Math.min(receipts.length - 1, Math.max(0, at + step))];
        if (next && next.sha256 !== selected) await get().select(next.sha256);
      },

      addFiles: async (files) => {
        if (files.length === 0) return;
        // Electron: by path, nothing copied through the window.
        const byPath = client.intakeDropped(files);
        if (byPath) {
          set({ sending: { done: 0, total: files.length } });
          const r = await byPath;
          set({ sending: null });
          if (!r.ok) return fail(r.error.message);
          takeResult(r.value);
          return void get().refresh();
        }
        set({ sending: { done: 0, total: files.length } });
        try {
          for (const chunk of chunkFiles(files)) {
            const encoded = await Promise.all(chunk.map(async (f) => ({ name: f.name, base64: await readAsBase64(f) })));
            const r = await client.invoke('intake:add', { files: encoded });
            if (!r.ok) return fail(`No se pudieron agregar ${chunk.length} archivo(s): ${r.error.message}`);
            takeResult(r.value);
            set((s) => ({ sending: { done: (s.sending?.done ?? 0) + chunk.length, total: files.length } }));
          }
        } finally {
          set({ sending: null });
          await get().refresh();
        }
      },

      correct: async (field, value) => {
        const sha256 = get().selected;
        const detail = get().detail;
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
          fail(r.error.message);
          return false;
        }
        set((s) => ({
          detail: s.detail?.sha256 === sha256 ? { ...s.detail, review: status } : s.detail,
          receipts: s.receipts.map((x) => (x.sha256 === sha256 ? { ...x, review: status } : x)),
        }));
        return true;
      },

      approveAndNext: async () => {
        const { detail, receipts } = get();
        if (!detail || detail.state !== 'done') return;
        if (!(await get().review('approved'))) return;
        const at = receipts.findIndex((r) => r.sha256 === detail.sha256);
        const waiting = (r: ReceiptSummary) => r.state === 'done' && r.review === 'pending' && r.sha256 !== detail.sha256;
        const next = receipts.slice(at + 1).find(waiting) ?? receipts.slice(0, Math.max(0, at)).find(waiting);
        if (next) await get().select(next.sha256);
      },

      undoCorrection: async () => {
        const sha256 = get().selected;
        const at = get().undo.findLastIndex((u) => u.sha256 === sha256);
        if (!sha256 || at < 0) return;
        const step = get().undo[at]!;
        if (await saveCorrection(sha256, step.field, step.before)) set((s) => ({ undo: s.undo.filter((_, i) => i !== at) }));
      },

      exportAs: async (format) => {
        const r = await client.invoke('export:run', { format });
        if (!r.ok) {
          fail(r.error.message);
          return null;
        }
        return r.value;
      },

      dismissProblem: () => set({ problem: null }),
    };
  });

  // The core's events: one list refresh per burst (a batch sends several per receipt), and the
  // open receipt reloaded when it is the one that changed.
  let refreshTimer: ReturnType<typeof setTimeout> | null = null;
  const scheduleRefresh = () => {
    refreshTimer ??= setTimeout(() => {
      refreshTimer = null;
      void store.getState().refresh();
    }, 150);
  };
  const touched = ({ sha256 }: { sha256: string }) => {
    scheduleRefresh();
    if (store.getState().selected === sha256) void store.getState().select(sha256);
  };
  client.on('job:progress', scheduleRefresh);
  client.on('receipt:updated', touched);
  client.on('retention:swept', scheduleRefresh);
  client.on('worker:restarted', scheduleRefresh);
  return store;
}

export type AppStore = ReturnType<typeof createStore>;
