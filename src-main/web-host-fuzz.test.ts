/**
 * The browser host against hostile input: the requests and frames that used to end its process
 * (an absolute-form upgrade target with a bad port, a token with a non-ASCII character, a `null`
 * frame, a frame over the size limit), then a few thousand random and malformed ones. After each
 * group the host must still answer a real call.
 */
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { useWebHost } from './test-support/web-host';

const web = useWebHost();
const origin = () => web.origin;

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
  const int = (n: number) => Math.floor(next() * n);
  const text = (max: number) => Array.from({ length: int(max) }, () => String.fromCodePoint(int(4) === 0 ? int(0x2000) : 32 + int(95))).join('');
  return { int, text, pick: <T,>(xs: T[]) => xs[int(xs.length)]! };
}

/** Writes raw bytes to the host and resolves with the first line it answers (or '' on close). */
function raw(request: string | Buffer): Promise<string> {
  return new Promise((resolve) => {
    // Half-closed after the request, so a truncated one ends instead of waiting for more bytes.
    const socket = net.connect(web.host.port, '127.0.0.1', () => socket.end(request));
    let answer = '';
    socket.setTimeout(2000, () => socket.destroy());
    socket.on('data', (d) => {
      answer += String(d);
      if (answer.includes('\r\n')) socket.destroy();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(answer.split('\r\n')[0] ?? ''));
  });
}

const upgrade = (target: string, extra = '') =>
  `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n${extra}\r\n`;

function open(): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${web.host.port}/ipc?token=${web.host.token}`, { headers: { Origin: origin() } });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** Sends one frame and resolves with the reply, or with the close code when the host hangs up. */
function exchange(ws: WebSocket, frame: string | Buffer): Promise<{ reply?: { id: unknown; result: { ok: boolean } }; closed?: number }> {
  return new Promise((resolve) => {
    ws.once('message', (d) => resolve({ reply: JSON.parse(String(d)) as { id: unknown; result: { ok: boolean } } }));
    ws.once('close', (code) => resolve({ closed: code }));
    ws.once('error', () => undefined);
    ws.send(frame);
  });
}

async function stillServing() {
  const ws = await open();
  const { reply } = await exchange(ws, JSON.stringify({ id: 7, channel: 'settings:get', payload: {} }));
  ws.close();
  expect(reply).toMatchObject({ id: 7, result: { ok: true } });
  expect((await fetch(`${origin()}/`)).status).toBe(200);
}

describe('browser host under hostile input', () => {
  it('answers the requests that used to crash it with a 4xx', async () => {
    expect(await raw(upgrade('http://x:99999/ipc'))).toMatch(/^HTTP\/1\.1 400/);
    // Raw non-ASCII in the request line: Node's parser refuses it before the host sees it.
    expect(await raw(upgrade(`/ipc?token=${'é'.repeat(16)}${'a'.repeat(16)}`, `Origin: ${origin()}\r\n`))).toMatch(/^HTTP\/1\.1 4\d\d/);
    expect(await raw(upgrade(`/ipc?token=${encodeURIComponent('é'.repeat(32))}`, `Origin: ${origin()}\r\n`))).toMatch(/^HTTP\/1\.1 403/);
    expect((await fetch(`${origin()}/receipt/x?token=${encodeURIComponent('é'.repeat(32))}`)).status).toBe(403);
    expect(await raw('GET http://x:99999/ HTTP/1.1\r\nHost: x\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    await stillServing();
  });

  it('closes the socket on a null frame, a binary frame and a frame over the limit', async () => {
    for (const frame of ['null', '[]', '42', '"x"', '{"id":{},"channel":"settings:get"}', Buffer.from([1, 2, 3])]) {
      const ws = await open();
      expect(await exchange(ws, frame), String(frame)).toEqual({ closed: 1008 });
    }
    const ws = await open();
    expect((await exchange(ws, 'x'.repeat(64 * 1024 * 1024 + 1))).closed).toBe(1009);
    await stillServing();
  });

  it('is still serving after thousands of random requests and frames', async () => {
    const rnd = random(20261207);
    const targets = ['/', '/ipc', '/receipt/', '//x', 'http://[::1', '*', '/%', '/%zz', '/receipt/%ff?token=', '/ipc?token=%00%00'];
    const requests: Promise<string>[] = [];
    for (let i = 0; i < 1500; i++) {
      const target = rnd.pick(targets) + rnd.text(40);
      const line = rnd.int(3) === 0 ? upgrade(target, `Origin: ${rnd.pick([origin(), 'null', rnd.text(20)])}\r\n`) : `${rnd.pick(['GET', 'POST', 'FOO', ''])} ${target} HTTP/1.1\r\nHost: ${rnd.text(10)}\r\n\r\n`;
      requests.push(raw(rnd.int(10) === 0 ? Buffer.from(line).subarray(0, rnd.int(line.length)) : line));
      if (requests.length === 50) await Promise.all(requests.splice(0));
    }
    await Promise.all(requests);
    await stillServing();

    const shapes = [
      () => rnd.text(200),
      () => JSON.stringify({ id: rnd.int(1000), channel: rnd.text(20), payload: rnd.text(50) }),
      () => JSON.stringify({ id: rnd.int(1000), channel: rnd.pick(['settings:get', 'receipts:list', 'receipts:get', 'intake:add', 'export:run']), payload: JSON.parse(JSON.stringify({ [rnd.text(5)]: rnd.text(30), limit: rnd.int(5000) - 10 })) as unknown }),
      () => JSON.stringify(rnd.pick([null, 0, true, [], {}, { id: null }, { id: 1 }, { channel: 'settings:get' }])),
    ];
    let ws = await open();
    let replies = 0;
    for (let i = 0; i < 2000; i++) {
      const outcome = await exchange(ws, rnd.pick(shapes)());
      if (outcome.reply) {
        replies++;
        expect(outcome.reply.result.ok, JSON.stringify(outcome.reply)).toBeTypeOf('boolean');
      } else {
        expect(outcome.closed).toBe(1008);
        ws = await open();
      }
    }
    ws.close();
    // Well-formed calls with junk payloads are answered (and refused), not dropped.
    expect(replies).toBeGreaterThan(500);
    await stillServing();
  }, 120_000);
});
