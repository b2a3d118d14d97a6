/**
 * The browser transport against a real WebSocket server (the `ws` package the host uses): calls
 * answered by id, a dropped connection failing the calls in flight with DISCONNECTED, then
 * reconnecting by itself, with calls and events working again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket, WebSocketServer, type WebSocket as ServerSocket } from 'ws';
import type { ConnectionState } from './websocket-api';
import { webSocketApi } from './websocket-api';

const servers: WebSocketServer[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

async function server() {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  servers.push(wss);
  await new Promise((r) => wss.once('listening', r));
  const sockets: ServerSocket[] = [];
  const tokens: string[] = [];
  /** Each request kept unanswered when `hold` is set, so a drop finds it in flight. */
  const state = { hold: false };
  wss.on('connection', (ws, req) => {
    sockets.push(ws);
    tokens.push(new URL(req.url!, 'http://x').searchParams.get('token')!);
    ws.on('message', (data: Buffer) => {
      const { id, channel } = JSON.parse(data.toString()) as { id: number; channel: string };
      if (!state.hold) ws.send(JSON.stringify({ id, result: { ok: true, value: { channel, connection: sockets.length } } }));
    });
  });
  return { port: (wss.address() as { port: number }).port, sockets, tokens, state };
}

/** A browser's WebSocket reports a failed connection as an event; Node's `ws` would throw without a listener. */
class BrowserLikeWebSocket extends NodeWebSocket {
  constructor(url: string) {
    super(url);
    this.on('error', () => {});
  }
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

describe('the browser transport', () => {
  it('answers calls, fails those in flight when the connection drops, and reconnects by itself', async () => {
    const srv = await server();
    // The page's globals, as the browser gives them.
    Object.assign(globalThis, { window: { location: { host: `127.0.0.1:${srv.port}` } }, WebSocket: BrowserLikeWebSocket });
    const states: ConnectionState[] = [];
    const api = webSocketApi('secret token', (s) => states.push(s));

    expect(await api.invoke('settings:get', {})).toEqual({ ok: true, value: { channel: 'settings:get', connection: 1 } });
    expect(srv.tokens).toEqual(['secret token']);
    const events: unknown[] = [];
    api.on('job:done', (p) => events.push(p));

    srv.state.hold = true;
    const inFlight = api.invoke('receipts:list', {});
    await until(() => srv.sockets.length === 1);
    srv.sockets[0]!.terminate();
    expect(await inFlight).toMatchObject({ ok: false, error: { code: 'DISCONNECTED' } });
    await until(() => states.at(-1) === 'open' && srv.sockets.length === 2);
    expect(states).toEqual(['connecting', 'open', 'lost', 'connecting', 'open']);

    // The new connection carries calls and events as the first did.
    srv.state.hold = false;
    expect(await api.invoke('settings:get', {})).toEqual({ ok: true, value: { channel: 'settings:get', connection: 2 } });
    srv.sockets[1]!.send(JSON.stringify({ event: 'job:done', payload: { sha256: 'a'.repeat(64), totalMs: 5 } }));
    await until(() => events.length === 1);
    expect(events).toEqual([{ sha256: 'a'.repeat(64), totalMs: 5 }]);
  });
});
