/**
 * app://recibo/ serves the built renderer (with the window's CSP), receipt://<sha256> serves a
 * stored receipt image. Both resolve through api/files.ts, as the browser host does: nothing
 * outside the renderer folder, no image that is not a stored receipt's, never a path from the page.
 */
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { receiptImage, rendererFile, type ServedFile } from '../api/files';
import type { Core } from '../core/data-folder';
import { ELECTRON_CSP } from '../csp';
import { APP_HOST, APP_SCHEME, RECEIPT_SCHEME } from './origin';

/** Must run before the app is ready. */
export function registerPrivilegedSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    { scheme: RECEIPT_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

const notFound = () => new Response('Not found', { status: 404 });

async function respond(served: ServedFile | null, headers: Record<string, string>): Promise<Response> {
  if (!served) return notFound();
  const body = await readFile(served.file).catch(() => null);
  return body ? new Response(new Uint8Array(body), { headers: { 'Content-Type': served.type, 'X-Content-Type-Options': 'nosniff', ...headers } }) : notFound();
}

export function handleProtocols(rendererDir: string, core: Core): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return notFound();
    return respond(await rendererFile(rendererDir, url.pathname), { 'Content-Security-Policy': ELECTRON_CSP });
  });
  protocol.handle(RECEIPT_SCHEME, async (request) => respond(receiptImage(core, new URL(request.url).host), { 'Cache-Control': 'private, max-age=3600' }));
}
