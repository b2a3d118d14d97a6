import { describe, expect, it } from 'vitest';
import { sniffFormat } from './sniff-format';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? Array.from(p, (c) => c.charCodeAt(0)) : p)));

describe('sniffFormat', () => {
  it.each([
    ['png', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a])],
    ['jpeg', bytes([0xff, 0xd8, 0xff, 0xe0])],
    ['gif', bytes('GIF89a')],
    ['webp', bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 ')],
    ['tiff', bytes('II', [0x2a, 0])],
    ['avif', bytes([0, 0, 0, 0x1c], 'ftypavif')],
  ])('accepts %s by its signature', (format, head) => {
    expect(sniffFormat(head)).toEqual({ supported: true, format });
  });

  it.each([
    ['heic', bytes([0, 0, 0, 0x18], 'ftypheic')],
    ['pdf', bytes('%PDF-1.7\n')],
    ['svg', bytes('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg">')],
    ['svg', bytes([0xef, 0xbb, 0xbf], '  <svg width="10">')],
    ['bmp', bytes('BM', [0, 0, 0, 0])],
    ['text', bytes('Referencia: 0034 monto 1.250,75\n')],
    ['unknown', bytes([0, 1, 2, 3, 254, 255, 7, 8])],
  ])('refuses %s whatever the file is called', (format, head) => {
    expect(sniffFormat(head)).toEqual({ supported: false, format });
  });
});
