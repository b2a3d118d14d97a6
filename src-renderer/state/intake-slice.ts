/**
 * What this session dropped: the files sent (by path in Electron, as bytes in the browser), the
 * ones the core refused and why, and the batches they became, for the progress bar, its
 * remaining time, and pause / resume / cancel.
 */
import { errorText, messages } from '../i18n';
import type { Res } from '../../src-shared/ipc/contract';
import { chunkFiles, readAsBase64 } from './read-files';
import { planSend } from './resume-send';
import type { IntakeSlice, SliceArgs } from './types';

let refusedKey = 0;

/** Receipts of the run read, failed or cancelled (nothing more will happen to them), and in all. */
export function runProgress(run: { batches: readonly { total: number; done: number; failed: number; cancelled: number; queued: number; processing: number }[] }) {
  let total = 0;
  let settled = 0;
  let failed = 0;
  let cancelled = 0;
  for (const b of run.batches) {
    total += b.total;
    settled += b.done + b.failed + b.cancelled;
    failed += b.failed;
    cancelled += b.cancelled;
  }
  return { total, settled, failed, cancelled, finished: total > 0 && settled >= total };
}

/**
 * Seconds left at the rate seen since the first receipt settled (reading has a warm-up: the
 * time to the first one is not the pace of the rest). Null until two receipts have settled.
 */
export function secondsLeft(run: { firstSettled: { at: number; count: number } | null }, settled: number, total: number, now: number): number | null {
  if (!run.firstSettled || settled - run.firstSettled.count < 1 || now <= run.firstSettled.at) return null;
  const perSecond = (settled - run.firstSettled.count) / ((now - run.firstSettled.at) / 1000);
  return Math.ceil((total - settled) / perSecond);
}

export function intakeSlice(...[client, set, get]: SliceArgs): IntakeSlice {
  /** The send this window has in flight: not an interrupted one, whatever the core says. */
  let sendingBatch: number | null = null;
  /** The drop being sent: each image's first file, and what the others were. */
  let tally = { files: 0, known: 0, copies: 0, firstKnown: null as string | null, seen: new Set<string>() };
  const count = (res: Res<'intake:add'>) => {
    for (const item of res.items) {
      tally.files++;
      if (!item.sha256) continue;
      if (tally.seen.has(item.sha256)) tally.copies++;
      else {
        tally.seen.add(item.sha256);
        if (item.reused) {
          tally.known++;
          tally.firstKnown ??= item.sha256;
        }
      }
    }
  };

  const take = (res: Res<'intake:add'>) => {
    count(res);
    const refused = res.items.flatMap((i) => (i.error ? [{ key: `r${refusedKey++}`, name: i.name, error: i.error }] : []));
    set((s) => {
      // A drop after everything was read starts a new run; one during a run joins it.
      const current = s.run && !runProgress(s.run).finished ? s.run : null;
      const run = current ?? { batchIds: [], batches: [], startedAt: Date.now(), firstSettled: null };
      return { refused: [...refused, ...s.refused], run: { ...run, batchIds: [...run.batchIds, res.batchId] } };
    });
    const first = res.items.find((i) => i.sha256)?.sha256;
    if (!get().selected && first) void get().select(first);
    void get().refreshRun();
  };

  return {
    refused: [],
    sending: null,
    run: null,
    interrupted: [],
    dropSummary: null,
    dismissDropSummary: () => set({ dropSummary: null }),

    addFiles: async (dropped, expand) => {
      if (dropped.length === 0) return;
      let files = dropped;
      tally = { files: 0, known: 0, copies: 0, firstKnown: null, seen: new Set() };
      set({ dropSummary: null });
      set({ sending: { done: 0, total: files.length } });
      try {
        // Electron: by path, nothing copied through the window.
        const byPath = client.intakeDropped(files);
        if (byPath) {
          const r = await byPath;
          if (!r.ok) return get().fail(r.error);
          return take(r.value);
        }
        if (expand) files = await expand();
        // Announced first, so that a send cut short says what is missing; the same files
        // dropped again complete an interrupted send instead of starting another.
        await get().loadInterrupted();
        const plan = planSend(files, get().interrupted);
        let batchId = plan.resume;
        if (batchId === null) {
          const begun = await client.invoke('intake:begin', { files: files.map((f) => ({ name: f.name, size: f.size })) });
          if (!begun.ok) return get().fail(begun.error);
          batchId = begun.value.batchId;
        }
        sendingBatch = batchId;
        set({ sending: { done: 0, total: plan.send.length } });
        for (const chunk of chunkFiles(plan.send)) {
          const encoded = await Promise.all(chunk.map(async (f) => ({ name: f.name, base64: await readAsBase64(f) })));
          const r = await client.invoke('intake:add', { files: encoded, batchId });
          if (!r.ok) return get().fail(messages().app.addFailed(chunk.length, errorText(messages(), r.error)));
          take(r.value);
          set((s) => ({ sending: { done: (s.sending?.done ?? 0) + chunk.length, total: plan.send.length } }));
        }
        await client.invoke('intake:end', { batchId });
        sendingBatch = null;
        await get().loadInterrupted();
      } catch (e) {
        get().fail(messages().app.readFailed((e as Error).message));
      } finally {
        // A send cut short stays open in the core: said as interrupted once it has been quiet.
        if (sendingBatch !== null) setTimeout(() => void get().loadInterrupted(), 6_000);
        sendingBatch = null;
        const { files: sent, known, copies, firstKnown } = tally;
        set({ sending: null, dropSummary: known + copies > 0 ? { files: sent, known, copies, firstKnown } : null });
        await get().refresh();
      }
    },

    refreshRun: async () => {
      const run = get().run;
      if (!run) return;
      const r = await client.invoke('batches:status', { batchIds: run.batchIds });
      if (!r.ok) return get().fail(r.error);
      set((s) => {
        if (!s.run) return {};
        const settled = runProgress({ batches: r.value.batches }).settled;
        const firstSettled = s.run.firstSettled ?? (settled > 0 ? { at: Date.now(), count: settled } : null);
        return { run: { ...s.run, batches: r.value.batches, firstSettled } };
      });
    },

    controlRun: async (action) => {
      const run = get().run;
      if (!run) return;
      for (const batchId of run.batchIds) {
        const r = await client.invoke('batches:control', { batchId, action });
        if (!r.ok) return get().fail(r.error);
      }
      await Promise.all([get().refreshRun(), get().refresh()]);
    },

    dismissRefused: () => set({ refused: [] }),

    loadInterrupted: async () => {
      const r = await client.invoke('intake:interrupted', {});
      if (r.ok) set({ interrupted: r.value.sends.filter((s) => s.batchId !== sendingBatch) });
    },

    dismissInterrupted: async (batchId) => {
      await client.invoke('intake:end', { batchId });
      set((s) => ({ interrupted: s.interrupted.filter((i) => i.batchId !== batchId) }));
    },
  };
}
