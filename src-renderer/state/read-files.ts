/**
 * Dropped files as the contract's `intake:add` wants them: base64, in requests of bounded size
 * so a drop of 300 screenshots is neither one giant message nor 300 round trips.
 */
import { messages } from '../i18n';

const MAX_REQUEST_BYTES = 24 * 1024 * 1024;
const MAX_REQUEST_FILES = 50;

export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error(messages().app.fileUnreadable));
    reader.readAsDataURL(file);
  });
}

/** Groups files into requests: at most 50 files or about 24 MB each, order kept. */
export function chunkFiles<T extends { size: number }>(files: readonly T[]): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const f of files) {
    if (current.length > 0 && (current.length >= MAX_REQUEST_FILES || bytes + f.size > MAX_REQUEST_BYTES)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(f);
    bytes += f.size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/**
 * The files of a drop, folders walked (the browser gives a folder as an entry to read, not as a
 * file): what Electron does by path in the core, a browser does here. Hidden files are skipped.
 */
export async function filesOfEntries(entries: readonly FileSystemEntry[]): Promise<File[]> {
  const out: File[] = [];
  const walk = async (entry: FileSystemEntry): Promise<void> => {
    if (entry.name.startsWith('.')) return;
    if (entry.isFile) {
      out.push(await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject)));
      return;
    }
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    // readEntries answers in slices (100 at a time in Chromium) until it answers none.
    for (;;) {
      const slice = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
      if (slice.length === 0) break;
      for (const child of slice.sort((a, b) => a.name.localeCompare(b.name))) await walk(child);
    }
  };
  for (const entry of entries) await walk(entry);
  return out;
}

/** A pasted image, named so the operator recognises it in the list. */
export function pastedName(file: File, at: Date, index: number): string {
  const ext = file.type.split('/')[1]?.replace('jpeg', 'jpg') ?? 'png';
  const stamp = `${at.getFullYear()}${String(at.getMonth() + 1).padStart(2, '0')}${String(at.getDate()).padStart(2, '0')}-${String(at.getHours()).padStart(2, '0')}${String(at.getMinutes()).padStart(2, '0')}${String(at.getSeconds()).padStart(2, '0')}`;
  return `${messages().intake.pastedPrefix}-${stamp}${index > 0 ? `-${index + 1}` : ''}.${ext}`;
}
