/**
 * What a file really is, from its first bytes: operators' files arrive renamed, and a
 * ".png" that is a PDF or a HEIC must be refused clearly rather than half-decoded.
 */

export type SupportedFormat = 'png' | 'jpeg' | 'gif' | 'webp' | 'tiff' | 'avif';
export type RefusedFormat = 'svg' | 'pdf' | 'heic' | 'bmp' | 'text' | 'unknown';

export type Sniffed = { supported: true; format: SupportedFormat } | { supported: false; format: RefusedFormat };

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((v, i) => b[at + i] === v);
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);
const AVIF_BRANDS = new Set(['avif', 'avis']);

export function sniffFormat(head: Uint8Array): Sniffed {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { supported: true, format: 'png' };
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { supported: true, format: 'jpeg' };
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') return { supported: true, format: 'gif' };
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return { supported: true, format: 'webp' };
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return { supported: true, format: 'tiff' };
  if (ascii(head, 4, 8) === 'ftyp') {
    const brand = ascii(head, 8, 12);
    if (AVIF_BRANDS.has(brand)) return { supported: true, format: 'avif' };
    if (HEIF_BRANDS.has(brand)) return { supported: false, format: 'heic' };
    return { supported: false, format: 'unknown' };
  }
  if (ascii(head, 0, 5) === '%PDF-') return { supported: false, format: 'pdf' };
  if (ascii(head, 0, 2) === 'BM') return { supported: false, format: 'bmp' };
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart();
  if (/^<(\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(text) || (text.startsWith('<') && /<svg[\s>]/i.test(text))) {
    return { supported: false, format: 'svg' };
  }
  return { supported: false, format: looksLikeText(head) ? 'text' : 'unknown' };
}

function looksLikeText(head: Uint8Array): boolean {
  const n = Math.min(head.length, 512);
  if (n === 0) return false;
  let printable = 0;
  for (let i = 0; i < n; i++) {
    const c = head[i]!;
    if (c === 9 || c === 10 || c === 13 || (c >= 32 && c !== 127)) printable++;
  }
  return printable / n > 0.95;
}

export const FORMAT_NAMES: Record<RefusedFormat, string> = {
  svg: 'an SVG drawing',
  pdf: 'a PDF document',
  heic: 'a HEIC/HEIF photo',
  bmp: 'a BMP bitmap',
  text: 'a text file',
  unknown: 'not an image',
};
