/**
 * Images by their content: `images/ab/abcdef….png`, named by sha256 and the format their bytes
 * say. A file is written beside its place, flushed, then renamed: a crash leaves either the whole
 * image or nothing, never half of one. Putting the same bytes twice finds them already there.
 */
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { readImageFile } from '../ocr/decode';
import { sniffFormat } from '../ocr/pipeline/sniff-format';

export interface StoredImage {
  sha256: string;
  /** File extension from the content ("png", "jpeg"...; "bin" for formats Recibo cannot read). */
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

  /** Copies a file in (reading errors are the decoder's, with its codes: NOT_FOUND, EMPTY_FILE, TOO_LARGE). */
  async put(source: string): Promise<StoredImage> {
    const { bytes, sha256 } = await readImageFile(source);
    const sniffed = sniffFormat(bytes.subarray(0, 512));
    const ext = sniffed.supported ? sniffed.format : 'bin';
    const file = this.pathOf(sha256, ext);
    if (await exists(file)) return { sha256, ext, sizeBytes: bytes.length, file, existed: true };
    await mkdir(path.dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}.partial`;
    const handle = await open(partial, 'w');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(partial, file);
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
