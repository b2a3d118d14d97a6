/**
 * The browser host's gates: the token, the origin, the allowlist and the schemas, and files
 * served only from the renderer folder and the content store.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { FIXTURES } from './test-support/datasets';
import { useWebHost } from './test-support/web-host';

const web = useWebHost();
const origin = () => web.origin;

/** Connects; resolves with the socket, or with the HTTP status the upgrade was refused with. */
function connect(query: string, headers: Record<string, string> = { Origin: origin() }): Promise<WebSocket | number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${web.host.port}/ipc${query}`, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', () => resolve(-1));
  });
}

function invoke(ws: WebSocket, message: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }> {
  return new Promise((resolve) => {
    ws.on('message', function listen(data) {
      const msg = JSON.parse(String(data)) as { id?: unknown; result?: { ok: boolean } };
      if (!('result' in msg)) return;
      ws.off('message', listen);
      resolve(msg.result as { ok: boolean });
    });
    ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  });
}

describe('browser host', () => {
  it('serves the renderer with its Content-Security-Policy, and nothing outside its folder', async () => {
    const page = await fetch(`${origin()}/`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    // The WebSocket only to this host's own port.
    expect(csp).toContain(`connect-src ws://127.0.0.1:${new URL(origin()).port}`);
    for (const probe of ['/../package.json', '/%2e%2e/package.json', '/..%2f..%2fpackage.json']) expect((await fetch(`${origin()}${probe}`)).status, probe).toBe(404);
  });

  it('refuses a WebSocket without the token, with a wrong one, or from another origin', async () => {
    expect(await connect('')).toBe(403);
    expect(await connect('?token=wrong')).toBe(403);
    expect(await connect(`?token=${web.host.token}`, { Origin: 'https://evil.example' })).toBe(403);
  });

  it('answers the contract, and refuses unknown channels, bad payloads and junk as data', async () => {
    const ws = await connect(`?token=${web.host.token}`);
    expect(ws).toBeInstanceOf(WebSocket);
    const socket = ws as WebSocket;
    expect(await invoke(socket, { id: 1, channel: 'settings:get', payload: {} })).toMatchObject({ ok: true, value: { retentionHours: 24, profile: 'balanced', watchFolder: null } });
    expect(await invoke(socket, { id: 2, channel: 'shell:exec', payload: { cmd: 'rm -rf /' } })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await invoke(socket, { id: 3, channel: 'receipts:get', payload: { sha256: '/etc/passwd' } })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const closed = new Promise<number>((resolve) => socket.once('close', resolve));
    socket.send('not json');
    expect(await closed).toBe(1008);
  });

  it('serves a stored image by its sha256 only, with the token', async () => {
    const ws = (await connect(`?token=${web.host.token}`)) as WebSocket;
    const bytes = await readFile(path.join(FIXTURES, 'r001-bdv-light.png'));
    const added = (await invoke(ws, { id: 1, channel: 'intake:add', payload: { files: [{ name: 'a.png', base64: bytes.toString('base64') }] } })) as { value: { items: { sha256: string }[] } };
    const sha = added.value.items[0]!.sha256;
    const image = await fetch(`${origin()}/receipt/${sha}?token=${web.host.token}`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await image.arrayBuffer()).equals(bytes)).toBe(true);
    expect((await fetch(`${origin()}/receipt/${sha}`)).status).toBe(403);
    expect((await fetch(`${origin()}/receipt/${'0'.repeat(64)}?token=${web.host.token}`)).status).toBe(404);
    ws.close();
    await web.service.idle();
  });
});
