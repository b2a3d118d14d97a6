/**
 * The browser host: the core in plain Node, serving the built renderer and the same contract
 * over a loopback WebSocket, so the real window runs in a browser (development, end-to-end tests
 * here, where Electron's binary cannot be downloaded). Loopback only, a random port and a random
 * token: the page is opened as `http://127.0.0.1:<port>/?token=<token>`, and a WebSocket
 * connection must carry the token and come from that origin. Images are served from the content
 * store by sha256 only, the browser twin of Electron's `receipt://` protocol.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { dispatchWindowCall } from './api/dispatch';
import { createHandlers } from './api/handlers';
import type { AppService } from './api/service';
import { receiptImage, rendererFile } from './api/files';
import { newToken, parseFrame, requestTarget, tokenMatches } from './api/web-gate';
import { webHostCsp } from './csp';

export interface WebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** Largest WebSocket frame: a drop is sent in slices well under this (src-renderer/state). */
const MAX_FRAME_BYTES = 64 * 1024 * 1024;
/** WebSocket close code for a frame that is not a contract call (RFC 6455: policy violation). */
const CLOSE_POLICY = 1008;

export async function startWebHost(service: AppService, opts: { rendererDir: string; port?: number }): Promise<WebHost> {
  const token = newToken();
  const handlers = createHandlers(service);
  let origin = '';
  let port = 0;

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = requestTarget(req.url);
      if (!url) return void res.writeHead(400).end('Bad request');
      res.setHeader('Content-Security-Policy', webHostCsp(port));
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Referrer-Policy', 'no-referrer');
      const image = /^\/receipt\/([^/]+)$/.exec(url.pathname);
      if (image) {
        if (!tokenMatches(url.searchParams.get('token'), token)) return void res.writeHead(403).end('Forbidden');
        const served = receiptImage(service.core, image[1]!);
        if (!served) return void res.writeHead(404).end('Not found');
        res.writeHead(200, { 'Content-Type': served.type, 'Cache-Control': 'private, max-age=3600' });
        return void createReadStream(served.file).pipe(res);
      }
      const served = await rendererFile(opts.rendererDir, url.pathname);
      if (!served) return void res.writeHead(404).end('Not found');
      res.writeHead(200, { 'Content-Type': served.type, 'Cache-Control': 'no-cache' });
      res.end(await readFile(served.file));
    })().catch(() => {
      // The message could name a path; the browser needs only the status.
      if (!res.headersSent) res.writeHead(500);
      res.end('Internal error');
    });
  });

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES,
  });
  server.on('upgrade', (req, socket, head) => {
    // A socket reset mid-handshake must not become an uncaught 'error'.
    socket.on('error', () => socket.destroy());
    const url = requestTarget(req.url);
    if (!url) return void socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    // A page from anywhere else (another site open in the same browser) is refused.
    if (url.pathname !== '/ipc' || req.headers.origin !== origin || !tokenMatches(url.searchParams.get('token'), token)) {
      return void socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws));
  });

  wss.on('connection', (ws: WebSocket) => {
    const send = (message: unknown) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    };
    const off = service.on((event, payload) => send({ event, payload }));
    ws.on('close', off);
    // An oversized or malformed frame makes ws close the socket and emit 'error': without a
    // listener that error would end the process.
    ws.on('error', () => ws.terminate());
    ws.on('message', (data, isBinary) => {
      const frame = isBinary ? null : parseFrame(String(data));
      if (!frame) return ws.close(CLOSE_POLICY, 'Not a contract call');
      dispatchWindowCall(handlers, frame.channel, frame.payload).then(
        (result) => send({ id: frame.id, result }),
        () => send({ id: frame.id, result: { ok: false, error: { code: 'INTERNAL', message: 'The call failed' } } }),
      );
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
