/**
 * The window's store: the four slices (types.ts) over one client, and the core's events
 * refreshing what they concern.
 */
import { errorText, messages } from '../i18n';
import { create } from 'zustand';
import type { Client } from '../ipc/client';
import { historySlice } from './history-slice';
import { intakeSlice } from './intake-slice';
import { learnSlice } from './learn-slice';
import { reviewSlice } from './review-slice';
import type { AppState } from './types';

export type { AppState } from './types';

export function createStore(client: Client) {
  const store = create<AppState>()((set, get) => ({
    ...historySlice(client, set, get),
    ...reviewSlice(client, set, get),
    ...intakeSlice(client, set, get),
    ...learnSlice(client, set, get),
    connection: 'connecting',
    view: 'review',
    setView: (view) => set({ view }),
    statementFiles: [],
    openStatements: (files) => set((s) => ({ statementFiles: [...s.statementFiles, ...files], view: 'dashboard' })),
    statementClosed: () => set((s) => ({ statementFiles: s.statementFiles.slice(1) })),
    problem: null,
    fail: (problem) => set({ problem: typeof problem === 'string' ? problem : errorText(messages(), problem) }),
    dismissProblem: () => set({ problem: null }),
    exportAs: async (req) => {
      const r = await client.invoke('export:run', req);
      if (!r.ok) {
        get().fail(r.error);
        return null;
      }
      return r.value;
    },
  }));

  // The core's events: one list refresh per burst (a batch sends several per receipt), and the
  // open receipt reloaded when it is the one that changed.
  let refreshTimer: ReturnType<typeof setTimeout> | null = null;
  const scheduleRefresh = () => {
    refreshTimer ??= setTimeout(() => {
      refreshTimer = null;
      void store.getState().refresh();
      void store.getState().refreshRun();
    }, 250);
  };
  const touched = ({ sha256 }: { sha256: string }) => {
    scheduleRefresh();
    if (store.getState().selected === sha256) void store.getState().select(sha256);
  };
  client.on('job:progress', scheduleRefresh);
  client.on('receipt:updated', touched);
  client.on('retention:swept', scheduleRefresh);
  // A statement imported: every receipt's payment chip may have changed.
  client.on('statements:changed', scheduleRefresh);
  client.on('worker:restarted', scheduleRefresh);
  // A send an earlier window left half-way is said as soon as the window opens.
  void store.getState().loadInterrupted();
  return store;
}

export type AppStore = ReturnType<typeof createStore>;
