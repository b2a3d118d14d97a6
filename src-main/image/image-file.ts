/**
 * What makes a file an image Recibo takes: its size, its format by its bytes, and the failure
 * codes the operator sees when it is not. Shared by the image store (intake) and the OCR engine
 * (reading), so both refuse the same files with the same words. No decoding here: sharp is the
 * engine's (ocr/decode.ts), and intake does not pay for loading it.
 */
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { OcrErrorCode } from '../../src-shared/ocr/types';
import { FORMAT_NAMES, sniffFormat, type SupportedFormat } from './sniff-format';

export const LIMITS = {
  maxFileBytes: 16 * 1024 * 1024,
  maxPixels: 40_000_000,
  minSide: 32,
} as const;

export class OcrFailure extends Error {
  override name = 'OcrFailure';
  constructor(readonly code: OcrErrorCode, message: string) {
    super(message);
  }
}

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The image format of `bytes`, or the failure that refuses them (`name` words the message). */
export function imageFormatOf(bytes: Uint8Array, name: string): SupportedFormat {
  if (bytes.length === 0) throw new OcrFailure('EMPTY_FILE', `${name} is empty (0 bytes)`);
  if (bytes.length > LIMITS.maxFileBytes) throw tooLarge(name, bytes.length);
  const sniffed = sniffFormat(bytes.subarray(0, 512));
  if (!sniffed.supported) throw new OcrFailure('UNSUPPORTED_FORMAT', `${path.basename(name)} is ${FORMAT_NAMES[sniffed.format]}; Recibo reads PNG, JPEG, WebP, GIF, TIFF and AVIF images`);
  return sniffed.format;
}

const tooLarge = (name: string, size: number) => new OcrFailure('TOO_LARGE', `${name} is ${(size / 1048576).toFixed(1)} MB; the limit is ${LIMITS.maxFileBytes / 1048576} MB`);

/**
 * A regular file's bytes, within the size limit, read once. `hash`: also their sha256 (false
 * when the caller already knows it, as the queue does for stored images).
 */
export async function readImageFile(file: string, opts: { hash?: boolean } = {}): Promise<{ bytes: Buffer; sha256: string | null }> {
  let size: number;
  try {
    const s = await stat(file);
    if (!s.isFile()) throw new OcrFailure('NOT_FOUND', `${file} is not a file`);
    size = s.size;
  } catch (e) {
    if (e instanceof OcrFailure) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new OcrFailure('NOT_FOUND', code === 'ENOENT' ? `File not found: ${file}` : `Cannot open ${file}: ${(e as Error).message}`);
  }
  if (size === 0) throw new OcrFailure('EMPTY_FILE', `${file} is empty (0 bytes)`);
  if (size > LIMITS.maxFileBytes) throw tooLarge(file, size);
  const handle = await open(file, 'r');
  try {
    const bytes = await handle.readFile();
    return { bytes, sha256: opts.hash === false ? null : sha256Hex(bytes) };
  } finally {
    await handle.close();
  }
}
