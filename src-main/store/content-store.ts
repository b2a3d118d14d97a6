/**
 * Images by their content: `images/ab/abcdef….png`, named by sha256 and the format their bytes
 * say. A file is written beside its place, flushed, then renamed: a crash leaves either the whole
 * image or nothing, never half of one. Putting the same bytes twice finds them already there.
 */
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { imageFormatOf, OcrFailure, readImageFile, sha256Hex } from '../image/image-file';

/** Owner-only: the store holds other people's payment details. */
const FILE_MODE = 0o600;
const DIR_MODE = 0o700;

export interface StoredImage {
  sha256: string;
  /** File extension from the content ("png", "jpeg"...). */
  ext: string;
  sizeBytes: number;
  /** Absolute path in the store. */
  file: string;
  /** The bytes were already stored. */
  existed: boolean;
}

export class ContentStore {
  constructor(readonly root: string) {}

  pathOf(sha256: string, ext: string): string {
    return path.join(this.root, sha256.slice(0, 2), `${sha256}.${ext}`);
  }

  /**
   * Copies a file in. Only a regular file holding an image Recibo reads is stored: anything else
   * (a text file, a PDF, a device) is refused with the decoder's codes (NOT_FOUND, EMPTY_FILE,
   * TOO_LARGE, UNSUPPORTED_FORMAT) and no copy is made.
   */
  async put(source: string): Promise<StoredImage> {
    const { bytes } = await readImageFile(source, { hash: false });
    return this.putBytes(bytes, path.basename(source));
  }

  /**
   * Stores bytes that arrived in memory (a drop in the window), refused as `put` refuses a file;
   * `name` only words the refusal. The bytes are hashed here, once: the hash names the file and
   * goes with the receipt to the worker.
   */
  async putBytes(bytes: Buffer, name: string): Promise<StoredImage> {
    const ext = imageFormatOf(bytes, name);
    const sha256 = sha256Hex(bytes);
    const file = this.pathOf(sha256, ext);
    if (await exists(file)) return { sha256, ext, sizeBytes: bytes.length, file, existed: true };
    const partial = `${file}.${process.pid}.partial`;
    try {
      await mkdir(path.dirname(file), { recursive: true, mode: DIR_MODE });
      const handle = await open(partial, 'w', FILE_MODE);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(partial, file);
    } catch (e) {
      // A full disk must not leave half an image behind; the error stops this file only.
      await rm(partial, { force: true }).catch(() => undefined);
      throw new OcrFailure('STORE_FAILED', `Could not store ${path.basename(name)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    return { sha256, ext, sizeBytes: bytes.length, file, existed: false };
  }

  /** Removes an image; an image already gone is not an error. */
  async remove(sha256: string, ext: string): Promise<boolean> {
    const file = this.pathOf(sha256, ext);
    const there = await exists(file);
    await rm(file, { force: true });
    return there;
  }
}

const exists = (file: string) =>
  stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
