/**
 * The contract over the browser host's WebSocket: the same WindowApi the Electron preload gives,
 * so nothing above this file knows which one it talks to. The token comes from the page's URL
 * (kept for this tab in sessionStorage so a reload works, and taken out of the address bar).
 * A lost connection fails the calls in flight with DISCONNECTED and is retried.
 */
import { messages } from '../i18n';
import type { WindowApi } from '../../src-shared/ipc/channels';
import type { EventChannel } from '../../src-shared/ipc/contract';
import { err } from '../../src-shared/ipc/result';

export type ConnectionState = 'connecting' | 'open' | 'lost';

const TOKEN_KEY = 'recibo.token';

export function takeToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    history.replaceState(null, '', url.pathname + url.search + url.hash);
  }
  return fromUrl ?? sessionStorage.getItem(TOKEN_KEY);
}

export function webSocketApi(token: string, onState: (s: ConnectionState) => void): WindowApi {
  const url = `ws://${window.location.host}/ipc?token=${encodeURIComponent(token)}`;
  const pending = new Map<number, (result: unknown) => void>();
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  let socket: WebSocket;
  let nextId = 1;
  let retryMs = 250;
  // Calls made while the connection is down wait for the next one to open.
  let opened!: Promise<void>;
  let markOpened!: () => void;
  const waitForOpen = () => (opened = new Promise((resolve) => (markOpened = resolve)));
  waitForOpen();

  const connect = () => {
    onState('connecting');
    socket = new WebSocket(url);
    socket.addEventListener('open', () => {
      retryMs = 250;
      markOpened();
      onState('open');
    });
    socket.addEventListener('message', (e: MessageEvent<string>) => {
      const msg = JSON.parse(e.data) as { id?: number | null; result?: unknown; event?: EventChannel; payload?: unknown };
      if (msg.event) for (const l of listeners.get(msg.event) ?? []) l(msg.payload);
      else if (typeof msg.id === 'number') {
        pending.get(msg.id)?.(msg.result);
        pending.delete(msg.id);
      }
    });
    socket.addEventListener('close', () => {
      for (const resolve of pending.values()) resolve(err('DISCONNECTED', messages().app.connectionLost));
      pending.clear();
      onState('lost');
      waitForOpen();
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 5000);
    });
  };
  connect();

  return {
    invoke: async (channel, payload) => {
      await opened;
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        socket.send(JSON.stringify({ id, channel, payload }));
      });
    },
    on: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set.add(listener));
      return () => void set.delete(listener);
    },
    // A browser gives no file paths: the window sends the bytes.
    intakeDropped: () => null,
  };
}
