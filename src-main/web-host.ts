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
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { dispatch } from './api/dispatch';
import { createHandlers } from './api/handlers';
import type { CoreService } from './api/service';
import { receiptBySha } from './db/receipts';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.png': 'image/png', '.json': 'application/json' };
const IMAGE_TYPES: Record<string, string> = { png: 'image/png', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', tiff: 'image/tiff', avif: 'image/avif' };
/** The same policy the Electron window sets: nothing but this origin and the store's images. */
export const CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' blob: data:; style-src 'self' 'unsafe-inline'; font-src 'self'; connect-src 'self' ws://127.0.0.1:*; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

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

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', origin || 'http://127.0.0.1');
      res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      const image = /^\/receipt\/([0-9a-f]{64})$/.exec(url.pathname);
      if (image) {
        if (!sameToken(url.searchParams.get('token'), token)) return void res.writeHead(403).end('Forbidden');
        const row = receiptBySha(service.core.db, image[1]!);
        if (!row || !IMAGE_TYPES[row.ext]) return void res.writeHead(404).end('Not found');
        res.writeHead(200, { 'Content-Type': IMAGE_TYPES[row.ext]!, 'Cache-Control': 'private, max-age=3600' });
        return void createReadStream(service.core.store.pathOf(row.sha256, row.ext)).pipe(res);
      }
      // The renderer's own files, nothing outside its folder.
      const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
      const file = path.resolve(opts.rendererDir, rel);
      if (!file.startsWith(path.resolve(opts.rendererDir) + path.sep) || !(await stat(file).catch(() => null))?.isFile()) return void res.writeHead(404).end('Not found');
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      res.end(await readFile(file));
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
  const port = (server.address() as AddressInfo).port;
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
