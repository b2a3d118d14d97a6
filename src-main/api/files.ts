/**
 * What a window may load besides the contract: the renderer's own files, and stored receipt
 * images by sha256. Shared by Electron's protocols (app://, receipt://) and the browser host so
 * both confine requests the same way: nothing outside the renderer's folder, no image but a
 * stored receipt's, never a path from the request.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { receiptBySha } from '../db/receipts';
import type { Core } from '../core/data-folder';

const RENDERER_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2', '.woff': 'font/woff', '.png': 'image/png', '.ico': 'image/x-icon', '.json': 'application/json',
};
const IMAGE_TYPES: Record<string, string> = { png: 'image/png', jpeg: 'image/jpeg', jpg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', tiff: 'image/tiff', avif: 'image/avif' };

export interface ServedFile {
  file: string;
  type: string;
}

/** A renderer file for a URL path (`/` is index.html), or null when it is not one. */
export async function rendererFile(rendererDir: string, urlPath: string): Promise<ServedFile | null> {
  let rel: string;
  try {
    rel = urlPath === '/' || urlPath === '' ? 'index.html' : decodeURIComponent(urlPath).replace(/^\/+/, '');
  } catch {
    return null; // malformed percent-encoding
  }
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, rel);
  if (!file.startsWith(root + path.sep)) return null;
  if (!(await stat(file).catch(() => null))?.isFile()) return null;
  return { file, type: RENDERER_TYPES[path.extname(file)] ?? 'application/octet-stream' };
}

const isSha256 = (s: string) => /^[0-9a-f]{64}$/.test(s);

/** The stored image of a receipt, by sha256 only. */
export function receiptImage(core: Core, sha256: string): ServedFile | null {
  if (!isSha256(sha256)) return null;
  const row = receiptBySha(core.db, sha256);
  const type = row && IMAGE_TYPES[row.ext];
  return type ? { file: core.store.pathOf(row.sha256, row.ext), type } : null;
}
