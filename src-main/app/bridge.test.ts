/**
 * The Electron gates without Electron: the preload's window API over a recording ipcRenderer,
 * and main's invoke handler with sender frames of Recibo's origin and others. (The real
 * ipcRenderer and frames are exercised by e2e/electron.spec.ts where Electron's binary exists.)
 */
import { describe, expect, it } from 'vitest';
import { ELECTRON_DROP_CHANNEL, ELECTRON_EVENT_PREFIX, ELECTRON_INVOKE_CHANNEL } from '../../src-shared/ipc/channels';
import type { Handlers } from '../api/handlers';
import { handleDrop, handleInvoke } from './ipc-main';
import { APP_URL, isAppUrl } from './origin';
import { createWindowApi, type PreloadIpc } from './window-api';

function recordingIpc() {
  const invoked: unknown[][] = [];
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  const ipc = {
    invoke: async (...args: unknown[]) => {
      invoked.push(args);
      return { ok: true, value: {} };
    },
    on(channel: string, l: (...args: unknown[]) => void) {
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(l));
      return ipc;
    },
    removeListener(channel: string, l: (...args: unknown[]) => void) {
      listeners.get(channel)?.delete(l);
      return ipc;
    },
  };
  const emit = (channel: string, payload: unknown) => listeners.get(channel)?.forEach((l) => l({ sender: 'the ipc event' }, payload));
  return { ipc: ipc as unknown as PreloadIpc, invoked, emit, listeners };
}

describe('the preload’s window API', () => {
  it('sends allowlisted channels on the one invoke channel and refuses others without sending', async () => {
    const { ipc, invoked } = recordingIpc();
    const api = createWindowApi(ipc, () => '');
    expect(Object.keys(api).sort()).toEqual(['intakeDropped', 'invoke', 'on']);
    await api.invoke('receipts:list', { limit: 5 });
    expect(invoked).toEqual([[ELECTRON_INVOKE_CHANNEL, 'receipts:list', { limit: 5 }]]);
    // A page calling with a made-up channel (the types forbid it; a compromised page does not care).
    expect(await api.invoke('fs:read' as 'receipts:list', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await api.invoke('__proto__' as 'receipts:list', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(invoked).toHaveLength(1);
  });

  it('passes events on allowlisted channels with the payload only, and unsubscribes', () => {
    const { ipc, emit, listeners } = recordingIpc();
    const api = createWindowApi(ipc, () => '');
    const got: unknown[] = [];
    const off = api.on('job:done', (p) => got.push(p));
    emit(`${ELECTRON_EVENT_PREFIX}job:done`, { sha256: 'a'.repeat(64), totalMs: 3 });
    expect(got).toEqual([{ sha256: 'a'.repeat(64), totalMs: 3 }]);
    off();
    expect(listeners.get(`${ELECTRON_EVENT_PREFIX}job:done`)?.size).toBe(0);
    expect(() => api.on('ipc:raw' as 'job:done', () => {})).toThrow(/Unknown event/);
  });

  it('takes dropped files in by path when every file has one, and leaves the rest to the page', async () => {
    const { ipc, invoked } = recordingIpc();
    const paths: Record<string, string> = { 'a.png': '/home/op/a.png', 'b.jpg': '/home/op/b.jpg' };
    const api = createWindowApi(ipc, (f) => {
      if (f.name === 'broken') throw new Error('not a File');
      return paths[f.name] ?? '';
    });
    await api.intakeDropped([{ name: 'a.png' }, { name: 'b.jpg' }], 'fast');
    // On a channel of its own: the page's `invoke` cannot reach intake:paths.
    expect(invoked).toEqual([[ELECTRON_DROP_CHANNEL, { paths: ['/home/op/a.png', '/home/op/b.jpg'], profile: 'fast' }]]);
    expect(await api.invoke('intake:paths', { paths: ['/etc/shadow'] })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(api.intakeDropped([{ name: 'a.png' }, { name: 'pasted.png' }])).toBeNull();
    expect(api.intakeDropped([{ name: 'broken' }])).toBeNull();
    expect(api.intakeDropped([])).toBeNull();
    expect(invoked).toHaveLength(1);
  });
});

describe('main’s invoke handler', () => {
  const handlers = { 'settings:get': async () => ({ retentionHours: 24 }) } as unknown as Handlers;

  it('answers Recibo’s own window through the dispatch gate', async () => {
    expect(await handleInvoke(handlers, { url: APP_URL }, 'settings:get', {})).toEqual({ ok: true, value: { retentionHours: 24 } });
    expect(await handleInvoke(handlers, { url: APP_URL }, 'settings:get', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await handleInvoke(handlers, { url: APP_URL }, 'shell:open', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('takes paths only from the preload’s drop channel, never from an invoke the page sends', async () => {
    const taken: unknown[] = [];
    const withIntake = { 'intake:paths': async (req: unknown) => (taken.push(req), { batchId: 1, items: [] }) } as unknown as Handlers;
    expect(await handleInvoke(withIntake, { url: APP_URL }, 'intake:paths', { paths: ['/etc/shadow'] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(taken).toEqual([]);
    expect(await handleDrop(withIntake, { url: APP_URL }, { paths: ['/home/op/a.png'] })).toMatchObject({ ok: true });
    expect(await handleDrop(withIntake, { url: 'https://evil.example/' }, { paths: ['/home/op/a.png'] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(taken).toEqual([{ paths: ['/home/op/a.png'] }]);
  });

  it('refuses any other frame: another origin, a file page, a lookalike host, no frame', async () => {
    for (const url of ['https://evil.example/', 'file:///tmp/x.html', 'app://recibo.evil/index.html', 'app://user@recibo/index.html', 'http://recibo/', 'receipt://recibo/', '']) {
      expect(await handleInvoke(handlers, { url }, 'settings:get', {}), url).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await handleInvoke(handlers, null, 'settings:get', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(isAppUrl('app://recibo/assets/index.js')).toBe(true);
  });
});
