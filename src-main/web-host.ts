/**
 * The browser host: the core in plain Node, serving the built renderer and the same contract
 * over a loopback WebSocket, so the real window runs in a browser (development, end-to-end tests
 * here, where Electron's binary cannot be downloaded). Loopback only, a random port and a random
 * token: the page is opened as `http://127.0.0.1:<port>/?token=<token>`, and a WebSocket
 * connection must carry the token and come from that origin. Images are served from the content
 * store by sha256 only, the browser twin of Electron's `receipt://` protocol.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { dispatch } from './api/dispatch';
import { createHandlers } from './api/handlers';
import type { CoreService } from './api/service';
import { receiptImage, rendererFile } from './api/files';
import { webHostCsp } from './csp';

export interface WebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const sameToken = (a: string | null, b: string) => a !== null && a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export async function startWebHost(service: CoreService, opts: { rendererDir: string; port?: number }): Promise<WebHost> {
  const token = randomBytes(24).toString('base64url');
  const handlers = createHandlers(service);
  let origin = '';
  let port = 0;

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', origin || 'http://127.0.0.1');
      res.setHeader('Content-Security-Policy', webHostCsp(port));
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Referrer-Policy', 'no-referrer');
      const image = /^\/receipt\/([^/]+)$/.exec(url.pathname);
      if (image) {
        if (!sameToken(url.searchParams.get('token'), token)) return void res.writeHead(403).end('Forbidden');
        const served = receiptImage(service.core, image[1]!);
        if (!served) return void res.writeHead(404).end('Not found');
        res.writeHead(200, { 'Content-Type': served.type, 'Cache-Control': 'private, max-age=3600' });
        return void createReadStream(served.file).pipe(res);
      }
      const served = await rendererFile(opts.rendererDir, url.pathname);
      if (!served) return void res.writeHead(404).end('Not found');
      res.writeHead(200, { 'Content-Type': served.type, 'Cache-Control': 'no-cache' });
      res.end(await readFile(served.file));
    })().catch((e: Error) => res.writeHead(500).end(e.message));
  });

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: 64 * 1024 * 1024,
  });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    // A page from anywhere else (another site open in the same browser) is refused.
    if (url.pathname !== '/ipc' || req.headers.origin !== origin || !sameToken(url.searchParams.get('token'), token)) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws));
  });

  wss.on('connection', (ws: WebSocket) => {
    const off = service.on((event, payload) => ws.send(JSON.stringify({ event, payload })));
    ws.on('close', off);
    ws.on('message', (data) => {
      void (async () => {
        let msg: { id?: unknown; channel?: unknown; payload?: unknown };
        try {
          msg = JSON.parse(String(data)) as typeof msg;
        } catch {
          return ws.send(JSON.stringify({ id: null, result: { ok: false, error: { code: 'BAD_REQUEST', message: 'Not JSON' } } }));
        }
        ws.send(JSON.stringify({ id: msg.id ?? null, result: await dispatch(handlers, msg.channel, msg.payload) }));
      })();
    });
  });

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    port,
    token,
    close: async () => {
      for (const c of wss.clients) c.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
