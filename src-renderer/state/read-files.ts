/**
 * Dropped files as the contract's `intake:add` wants them: base64, in requests of bounded size
 * so a drop of 300 screenshots is neither one giant message nor 300 round trips.
 */
export interface EncodedFile {
  name: string;
  base64: string;
}

const MAX_REQUEST_BYTES = 24 * 1024 * 1024;
const MAX_REQUEST_FILES = 50;

export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('No se pudo leer el archivo'));
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
